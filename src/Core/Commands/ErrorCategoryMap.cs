namespace AwsCore.Commands;

/// <summary>
/// Maps AWS error codes to the name of the PowerShell <c>ErrorCategory</c> that describes them, so the Module can fill
/// an ErrorRecord's CategoryInfo without Core referencing PowerShell. Rules are tried in order; the first match wins.
/// </summary>
public static class ErrorCategoryMap
{
    /// <summary>The category used when no rule matches.</summary>
    public const string Default = "NotSpecified";

    private enum Match { Exact, Prefix, Suffix, Contains }

    private sealed class Rule
    {
        public Rule(Match match, string text, string category) { How = match; Text = text; Category = category; }
        public Match How { get; }
        public string Text { get; }
        public string Category { get; }

        public bool IsMatch(string code) => How switch
        {
            Match.Exact => string.Equals(code, Text, StringComparison.OrdinalIgnoreCase),
            Match.Prefix => code.StartsWith(Text, StringComparison.OrdinalIgnoreCase),
            Match.Suffix => code.EndsWith(Text, StringComparison.OrdinalIgnoreCase),
            _ => code.IndexOf(Text, StringComparison.OrdinalIgnoreCase) >= 0,
        };
    }

    // Order matters: credential and signature failures contain "Invalid" and must be caught before the argument rule;
    // quota rules come before the generic "LimitExceeded" one.
    private static readonly Rule[] Rules =
    {
        new(Match.Exact, "AuthFailure", "AuthenticationError"),
        new(Match.Exact, "InvalidClientTokenId", "AuthenticationError"),
        new(Match.Exact, "InvalidAccessKeyId", "AuthenticationError"),
        new(Match.Exact, "SignatureDoesNotMatch", "AuthenticationError"),
        new(Match.Exact, "IncompleteSignature", "AuthenticationError"),
        new(Match.Exact, "MissingAuthenticationToken", "AuthenticationError"),
        new(Match.Prefix, "UnrecognizedClient", "AuthenticationError"),
        new(Match.Prefix, "ExpiredToken", "AuthenticationError"),
        new(Match.Exact, "InvalidToken", "AuthenticationError"),
        new(Match.Exact, "RequestExpired", "AuthenticationError"),
        new(Match.Prefix, "Authentication", "AuthenticationError"),
        new(Match.Prefix, "AuthFailed", "AuthenticationError"),
        new(Match.Prefix, "AccessDenied", "PermissionDenied"),
        new(Match.Prefix, "Unauthorized", "PermissionDenied"),
        new(Match.Suffix, "Forbidden", "PermissionDenied"),
        new(Match.Suffix, "ForbiddenException", "PermissionDenied"),
        new(Match.Exact, "OptInRequired", "PermissionDenied"),
        new(Match.Prefix, "Authorization", "PermissionDenied"),
        new(Match.Contains, "Denied", "PermissionDenied"),
        new(Match.Prefix, "NoSuch", "ObjectNotFound"),
        new(Match.Contains, "NotFound", "ObjectNotFound"),
        new(Match.Contains, "DoesNotExist", "ObjectNotFound"),
        new(Match.Contains, "NotExist", "ObjectNotFound"),
        new(Match.Prefix, "Throttl", "LimitsExceeded"),
        new(Match.Contains, "TooManyRequests", "LimitsExceeded"),
        new(Match.Prefix, "RequestLimitExceeded", "LimitsExceeded"),
        new(Match.Prefix, "ProvisionedThroughputExceeded", "LimitsExceeded"),
        new(Match.Exact, "SlowDown", "LimitsExceeded"),
        new(Match.Prefix, "RequestThrottled", "LimitsExceeded"),
        new(Match.Prefix, "BandwidthLimitExceeded", "LimitsExceeded"),
        new(Match.Contains, "QuotaExceeded", "QuotaExceeded"),
        new(Match.Contains, "LimitExceeded", "LimitsExceeded"),
        new(Match.Contains, "RateExceeded", "LimitsExceeded"),
        new(Match.Prefix, "TooMany", "LimitsExceeded"),
        new(Match.Contains, "AlreadyExists", "ResourceExists"),
        new(Match.Prefix, "BucketAlreadyOwnedByYou", "ResourceExists"),
        new(Match.Contains, "InUse", "ResourceExists"),
        new(Match.Prefix, "Conflict", "ResourceExists"),
        new(Match.Prefix, "Duplicate", "ResourceExists"),
        new(Match.Contains, "AlreadyOwnedByYou", "ResourceExists"),
        new(Match.Contains, "ExistsException", "ResourceExists"),
        new(Match.Prefix, "ConcurrentModification", "ResourceBusy"),
        new(Match.Contains, "InProgress", "ResourceBusy"),
        new(Match.Prefix, "Validation", "InvalidArgument"),
        new(Match.Prefix, "InvalidParameter", "InvalidArgument"),
        new(Match.Prefix, "MissingParameter", "InvalidArgument"),
        new(Match.Prefix, "MissingRequiredParameter", "InvalidArgument"),
        new(Match.Prefix, "Malformed", "InvalidData"),
        new(Match.Prefix, "Serialization", "InvalidData"),
        new(Match.Prefix, "InvalidState", "InvalidOperation"),
        new(Match.Prefix, "IncorrectState", "InvalidOperation"),
        new(Match.Prefix, "ConditionalCheckFailed", "InvalidOperation"),
        new(Match.Prefix, "PreconditionFailed", "InvalidOperation"),
        new(Match.Prefix, "TransactionCanceled", "InvalidOperation"),
        new(Match.Prefix, "BadRequest", "InvalidArgument"),
        new(Match.Contains, "Required", "InvalidArgument"),
        new(Match.Contains, "Mismatch", "InvalidArgument"),
        new(Match.Contains, "Illegal", "InvalidArgument"),
        new(Match.Contains, "TooLarge", "InvalidArgument"),
        new(Match.Contains, "TooLong", "InvalidArgument"),
        new(Match.Contains, "Invalid", "InvalidArgument"),
        new(Match.Contains, "NotSupported", "NotImplemented"),
        new(Match.Prefix, "Unsupported", "NotImplemented"),
        new(Match.Prefix, "NotImplemented", "NotImplemented"),
        new(Match.Contains, "Timeout", "OperationTimeout"),
        new(Match.Contains, "TimedOut", "OperationTimeout"),
        new(Match.Prefix, "ServiceUnavailable", "ResourceUnavailable"),
        new(Match.Contains, "Unavailable", "ResourceUnavailable"),
        new(Match.Prefix, "InternalError", "ResourceUnavailable"),
        new(Match.Prefix, "InternalFailure", "ResourceUnavailable"),
        new(Match.Prefix, "InternalServer", "ResourceUnavailable"),
        new(Match.Prefix, "ServiceFailure", "ResourceUnavailable"),
        new(Match.Contains, "Busy", "ResourceBusy"),
        new(Match.Prefix, "Insufficient", "ResourceUnavailable"),
        new(Match.Contains, "NotReady", "ResourceUnavailable"),
        new(Match.Prefix, "BadGateway", "ResourceUnavailable"),
        new(Match.Contains, "Exceeded", "LimitsExceeded"),
        new(Match.Contains, "Disabled", "NotEnabled"),
        new(Match.Suffix, "NotEnabled", "NotEnabled"),
        new(Match.Suffix, "NotEnabledException", "NotEnabled"),
    };

    /// <summary>
    /// The ErrorCategory name for an AWS error code ("NoSuchBucket" -> "ObjectNotFound"); <see cref="Default"/> for an
    /// unknown, empty or null code. A code qualified by a namespace ("aws.protocoltests#FooError", "Foo:http://...") is
    /// matched on its bare name.
    /// </summary>
    public static string CategoryName(string? errorCode)
    {
        var code = BareCode(errorCode);
        if (code.Length == 0) return Default;
        foreach (var rule in Rules)
            if (rule.IsMatch(code)) return rule.Category;
        return Default;
    }

    /// <summary>The error code without a namespace prefix ("ns#Code") or a colon suffix ("Code:uri"); "" for null.</summary>
    public static string BareCode(string? errorCode)
    {
        if (string.IsNullOrWhiteSpace(errorCode)) return "";
        var code = errorCode!.Trim();
        var hash = code.LastIndexOf('#');
        if (hash >= 0) code = code.Substring(hash + 1);
        var colon = code.IndexOf(':');
        if (colon > 0) code = code.Substring(0, colon);
        return code;
    }
}
