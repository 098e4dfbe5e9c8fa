using AwsCore.Credentials;
using AwsCore.Models;

namespace AwsCore.Runtime;

/// <summary>
/// What a caller says when creating a client; anything left null is resolved as botocore resolves it (environment,
/// the shared config files' active profile, defaults). The counterpart of botocore's session.create_client arguments.
/// </summary>
public sealed class ClientOptions
{
    /// <summary>The region ("us-east-1"); null resolves AWS_DEFAULT_REGION, AWS_REGION, then the profile's region.</summary>
    public string? Region { get; init; }

    /// <summary>The profile of ~/.aws/config and ~/.aws/credentials to use; null resolves AWS_PROFILE, then "default".</summary>
    public string? ProfileName { get; init; }

    /// <summary>An endpoint URL that replaces the rule set's (moto, LocalStack, a VPC endpoint); null resolves the configured ones.</summary>
    public string? EndpointUrl { get; init; }

    /// <summary>Credentials to sign with; when null they come from <see cref="CredentialProvider"/> or the default chain.</summary>
    public AwsCredentials? Credentials { get; init; }

    /// <summary>A provider used instead of the default chain (custom sources, or a chain with one inserted ahead).</summary>
    public ICredentialProvider? CredentialProvider { get; init; }

    /// <summary>Client settings as botocore's Config (retries, timeouts, S3 addressing, checksums, ...).</summary>
    public ClientConfig? Config { get; init; }

    /// <summary>The model search path; <see cref="ModelLoader.Default"/> when null.</summary>
    public ModelLoader? Models { get; init; }

    /// <summary>A specific api-version of the service model; the newest when null.</summary>
    public string? ApiVersion { get; init; }

    /// <summary>The environment variables to read; the process's when null (tests and runspaces pass their own).</summary>
    public IReadOnlyDictionary<string, string>? Environment { get; init; }

    /// <summary>Handlers of botocore's events (before-call, after-call, ...); a fresh emitter when null.</summary>
    public AwsEventEmitter? Events { get; init; }

    /// <summary>The clock used for signatures; the system clock when null.</summary>
    public Func<DateTimeOffset>? Clock { get; init; }
}
