namespace AwsCore.Credentials;

/// <summary>
/// AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY, AWS_SECURITY_TOKEN or AWS_SESSION_TOKEN, and AWS_CREDENTIAL_EXPIRATION
/// (botocore's "env" provider). Nothing when AWS_ACCESS_KEY_ID is unset or empty.
/// </summary>
public sealed class EnvironmentCredentialProvider : CachingCredentialProvider
{
    public const string ProviderName = "env";

    private readonly IReadOnlyDictionary<string, string> _environment;

    public EnvironmentCredentialProvider(IReadOnlyDictionary<string, string> environment, Func<DateTimeOffset>? clock = null) : base(clock) =>
        _environment = environment;

    public override string Name => ProviderName;

    /// <summary>botocore's credential_source name for this provider.</summary>
    public const string CanonicalName = "Environment";

    protected override Task<AwsCredentials?> FetchAsync(CancellationToken cancellationToken)
    {
        var accessKey = Get("AWS_ACCESS_KEY_ID");
        if (accessKey is null) return Task.FromResult<AwsCredentials?>(null);
        var secret = Get("AWS_SECRET_ACCESS_KEY")
            ?? throw new CredentialProviderException(Name, "partial credentials found: AWS_ACCESS_KEY_ID is set and AWS_SECRET_ACCESS_KEY is not");
        var token = Get("AWS_SECURITY_TOKEN") ?? Get("AWS_SESSION_TOKEN");
        var expiry = CredentialValues.ParseExpiration(Get("AWS_CREDENTIAL_EXPIRATION"), Name, "AWS_CREDENTIAL_EXPIRATION");
        return Task.FromResult<AwsCredentials?>(new AwsCredentials(accessKey, secret, token, expiry, Name));
    }

    private string? Get(string name) => _environment.TryGetValue(name, out var v) && v.Length > 0 ? v : null;
}
