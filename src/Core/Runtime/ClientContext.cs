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
    public required EndpointStep Endpoints { get; init; }
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
}
