using AwsCore.Endpoints;
using AwsCore.Auth;
using AwsCore.Config;
using AwsCore.Credentials;
using AwsCore.Http;
using AwsCore.Models;
using AwsCore.Protocols;

namespace AwsCore.Runtime;

/// <summary>Everything a client resolved once at creation and every call shares. Immutable after creation.</summary>
internal sealed class ClientContext
{
    public required ServiceModel Model { get; init; }
    public required ModelLoader Models { get; init; }
    public required ConfigResolver Settings { get; init; }
    public required ClientConfig Config { get; init; }
    public required CallSettings Calls { get; init; }
    public required string Region { get; init; }
    public required ProtocolPair Protocol { get; init; }
    public required ServiceEndpointResolver Endpoints { get; init; }
    public required EndpointBuiltInSettings EndpointSettings { get; init; }
    public required IReadOnlyDictionary<string, object?> ClientContextParams { get; init; }
    public required ICredentialProvider Credentials { get; init; }
    public required HttpTransport Transport { get; init; }
    public required RetryStrategy Retries { get; init; }
    public required ClockedSkew Clock { get; init; }
    public required SigV4Signer Signer { get; init; }
    public required AwsEventEmitter Events { get; init; }
    public required string UserAgent { get; init; }

    /// <summary>The bearer token for services whose model asks for bearer auth (from the SSO token cache).</summary>
    public required Func<CancellationToken, Task<string?>> BearerToken { get; init; }

    /// <summary>Where each resolved setting came from, for -Verbose ("region = eu-west-1 from environment variable AWS_REGION").</summary>
    public required IReadOnlyList<string> Provenance { get; init; }

    /// <summary>The source of the credentials last used to sign ("env", "assume-role", ...), once a call has needed them.</summary>
    public string? CredentialSource { get; set; }

    /// <summary>The same client in another region (for the presigned source-region URLs of cross-region copies).</summary>
    public ClientContext ForRegion(string region)
    {
        var settings = new EndpointBuiltInSettings
        {
            Region = region,
            UseFips = EndpointSettings.UseFips,
            UseDualStack = EndpointSettings.UseDualStack,
            S3AddressingStyle = EndpointSettings.S3AddressingStyle,
            S3UseAccelerateEndpoint = EndpointSettings.S3UseAccelerateEndpoint,
            UseArnRegion = EndpointSettings.UseArnRegion,
            StsRegionalEndpoints = EndpointSettings.StsRegionalEndpoints,
            AccountIdEndpointMode = EndpointSettings.AccountIdEndpointMode,
        };
        return new ClientContext
        {
            Model = Model, Models = Models, Settings = Settings, Config = Config, Calls = Calls, Region = region, Protocol = Protocol,
            Endpoints = EndpointStep.CreateResolver(Model, Models, settings, ClientContextParams), EndpointSettings = settings,
            ClientContextParams = ClientContextParams, Credentials = Credentials, BearerToken = BearerToken, Transport = Transport,
            Retries = Retries, Clock = Clock, Signer = Signer, Events = Events, UserAgent = UserAgent, Provenance = Provenance,
        };
    }
}
