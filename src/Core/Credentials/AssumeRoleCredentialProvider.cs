using AwsCore.Config;

namespace AwsCore.Credentials;

/// <summary>
/// A profile with role_arn (and no web_identity_token_file): STS AssumeRole with credentials from source_profile
/// (followed through chains, cycles rejected) or credential_source (Environment, Ec2InstanceMetadata, EcsContainer),
/// plus external_id, role_session_name, duration_seconds and mfa_serial (the code comes from the MFA prompt).
/// botocore's "assume-role" provider.
/// </summary>
public sealed class AssumeRoleCredentialProvider : CachingCredentialProvider
{
    public const string ProviderName = "assume-role";

    private readonly CredentialProviderOptions _options;
    private readonly string _profile;
    private readonly IReadOnlyDictionary<string, ICredentialProvider> _credentialSources;
    private readonly Func<string, IReadOnlyList<ICredentialProvider>> _profileProviders;

    /// <param name="options">Shared provider options.</param>
    /// <param name="profile">The profile to assume the role of.</param>
    /// <param name="credentialSources">credential_source names (case-insensitive) to providers.</param>
    /// <param name="profileProviders">The profile-based providers for a source profile (web identity, SSO, keys, process), env excluded.</param>
    public AssumeRoleCredentialProvider(CredentialProviderOptions options, string profile, IReadOnlyDictionary<string, ICredentialProvider> credentialSources,
        Func<string, IReadOnlyList<ICredentialProvider>> profileProviders) : base(options.Clock)
    {
        _options = options;
        _profile = profile;
        _credentialSources = credentialSources;
        _profileProviders = profileProviders;
    }

    public override string Name => ProviderName;

    private Dictionary<string, Dictionary<string, IniValue>> Profiles => _options.Config.Files.Profiles;

    protected override async Task<AwsCredentials?> FetchAsync(CancellationToken cancellationToken)
    {
        if (!Profiles.TryGetValue(_profile, out var profile) || !IsAssumeRoleProfile(profile)) return null;
        return await AssumeAsync(_profile, new List<string> { _profile }, cancellationToken).ConfigureAwait(false);
    }

    internal static bool IsAssumeRoleProfile(Dictionary<string, IniValue> profile) =>
        profile.ContainsKey("role_arn") && !profile.ContainsKey("web_identity_token_file");

    private static bool HasStaticKeys(Dictionary<string, IniValue> profile) =>
        profile.ContainsKey("aws_access_key_id") || profile.ContainsKey("aws_secret_access_key");

    private async Task<AwsCredentials> AssumeAsync(string profileName, List<string> visited, CancellationToken cancellationToken)
    {
        var profile = Profiles[profileName];
        string? Setting(string key) => profile.TryGetValue(key, out var v) ? v.Text : null;
        var sourceProfile = Setting("source_profile");
        var credentialSource = Setting("credential_source");
        if (sourceProfile != null && credentialSource != null)
            throw new CredentialProviderException(Name, $"profile {profileName} ({profile["role_arn"]}) has both source_profile and credential_source");
        if (sourceProfile == null && credentialSource == null)
            throw new CredentialProviderException(Name, $"profile {profileName} ({profile["role_arn"]}) has role_arn but neither source_profile nor credential_source");

        AwsCredentials source;
        if (credentialSource != null)
        {
            if (!_credentialSources.TryGetValue(credentialSource, out var provider))
                throw new CredentialProviderException(Name, $"credential_source \"{credentialSource}\" of profile {profileName} is not one of {string.Join(", ", _credentialSources.Keys)}");
            source = await provider.ResolveAsync(cancellationToken).ConfigureAwait(false)
                ?? throw new CredentialProviderException(credentialSource, $"no credentials found in credential_source referenced in profile {profileName}");
        }
        else
        {
            CheckSourceProfile(profileName, sourceProfile!, visited);
            visited.Add(sourceProfile!);
            source = await FromSourceProfileAsync(sourceProfile!, visited, cancellationToken).ConfigureAwait(false);
        }

        var parameters = new Dictionary<string, object?>
        {
            ["RoleArn"] = Setting("role_arn"),
            ["RoleSessionName"] = Setting("role_session_name") ?? StsCredentials.DefaultSessionName(Now),
        };
        if (Setting("external_id") is { } externalId) parameters["ExternalId"] = externalId;
        if (Setting("duration_seconds") is { } duration && int.TryParse(duration, out var seconds)) parameters["DurationSeconds"] = seconds;
        if (Setting("mfa_serial") is { } serial)
        {
            var prompt = _options.MfaPrompt
                ?? throw new CredentialProviderException(Name, $"profile {profileName} needs an MFA code for {serial} and no prompt is available");
            parameters["SerialNumber"] = serial;
            parameters["TokenCode"] = await prompt($"Enter MFA code for {serial}: ", cancellationToken).ConfigureAwait(false);
        }

        var call = _options.RequireServiceCall(Name);
        var output = await call("sts", "AssumeRole", parameters, new AwsServiceCallContext(_options.Region, source), cancellationToken).ConfigureAwait(false);
        return StsCredentials.FromOutput(output, Name);
    }

    private void CheckSourceProfile(string parent, string source, List<string> visited)
    {
        if (!Profiles.TryGetValue(source, out var sourceConfig))
            throw new CredentialProviderException(Name, $"the source_profile \"{source}\" referenced in the profile \"{parent}\" does not exist");
        if (!visited.Contains(source)) return;
        // A profile may name itself as its source only to use its own static keys.
        if (source != parent || !HasStaticKeys(sourceConfig))
            throw new CredentialProviderException(Name, $"infinite loop in the source_profile chain: {string.Join(" -> ", visited)} -> {source}");
    }

    private async Task<AwsCredentials> FromSourceProfileAsync(string sourceProfile, List<string> visited, CancellationToken cancellationToken)
    {
        var config = Profiles[sourceProfile];
        if (HasStaticKeys(config) || !IsAssumeRoleProfile(config))
        {
            foreach (var provider in _profileProviders(sourceProfile))
                if (await provider.ResolveAsync(cancellationToken).ConfigureAwait(false) is { } found) return found;
            throw new CredentialProviderException(Name, $"the source profile \"{sourceProfile}\" must have credentials");
        }
        return await AssumeAsync(sourceProfile, visited, cancellationToken).ConfigureAwait(false);
    }
}
