using AwsCore.Config;

namespace AwsCore.Credentials;

/// <summary>What the credential providers share: configuration, the service-call seam, the clock and the user-facing callbacks.</summary>
public sealed class CredentialProviderOptions
{
    /// <summary>Creates options over a configuration resolver (environment snapshot and shared files).</summary>
    public CredentialProviderOptions(ConfigResolver config) => Config = config ?? throw new ArgumentNullException(nameof(config));

    /// <summary>Settings, environment variables and the shared files.</summary>
    public ConfigResolver Config { get; }

    /// <summary>Calls STS, SSO and SSO-OIDC for the providers that need them; without it those providers report that they cannot call.</summary>
    public AwsServiceCall? ServiceCall { get; init; }

    /// <summary>The region STS is called in (botocore uses the client's region); null lets the client decide.</summary>
    public string? Region { get; init; }

    /// <summary>The clock for expiry decisions; UTC now when null.</summary>
    public Func<DateTimeOffset>? Clock { get; init; }

    /// <summary>Answers "Enter MFA code for &lt;serial&gt;: " for assume-role profiles with mfa_serial; the Module prompts the user.</summary>
    public Func<string, CancellationToken, Task<string>>? MfaPrompt { get; init; }

    /// <summary>Receives each line a credential_process writes to stderr (the Module shows them as warnings).</summary>
    public Action<string>? ProcessErrorOutput { get; init; }

    /// <summary>The HTTP handler for the instance metadata service and the container endpoint (tests pass their own).</summary>
    public HttpMessageHandler? HttpHandler { get; init; }

    /// <summary>The pause between container endpoint attempts (botocore: one second).</summary>
    public TimeSpan ContainerRetryDelay { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>The SSO token cache folder; ~/.aws/sso/cache when null.</summary>
    public string? SsoCacheDirectory { get; init; }

    internal Func<DateTimeOffset> ClockOrNow => Clock ?? (() => DateTimeOffset.UtcNow);

    internal string SsoCacheFolder => SsoCacheDirectory ?? Path.Combine(Config.HomeDirectory(), ".aws", "sso", "cache");

    internal AwsServiceCall RequireServiceCall(string provider) => ServiceCall ??
        throw new CredentialProviderException(provider, "this source calls an AWS service and no service call was supplied (the client wires one in)");

    public override string ToString() => $"CredentialProviderOptions(profile {Config.ActiveProfileName})";
}
