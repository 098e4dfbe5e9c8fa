using System.Diagnostics;

namespace AwsCore.Credentials;

/// <summary>
/// One set of AWS credentials and where they came from. Immutable; a refresh produces a new instance.
/// <see cref="ToString"/> and the debugger display never show the secret key or the session token.
/// </summary>
[DebuggerDisplay("{ToString(),nq}")]
public sealed class AwsCredentials
{
    /// <summary>Creates credentials; <paramref name="source"/> names the provider, as botocore's credential method does ("env", "shared-credentials-file", ...).</summary>
    public AwsCredentials(string accessKeyId, string secretAccessKey, string? sessionToken = null, DateTimeOffset? expiration = null, string source = "explicit")
    {
        if (string.IsNullOrEmpty(accessKeyId)) throw new ArgumentException("the access key id is empty", nameof(accessKeyId));
        if (string.IsNullOrEmpty(secretAccessKey)) throw new ArgumentException("the secret access key is empty", nameof(secretAccessKey));
        AccessKeyId = accessKeyId;
        SecretAccessKey = secretAccessKey;
        SessionToken = string.IsNullOrEmpty(sessionToken) ? null : sessionToken;
        Expiration = expiration;
        Source = source;
    }

    /// <summary>The access key id (not a secret; it appears in the signature's credential scope).</summary>
    public string AccessKeyId { get; }

    /// <summary>The secret access key. Never logged, never shown.</summary>
    [DebuggerBrowsable(DebuggerBrowsableState.Never)]
    public string SecretAccessKey { get; }

    /// <summary>The session token of temporary credentials, or null. Never logged, never shown.</summary>
    [DebuggerBrowsable(DebuggerBrowsableState.Never)]
    public string? SessionToken { get; }

    /// <summary>When temporary credentials stop working; null for long-term keys.</summary>
    public DateTimeOffset? Expiration { get; }

    /// <summary>The provider that produced these credentials, in botocore's naming ("env", "assume-role", "sso", ...).</summary>
    public string Source { get; }

    /// <summary>A copy with another source name (used by chains that wrap a provider).</summary>
    public AwsCredentials WithSource(string source) => new(AccessKeyId, SecretAccessKey, SessionToken, Expiration, source);

    /// <summary>The access key id with all but its last four characters masked, the source and the expiry.</summary>
    public override string ToString()
    {
        var masked = AccessKeyId.Length <= 4 ? "****" : new string('*', AccessKeyId.Length - 4) + AccessKeyId.Substring(AccessKeyId.Length - 4);
        var expiry = Expiration is { } e ? ", expires " + e.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", System.Globalization.CultureInfo.InvariantCulture) : "";
        var token = SessionToken is null ? "" : ", with session token";
        return $"AwsCredentials({masked}, source {Source}{token}{expiry})";
    }
}
