using System.Collections.Concurrent;
using System.Text;

namespace AwsCore.Auth;

/// <summary>
/// Derived SigV4 signing keys per (secret, date, region, service). Deriving one costs four HMACs; a client signs
/// many requests with the same scope, so the key is computed once a day per scope. The cache key compares the
/// secret but neither stores it in a printable form nor shows it in <see cref="object.ToString"/>.
/// Thread-safe; bounded (it empties itself when it grows past <see cref="Capacity"/> entries).
/// </summary>
public sealed class SigningKeyCache
{
    /// <summary>The number of entries above which the cache starts over.</summary>
    public const int Capacity = 256;

    private readonly ConcurrentDictionary<Scope, HmacSha256Key> _keys = new();

    /// <summary>A process-wide cache shared by signers that are not given their own.</summary>
    public static SigningKeyCache Shared { get; } = new();

    /// <summary>The number of keys held (for tests and diagnostics).</summary>
    public int Count => _keys.Count;

    /// <summary>The signing key for <paramref name="date"/> (yyyyMMdd), region and service, derived on first use.</summary>
    public byte[] GetKey(string secretAccessKey, string date, string region, string service) =>
        GetHmacKey(secretAccessKey, date, region, service).Key;

    /// <summary>The signing key with its HMAC states, derived and prepared on first use.</summary>
    internal HmacSha256Key GetHmacKey(string secretAccessKey, string date, string region, string service)
    {
        var scope = new Scope(secretAccessKey, date, region, service);
        if (_keys.TryGetValue(scope, out var key)) return key;
        key = new HmacSha256Key(Derive(secretAccessKey, date, region, service));
        if (_keys.Count >= Capacity) _keys.Clear();
        _keys[scope] = key;
        return key;
    }

    /// <summary>kSigning = HMAC(HMAC(HMAC(HMAC("AWS4" + secret, date), region), service), "aws4_request").</summary>
    internal static byte[] Derive(string secretAccessKey, string date, string region, string service)
    {
        var kDate = SigV4Crypto.HmacSha256(Encoding.UTF8.GetBytes("AWS4" + secretAccessKey), date);
        var kRegion = SigV4Crypto.HmacSha256(kDate, region);
        var kService = SigV4Crypto.HmacSha256(kRegion, service);
        return SigV4Crypto.HmacSha256(kService, "aws4_request");
    }

    /// <summary>The dictionary key; holds the secret only to compare it, and prints without it.</summary>
    private sealed class Scope : IEquatable<Scope>
    {
        private readonly string _secret;
        private readonly string _date;
        private readonly string _region;
        private readonly string _service;
        private readonly int _hash;

        public Scope(string secret, string date, string region, string service)
        {
            _secret = secret;
            _date = date;
            _region = region;
            _service = service;
            _hash = HashCode.Combine(StringComparer.Ordinal.GetHashCode(secret), date, region, service);
        }

        public bool Equals(Scope? other) =>
            other is not null && _hash == other._hash &&
            string.Equals(_secret, other._secret, StringComparison.Ordinal) &&
            _date == other._date && _region == other._region && _service == other._service;

        public override bool Equals(object? obj) => Equals(obj as Scope);

        public override int GetHashCode() => _hash;

        public override string ToString() => $"{_date}/{_region}/{_service}";
    }
}
