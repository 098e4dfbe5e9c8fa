using AwsCore.Config;

namespace AwsCore.Credentials;

/// <summary>
/// botocore's default credential chain, in its order: environment, assume-role, web identity, SSO, the shared
/// credentials file, credential_process, the config file's keys, container credentials, the EC2 instance role.
/// An explicitly given profile leaves the environment provider out. The first source with credentials wins and is
/// kept for later calls (its credentials refresh inside it). Nothing is resolved until a call asks.
/// </summary>
public sealed class DefaultCredentialChain : ICredentialProvider, IDisposable
{
    private readonly CredentialProviderOptions _options;
    private readonly ContainerCredentialProvider _container;
    private readonly InstanceMetadataCredentialProvider _instanceMetadata;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private ICredentialProvider? _winner;

    /// <summary>Builds the chain for the profile <paramref name="options"/>' configuration names (explicit, AWS_DEFAULT_PROFILE, AWS_PROFILE, else "default").</summary>
    public DefaultCredentialChain(CredentialProviderOptions options)
    {
        _options = options;
        var config = options.Config;
        var profileSetting = config.ProfileSetting;
        var profile = profileSetting.Value ?? "default";
        var explicitProfile = profileSetting.Kind == SettingSourceKind.Explicit;

        var environment = new EnvironmentCredentialProvider(config.Environment, options.Clock);
        _container = new ContainerCredentialProvider(options);
        _instanceMetadata = new InstanceMetadataCredentialProvider(options);
        var credentialSources = new Dictionary<string, ICredentialProvider>(StringComparer.OrdinalIgnoreCase)
        {
            [EnvironmentCredentialProvider.CanonicalName] = environment,
            [InstanceMetadataCredentialProvider.CanonicalName] = _instanceMetadata,
            [ContainerCredentialProvider.CanonicalName] = _container,
        };

        var providers = new List<ICredentialProvider>();
        if (!explicitProfile) providers.Add(environment);
        providers.Add(new AssumeRoleCredentialProvider(options, profile, credentialSources, source => ProfileProviders(options, source, ignoreEnvironment: true)));
        providers.AddRange(ProfileProviders(options, profile, explicitProfile));
        providers.Add(_container);
        providers.Add(_instanceMetadata);
        Providers = providers;
        ProfileName = profile;
    }

    /// <summary>The profile the chain reads.</summary>
    public string ProfileName { get; }

    /// <summary>The sources in the order they are tried.</summary>
    public IReadOnlyList<ICredentialProvider> Providers { get; }

    /// <summary>The winning source's name once credentials were found, else "default-chain".</summary>
    public string Name => _winner?.Name ?? "default-chain";

    /// <summary>The profile-based sources, as botocore's ProfileProviderBuilder orders them.</summary>
    private static List<ICredentialProvider> ProfileProviders(CredentialProviderOptions options, string profile, bool ignoreEnvironment) => new()
    {
        new WebIdentityCredentialProvider(options, profile, ignoreEnvironment),
        new SsoCredentialProvider(options, profile),
        ProfileKeysCredentialProvider.SharedCredentialsFile(options.Config, profile),
        new ProcessCredentialProvider(options, profile),
        ProfileKeysCredentialProvider.ConfigFile(options.Config, profile),
    };

    /// <summary>Credentials from the first source that has them, or null when none has.</summary>
    public async Task<AwsCredentials?> ResolveAsync(CancellationToken cancellationToken = default)
    {
        if (_winner is { } known) return await known.ResolveAsync(cancellationToken).ConfigureAwait(false);
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (_winner is { } raced) return await raced.ResolveAsync(cancellationToken).ConfigureAwait(false);
            // A profile that was asked for must exist, whichever source would have answered.
            _ = _options.Config.ActiveProfile;
            foreach (var provider in Providers)
            {
                if (await provider.ResolveAsync(cancellationToken).ConfigureAwait(false) is { } found)
                {
                    _winner = provider;
                    return found;
                }
            }
            return null;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Credentials, or <see cref="NoCredentialsException"/> listing every source tried.</summary>
    public async Task<AwsCredentials> RequireAsync(CancellationToken cancellationToken = default) =>
        await ResolveAsync(cancellationToken).ConfigureAwait(false) ?? throw new NoCredentialsException(Providers.Select(p => p.Name).ToList());

    public void Dispose()
    {
        _container.Dispose();
        _instanceMetadata.Dispose();
    }

    public override string ToString() => $"DefaultCredentialChain(profile {ProfileName}: {string.Join(", ", Providers.Select(p => p.Name))})";
}
