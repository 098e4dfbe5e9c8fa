using System.Globalization;
using System.Text.Json;

namespace AwsCore.Credentials;

/// <summary>
/// The EC2 instance role's credentials from IMDSv2 (botocore's "iam-role"): the role name from
/// latest/meta-data/iam/security-credentials/, then its credentials. Null when the service is disabled,
/// unreachable or has no role. Credentials close to (or past) expiry are given a short extension, as botocore does,
/// so a metadata outage does not stop an application.
/// </summary>
public sealed class InstanceMetadataCredentialProvider : CachingCredentialProvider, IDisposable
{
    public const string ProviderName = "iam-role";

    /// <summary>botocore's credential_source name for this provider.</summary>
    public const string CanonicalName = "Ec2InstanceMetadata";

    private const string RolePath = "latest/meta-data/iam/security-credentials/";
    private static readonly Random Jitter = new();

    private readonly Lazy<InstanceMetadataClient> _client;

    /// <summary>Creates the provider; settings are read on first use, so a bad profile surfaces when credentials are needed.</summary>
    public InstanceMetadataCredentialProvider(CredentialProviderOptions options) : base(options.Clock) =>
        _client = new Lazy<InstanceMetadataClient>(() => new InstanceMetadataClient(options));

    private InstanceMetadataClient Client => _client.Value;

    public override string Name => ProviderName;

    /// <summary>The endpoint in use (for diagnostics and tests).</summary>
    public string Endpoint => Client.BaseUrl;

    protected override async Task<AwsCredentials?> FetchAsync(CancellationToken cancellationToken)
    {
        var role = await Client.GetAsync(RolePath, _ => true, cancellationToken).ConfigureAwait(false);
        if (role is null) return null;
        role = role.Trim();
        var json = await Client.GetAsync(RolePath + role, IsJson, cancellationToken).ConfigureAwait(false);
        if (json is null) return null;

        using var doc = JsonDocument.Parse(json);
        var root = doc.RootElement;
        string? Field(string name) => root.TryGetProperty(name, out var p) && p.ValueKind == JsonValueKind.String ? p.GetString() : null;
        var access = Field("AccessKeyId");
        var secret = Field("SecretAccessKey");
        var token = Field("Token");
        var expiration = Field("Expiration");
        if (access is null || secret is null || token is null || expiration is null) return null;
        var expiry = CredentialValues.ParseExpiration(expiration, Name, "Expiration")!.Value;
        return new AwsCredentials(access, secret, token, ExtendIfStale(expiry), Name);
    }

    /// <summary>botocore's static stability: inside the refresh window plus 2-10 minutes of jitter, pretend the credentials last that long from now.</summary>
    private DateTimeOffset ExtendIfStale(DateTimeOffset expiry)
    {
        int jitter;
        lock (Jitter) jitter = Jitter.Next(120, 601);
        var offset = RefreshableCredentials.DefaultAdvisoryWindow + TimeSpan.FromSeconds(jitter);
        var now = Now;
        return now >= expiry - offset ? now + offset : expiry;
    }

    private static bool IsJson(string body)
    {
        try
        {
            using var _ = JsonDocument.Parse(body);
            return true;
        }
        catch (JsonException)
        {
            return false;
        }
    }

    public void Dispose()
    {
        if (_client.IsValueCreated) _client.Value.Dispose();
    }

    public override string ToString() => "InstanceMetadataCredentialProvider(" + (_client.IsValueCreated ? Endpoint : "not yet configured") + ")";
}
