namespace AwsCore.Credentials;

/// <summary>
/// STS AssumeRoleWithWebIdentity (unsigned) with the token read from a file: AWS_WEB_IDENTITY_TOKEN_FILE,
/// AWS_ROLE_ARN, AWS_ROLE_SESSION_NAME, each falling back to the profile's web_identity_token_file, role_arn,
/// role_session_name. botocore's "assume-role-with-web-identity" provider.
/// </summary>
public sealed class WebIdentityCredentialProvider : CachingCredentialProvider
{
    public const string ProviderName = "assume-role-with-web-identity";

    private static readonly Dictionary<string, string> EnvNames = new(StringComparer.Ordinal)
    {
        ["web_identity_token_file"] = "AWS_WEB_IDENTITY_TOKEN_FILE",
        ["role_arn"] = "AWS_ROLE_ARN",
        ["role_session_name"] = "AWS_ROLE_SESSION_NAME",
    };

    private readonly CredentialProviderOptions _options;
    private readonly string _profile;
    private readonly bool _ignoreEnvironment;

    /// <param name="options">Shared provider options.</param>
    /// <param name="profile">The profile whose settings back up the environment.</param>
    /// <param name="ignoreEnvironment">True when a profile was given explicitly (or for a source profile): only the profile counts.</param>
    public WebIdentityCredentialProvider(CredentialProviderOptions options, string profile, bool ignoreEnvironment) : base(options.Clock)
    {
        _options = options;
        _profile = profile;
        _ignoreEnvironment = ignoreEnvironment;
    }

    public override string Name => ProviderName;

    private string? Setting(string key)
    {
        if (!_ignoreEnvironment && _options.Config.Environment.TryGetValue(EnvNames[key], out var env)) return env;
        return _options.Config.Files.Profiles.TryGetValue(_profile, out var profile) && profile.TryGetValue(key, out var value) ? value.Text : null;
    }

    protected override async Task<AwsCredentials?> FetchAsync(CancellationToken cancellationToken)
    {
        var tokenFile = Setting("web_identity_token_file");
        if (string.IsNullOrEmpty(tokenFile)) return null;
        var roleArn = Setting("role_arn");
        if (string.IsNullOrEmpty(roleArn))
            throw new CredentialProviderException(Name, $"a web identity token file is configured ({tokenFile}) but no role ARN: set role_arn in profile {_profile} or AWS_ROLE_ARN");

        string token;
        try
        {
            token = File.ReadAllText(tokenFile);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new CredentialProviderException(Name, $"cannot read the web identity token file {tokenFile}: {e.Message}");
        }
        var parameters = new Dictionary<string, object?>
        {
            ["RoleArn"] = roleArn,
            ["RoleSessionName"] = Setting("role_session_name") ?? StsCredentials.DefaultSessionName(Now),
            ["WebIdentityToken"] = token,
        };
        var call = _options.RequireServiceCall(Name);
        var output = await call("sts", "AssumeRoleWithWebIdentity", parameters, new AwsServiceCallContext(_options.Region, null), cancellationToken).ConfigureAwait(false);
        return StsCredentials.FromOutput(output, Name);
    }
}
