using AwsCore.Auth;
using AwsCore.Config;
using AwsCore.Credentials;
using AwsCore.Endpoints;
using AwsCore.Http;
using AwsCore.Models;
using AwsCore.Protocols;

namespace AwsCore.Runtime;

/// <summary>
/// Creates clients as botocore's session.create_client does: the model from the search path, then region, endpoint,
/// credentials, retries and transport resolved from the options, the environment and the active profile, each
/// setting remembering where it came from (<see cref="AwsClient.Provenance"/>).
/// </summary>
public static class AwsClientFactory
{
    /// <summary>A client for <paramref name="service"/> (botocore's service name: "s3", "dynamodb", "ec2", ...).</summary>
    /// <exception cref="ModelLoadException">No model for the service (the message suggests close names).</exception>
    /// <exception cref="NoRegionException">No region given, in the environment or in the profile.</exception>
    public static AwsClient Create(string service, ClientOptions? options = null)
    {
        options ??= new ClientOptions();
        var models = options.Models ?? ModelLoader.Default;
        var model = models.GetService(service, options.ApiVersion);
        var config = options.Config ?? new ClientConfig();
        var environment = options.Environment ?? ConfigResolver.ProcessEnvironment();
        var settings = new ConfigResolver(environment, ExplicitSettings(options, config), DefaultsMode(models));
        var provenance = new List<string>();

        var region = Resolve(settings, "region", provenance) ?? throw new NoRegionException(model.ServiceName, settings.ActiveProfileName);
        var endpointUrl = settings.ResolveConfiguredEndpointUrl(model.ServiceId, options.EndpointUrl ?? config.EndpointUrl);
        if (endpointUrl.Value != null) provenance.Add(endpointUrl.ToString());

        var credentials = CredentialsFor(options, settings, region, models, environment);
        var clock = new ClockedSkew(options.Clock);
        var builtIns = ClientSettings.BuiltIns(config, settings, region, endpointUrl.Value);
        var clientContextParams = ClientSettings.ClientContextParams(model, config, settings);
        var retries = ClientSettings.Retries(model, config, settings, models, provenance);

        var context = new ClientContext
        {
            Model = model,
            Models = models,
            Settings = settings,
            Config = config,
            Calls = ClientSettings.CallSettings(config, settings),
            Region = region,
            Protocol = ProtocolRegistry.For(model.Protocol),
            Endpoints = EndpointStep.CreateResolver(model, models, builtIns, clientContextParams),
            EndpointSettings = builtIns,
            ClientContextParams = clientContextParams,
            Credentials = credentials,
            BearerToken = BearerTokenSource(settings, models, environment, region),
            Transport = new HttpTransport(ClientSettings.Transport(config, settings)),
            Retries = retries,
            Clock = clock,
            Signer = new SigV4Signer(() => clock.Now),
            Events = options.Events ?? new AwsEventEmitter(),
            UserAgent = ClientSettings.UserAgent(config, settings, retries.Mode),
            Provenance = provenance,
        };
        return new AwsClient(context);
    }

    private static IReadOnlyDictionary<string, string?> ExplicitSettings(ClientOptions options, ClientConfig config) =>
        new Dictionary<string, string?>(StringComparer.Ordinal)
        {
            ["region"] = options.Region ?? config.Region,
            ["profile"] = options.ProfileName,
        };

    private static DefaultsModeConfiguration? DefaultsMode(ModelLoader models) =>
        models.LoadData("sdk-default-configuration") is { } bytes
            ? DefaultsModeConfiguration.Parse(System.Text.Encoding.UTF8.GetString(bytes))
            : null;

    private static string? Resolve(ConfigResolver settings, string name, List<string> provenance)
    {
        var setting = settings.Get(name);
        if (setting.Value != null) provenance.Add(setting.ToString());
        return setting.Value;
    }

    private static ICredentialProvider CredentialsFor(ClientOptions options, ConfigResolver settings, string region, ModelLoader models,
        IReadOnlyDictionary<string, string> environment)
    {
        if (options.Credentials != null) return new StaticCredentialProvider(options.Credentials);
        if (options.CredentialProvider != null) return options.CredentialProvider;
        return new DefaultCredentialChain(new CredentialProviderOptions(settings)
        {
            Region = region,
            Clock = options.Clock,
            ServiceCall = NestedServiceCall(models, environment, options.ProfileName),
        });
    }

    /// <summary>
    /// How credential providers reach STS, SSO and SSO-OIDC: through a client of this same pipeline, signed with the
    /// credentials the provider hands in (or unsigned where the model says so).
    /// </summary>
    internal static AwsServiceCall NestedServiceCall(ModelLoader models, IReadOnlyDictionary<string, string> environment, string? profile) =>
        async (serviceName, operation, parameters, context, cancellationToken) =>
        {
            var client = Create(serviceName, new ClientOptions
            {
                Models = models,
                Environment = environment,
                ProfileName = profile,
                Region = context.Region,
                EndpointUrl = context.EndpointUrl,
                CredentialProvider = context.Credentials is null ? NoCredentialProvider.Instance : new StaticCredentialProvider(context.Credentials),
            });
            return await client.InvokeAsync(operation, parameters, cancellationToken).ConfigureAwait(false);
        };

    private static Func<CancellationToken, Task<string?>> BearerTokenSource(ConfigResolver settings, ModelLoader models,
        IReadOnlyDictionary<string, string> environment, string region)
    {
        SsoTokenProvider? provider = null;
        return async cancellationToken =>
        {
            provider ??= new SsoTokenProvider(new CredentialProviderOptions(settings)
            {
                Region = region,
                ServiceCall = NestedServiceCall(models, environment, settings.ActiveProfileName),
            }, settings.ActiveProfileName);
            var token = await provider.GetTokenAsync(cancellationToken).ConfigureAwait(false);
            return token?.AccessToken;
        };
    }
}
