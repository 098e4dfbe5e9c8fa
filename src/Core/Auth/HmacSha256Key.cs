namespace AwsCore.Auth;

/// <summary>
/// A signing key made ready for HMAC-SHA256: the key bytes and, where libcrypto is used directly, the SHA-256 states
/// after its ipad and opad blocks, so each signature skips absorbing them again. Secret material: never printed.
/// </summary>
internal readonly struct HmacSha256Key
{
    public HmacSha256Key(byte[] key)
    {
        Key = key;
#if NET
        Midstates = NativeSha256.IsAvailable ? NativeSha256.HmacMidstates(key) : null;
#endif
    }

    public byte[] Key { get; }

#if NET
    /// <summary>The ipad then opad SHA256_CTX states, or null where libcrypto is not used.</summary>
    public byte[]? Midstates { get; }
#endif

    public override string ToString() => "HmacSha256Key(withheld)";
}
