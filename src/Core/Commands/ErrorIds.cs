namespace AwsCore.Commands;

/// <summary>
/// The ErrorRecord ids AwsCore commands use. A service error's id is its AWS error code; client-side failures have
/// fixed ids of their own. PowerShell composes the FullyQualifiedErrorId as <c>&lt;id&gt;,&lt;command&gt;</c>.
/// </summary>
public static class ErrorIds
{
    /// <summary>No credentials could be found or loaded.</summary>
    public const string NoCredentials = "AwsCore.NoCredentials";

    /// <summary>The parameters do not fit the operation's input shape.</summary>
    public const string ParameterValidation = "AwsCore.ParameterValidation";

    /// <summary>The endpoint could not be resolved (region, rules, or a bad -EndpointUrl).</summary>
    public const string Endpoint = "AwsCore.Endpoint";

    /// <summary>The request never got an HTTP response (DNS, TCP, TLS, timeout).</summary>
    public const string Connection = "AwsCore.Connection";

    /// <summary>A service, operation or model that is not on the model search path.</summary>
    public const string Model = "AwsCore.Model";

    /// <summary>The -Query expression is invalid or failed to evaluate.</summary>
    public const string Query = "AwsCore.Query";

    private static readonly IReadOnlyDictionary<string, (string Id, string Category)> ClientFailures = new Dictionary<string, (string, string)>(StringComparer.Ordinal)
    {
        ["NoCredentialsException"] = (NoCredentials, "AuthenticationError"),
        ["NoRegionException"] = ("AwsCore.NoRegion", "InvalidArgument"),
        ["PaginationException"] = ("AwsCore.Pagination", "InvalidArgument"),
        ["ParameterValidationException"] = (ParameterValidation, "InvalidArgument"),
        ["ParameterConversionException"] = (ParameterValidation, "InvalidArgument"),
        ["EndpointResolutionException"] = (Endpoint, "InvalidArgument"),
        ["AwsTransportException"] = (Connection, "ConnectionError"),
        ["HttpRequestException"] = (Connection, "ConnectionError"),
        ["ModelLoadException"] = (Model, "ObjectNotFound"),
        ["JmesPathException"] = (Query, "InvalidArgument"),
        ["ProfileNotFoundException"] = ("AwsCore.ProfileNotFound", "ObjectNotFound"),
        ["ConfigFileException"] = ("AwsCore.ConfigFile", "ParserError"),
    };

    /// <summary>
    /// The id and ErrorCategory name of a client-side failure, by the exception's type name: the known ones above,
    /// else <c>AwsCore.</c> + the type name without its Exception suffix, NotSpecified.
    /// </summary>
    public static (string Id, string Category) ForClientFailure(string exceptionTypeName)
    {
        if (ClientFailures.TryGetValue(exceptionTypeName, out var known)) return known;
        var name = exceptionTypeName.EndsWith("Exception", StringComparison.Ordinal) && exceptionTypeName.Length > "Exception".Length
            ? exceptionTypeName.Substring(0, exceptionTypeName.Length - "Exception".Length)
            : exceptionTypeName;
        return ("AwsCore." + name, ErrorCategoryMap.Default);
    }

    /// <summary>The id of a service error: its bare AWS error code, or "AwsCore.UnknownServiceError" when it has none.</summary>
    public static string ForServiceError(string? errorCode)
    {
        var bare = ErrorCategoryMap.BareCode(errorCode);
        return bare.Length == 0 ? "AwsCore.UnknownServiceError" : bare;
    }

    /// <summary>The FullyQualifiedErrorId PowerShell shows for <paramref name="errorId"/> raised by <paramref name="commandName"/>.</summary>
    public static string FullyQualified(string errorId, string commandName) =>
        string.IsNullOrEmpty(commandName) ? errorId : errorId + "," + commandName;
}
