namespace AwsCore.Credentials;

/// <summary>Reads the Credentials member of an STS AssumeRole* output into <see cref="AwsCredentials"/>.</summary>
internal static class StsCredentials
{
    public static AwsCredentials FromOutput(IDictionary<string, object?> output, string provider)
    {
        var credentials = CredentialValues.RequireMap(output, "Credentials", provider);
        return new AwsCredentials(
            CredentialValues.RequireString(credentials, "AccessKeyId", provider, "Credentials"),
            CredentialValues.RequireString(credentials, "SecretAccessKey", provider, "Credentials"),
            CredentialValues.RequireString(credentials, "SessionToken", provider, "Credentials"),
            CredentialValues.ParseExpiration(credentials.TryGetValue("Expiration", out var e) ? e : null, provider, "Credentials.Expiration"),
            provider);
    }

    /// <summary>botocore's default session name when a profile names none: botocore-session-&lt;unix seconds&gt;.</summary>
    public static string DefaultSessionName(DateTimeOffset now) => "botocore-session-" + now.ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture);
}
