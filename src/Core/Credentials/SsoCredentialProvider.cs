using AwsCore.Config;
using AwsCore.Models;

namespace AwsCore.Credentials;

/// <summary>
/// A profile with sso_account_id and sso_role_name: SSO GetRoleCredentials (unsigned, in sso_region) with the
/// cached SSO token, from an [sso-session] (refreshable) or the legacy sso_start_url/sso_region keys. botocore's "sso".
/// </summary>
public sealed class SsoCredentialProvider : CachingCredentialProvider
{
    public const string ProviderName = "sso";

    private readonly CredentialProviderOptions _options;
    private readonly string _profile;
    private readonly SsoTokenProvider _tokens;

    public SsoCredentialProvider(CredentialProviderOptions options, string profile) : base(options.Clock)
    {
        _options = options;
        _profile = profile;
        _tokens = new SsoTokenProvider(options, profile);
    }

    public override string Name => ProviderName;

    protected override async Task<AwsCredentials?> FetchAsync(CancellationToken cancellationToken)
    {
        var config = ResolveConfig();
        if (config is null) return null;

        string token;
        if (config.ContainsKey("sso_session"))
        {
            token = (await _tokens.GetTokenAsync(cancellationToken).ConfigureAwait(false))!.AccessToken;
        }
        else
        {
            var path = Path.Combine(_options.SsoCacheFolder, SsoTokenProvider.CacheFileName(config["sso_start_url"]));
            var cached = SsoTokenProvider.ReadCache(path, config["sso_start_url"]);
            if (SsoTokenProvider.Expiry(cached, "expiresAt", path) <= Now)
                throw new CredentialProviderException(Name, $"the SSO token for {config["sso_start_url"]} has expired; run 'aws sso login --profile {_profile}'");
            token = SsoTokenProvider.Text(cached, "accessToken", path);
        }

        var call = _options.RequireServiceCall(Name);
        ValueMap output;
        try
        {
            output = await call("sso", "GetRoleCredentials", new Dictionary<string, object?>
            {
                ["roleName"] = config["sso_role_name"],
                ["accountId"] = config["sso_account_id"],
                ["accessToken"] = token,
            }, new AwsServiceCallContext(config["sso_region"], null), cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException and not CredentialProviderException)
        {
            throw new CredentialProviderException(Name, $"GetRoleCredentials for profile {_profile} failed ({e.GetType().Name}); the SSO session may have expired, run 'aws sso login'", e);
        }
        var role = CredentialValues.RequireMap(output, "roleCredentials", Name);
        return new AwsCredentials(
            CredentialValues.RequireString(role, "accessKeyId", Name, "roleCredentials"),
            CredentialValues.RequireString(role, "secretAccessKey", Name, "roleCredentials"),
            CredentialValues.RequireString(role, "sessionToken", Name, "roleCredentials"),
            CredentialValues.ParseExpiration(role.TryGetValue("expiration", out var exp) && exp is long or int ? Convert.ToDouble(exp) / 1000 : exp, Name, "roleCredentials.expiration"),
            Name);
    }

    /// <summary>The profile's SSO settings merged with its sso-session's; null when the profile is not an SSO profile.</summary>
    private Dictionary<string, string>? ResolveConfig()
    {
        var files = _options.Config.Files;
        if (!files.Profiles.TryGetValue(_profile, out var profile)) return null;
        if (!profile.ContainsKey("sso_role_name") && !profile.ContainsKey("sso_account_id")) return null;
        var config = profile.ToDictionary(p => p.Key, p => p.Value.Text, StringComparer.Ordinal);
        var required = new List<string> { "sso_role_name", "sso_account_id", "sso_start_url", "sso_region" };
        if (config.TryGetValue("sso_session", out var sessionName))
        {
            if (!files.SsoSessions.TryGetValue(sessionName, out var session))
                throw new CredentialProviderException(Name, $"the sso-session \"{sessionName}\" of profile {_profile} does not exist");
            foreach (var pair in session)
            {
                if (config.TryGetValue(pair.Key, out var own) && own != pair.Value.Text)
                    throw new CredentialProviderException(Name, $"{pair.Key} differs between profile {_profile} ({own}) and sso-session {sessionName} ({pair.Value.Text})");
                config[pair.Key] = pair.Value.Text;
            }
            required.Add("sso_session");
        }
        var missing = required.Where(k => !config.ContainsKey(k)).ToList();
        if (missing.Count > 0)
            throw new CredentialProviderException(Name, $"profile {_profile} is configured for SSO but lacks {string.Join(", ", missing)}");
        return config;
    }
}
