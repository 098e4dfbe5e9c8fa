namespace AwsCore.Commands;

/// <summary>The parameters every AWS command shares, as the user gave them (null: not given).</summary>
public sealed class CommonArguments
{
    /// <summary>The names of the common parameters, in the order commands declare them.</summary>
    public static readonly IReadOnlyList<string> Names = new[] { "Region", "ProfileName", "EndpointUrl", "Credential", "Query" };

    /// <summary>The names of the paging parameters of paginated commands.</summary>
    public static readonly IReadOnlyList<string> PagingNames = new[] { "MaxItems", "PageSize", "StartingToken", "NoPaginate" };

    public string? Region { get; init; }
    public string? ProfileName { get; init; }
    public string? EndpointUrl { get; init; }

    /// <summary>Credentials given with -Credential, already converted by <see cref="CredentialArgument"/>.</summary>
    public AwsCore.Credentials.AwsCredentials? Credential { get; init; }

    /// <summary>A JMESPath expression applied to the output.</summary>
    public string? Query { get; init; }

    /// <summary>The explicit settings for a <see cref="AwsCore.Config.ConfigResolver"/> (region, profile).</summary>
    public IReadOnlyDictionary<string, string?> ExplicitSettings() => new Dictionary<string, string?>(StringComparer.Ordinal)
    {
        ["region"] = Region,
        ["profile"] = ProfileName,
    };
}
