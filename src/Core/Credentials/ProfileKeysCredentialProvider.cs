using AwsCore.Config;

namespace AwsCore.Credentials;

/// <summary>
/// Static keys in a profile: aws_access_key_id, aws_secret_access_key, aws_security_token or aws_session_token.
/// As botocore's "shared-credentials-file" provider it reads the credentials file's [name] section; as its
/// "config-file" provider, the config file's [profile name] section.
/// </summary>
public sealed class ProfileKeysCredentialProvider : ICredentialProvider
{
    public const string SharedCredentialsFileName = "shared-credentials-file";
    public const string ConfigFileName = "config-file";

    private readonly Func<IReadOnlyDictionary<string, Dictionary<string, IniValue>>> _sections;
    private readonly string _profile;

    private ProfileKeysCredentialProvider(string name, string profile, Func<IReadOnlyDictionary<string, Dictionary<string, IniValue>>> sections)
    {
        Name = name;
        _profile = profile;
        _sections = sections;
    }

    /// <summary>The credentials file's section named <paramref name="profile"/>.</summary>
    public static ProfileKeysCredentialProvider SharedCredentialsFile(ConfigResolver config, string profile) =>
        new(SharedCredentialsFileName, profile, () => config.Files.CredentialProfiles);

    /// <summary>The config file's profile <paramref name="profile"/>.</summary>
    public static ProfileKeysCredentialProvider ConfigFile(ConfigResolver config, string profile) =>
        new(ConfigFileName, profile, () => config.Files.ConfigProfiles);

    public string Name { get; }

    public Task<AwsCredentials?> ResolveAsync(CancellationToken cancellationToken = default)
    {
        if (!_sections().TryGetValue(_profile, out var section) || !section.TryGetValue("aws_access_key_id", out var access))
            return Task.FromResult<AwsCredentials?>(null);
        if (!section.TryGetValue("aws_secret_access_key", out var secret))
            throw new CredentialProviderException(Name, $"partial credentials in profile {_profile} ({access}): aws_secret_access_key is missing");
        var token = section.TryGetValue("aws_security_token", out var t1) ? t1.Text : section.TryGetValue("aws_session_token", out var t2) ? t2.Text : null;
        return Task.FromResult<AwsCredentials?>(new AwsCredentials(access.Text, secret.Text, token, null, Name));
    }

    public override string ToString() => $"ProfileKeysCredentialProvider({Name}, profile {_profile})";
}
