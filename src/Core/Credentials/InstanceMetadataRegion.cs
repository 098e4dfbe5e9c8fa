namespace AwsCore.Credentials;

/// <summary>
/// The EC2 instance's region from IMDSv2 (its availability zone without the trailing letter), as botocore's
/// InstanceMetadataRegionFetcher finds it; the defaults mode "auto" compares it with the client's region.
/// Null when the metadata service is disabled or unreachable.
/// </summary>
public sealed class InstanceMetadataRegion : IDisposable
{
    private const string ZonePath = "latest/meta-data/placement/availability-zone/";
    private readonly Lazy<InstanceMetadataClient> _client;

    public InstanceMetadataRegion(CredentialProviderOptions options) =>
        _client = new Lazy<InstanceMetadataClient>(() => new InstanceMetadataClient(options));

    /// <summary>"us-west-2" for an instance in us-west-2a, or null.</summary>
    public async Task<string?> GetRegionAsync(CancellationToken cancellationToken = default)
    {
        var zone = await _client.Value.GetAsync(ZonePath, _ => true, cancellationToken).ConfigureAwait(false);
        zone = zone?.Trim();
        return string.IsNullOrEmpty(zone) || zone!.Length < 2 ? null : zone.Substring(0, zone.Length - 1);
    }

    /// <summary>A blocking lookup in the shape <see cref="Config.ConfigResolver"/> takes for defaults mode "auto".</summary>
    public Func<string?> AsLookup() => () => GetRegionAsync().GetAwaiter().GetResult();

    public void Dispose()
    {
        if (_client.IsValueCreated) _client.Value.Dispose();
    }

    public override string ToString() => "InstanceMetadataRegion";
}
