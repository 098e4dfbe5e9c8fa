namespace AwsCore.Http;

/// <summary>Connection settings of one transport; equal options share one pooled handler.</summary>
public sealed record TransportOptions
{
    /// <summary>botocore's default connect timeout.</summary>
    public TimeSpan ConnectTimeout { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>botocore's default read timeout: the longest wait for response headers or for the next bytes of a body.</summary>
    public TimeSpan ReadTimeout { get; init; } = TimeSpan.FromSeconds(60);

    public int MaxPoolConnections { get; init; } = 10;

    /// <summary>Proxy URLs by scheme ("http", "https"), as botocore's proxies config; empty means the environment's.</summary>
    public IReadOnlyDictionary<string, string> Proxies { get; init; } = new Dictionary<string, string>();

    /// <summary>A PEM file of CA certificates to trust instead of the system's (AWS_CA_BUNDLE, ca_bundle).</summary>
    public string? CaBundle { get; init; }

    /// <summary>False turns off TLS certificate verification (the CLI's --no-verify-ssl).</summary>
    public bool VerifySsl { get; init; } = true;

    public bool TcpKeepAlive { get; init; }

    public bool Equals(TransportOptions? other) =>
        other is not null && ConnectTimeout == other.ConnectTimeout && ReadTimeout == other.ReadTimeout &&
        MaxPoolConnections == other.MaxPoolConnections && CaBundle == other.CaBundle && VerifySsl == other.VerifySsl &&
        TcpKeepAlive == other.TcpKeepAlive && Proxies.Count == other.Proxies.Count &&
        Proxies.All(p => other.Proxies.TryGetValue(p.Key, out var v) && v == p.Value);

    public override int GetHashCode() =>
        HashCode.Combine(ConnectTimeout, ReadTimeout, MaxPoolConnections, CaBundle, VerifySsl, TcpKeepAlive, Proxies.Count);
}
