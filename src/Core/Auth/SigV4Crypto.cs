using System.Buffers;
using System.Security.Cryptography;
using System.Text;

namespace AwsCore.Auth;

/// <summary>SHA-256 and HMAC-SHA256 with lowercase hex, using the static one-shot APIs where the runtime has them.</summary>
internal static class SigV4Crypto
{
    /// <summary>The SHA-256 of an empty payload.</summary>
    public const string EmptySha256 = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

    public static byte[] HmacSha256(byte[] key, string message) => HmacSha256(key, Encoding.UTF8.GetBytes(message));

    public static byte[] HmacSha256(byte[] key, byte[] message)
    {
#if NET
        return HMACSHA256.HashData(key, message);
#else
        using var hmac = new HMACSHA256(key);
        return hmac.ComputeHash(message);
#endif
    }

    public static string Sha256Hex(byte[] data)
    {
#if NET
        return Sha256Hex(data.AsSpan());
#else
        using var sha = SHA256.Create();
        return ToHex(sha.ComputeHash(data));
#endif
    }

    public static string Sha256Hex(string text) => Sha256Hex(Encoding.UTF8.GetBytes(text));

    /// <summary>The SHA-256 of the builder's text as UTF-8, without materialising the string where the runtime allows.</summary>
    public static string Sha256Hex(StringBuilder text)
    {
#if NET
        var rented = ArrayPool<byte>.Shared.Rent(Encoding.UTF8.GetMaxByteCount(text.Length));
        try
        {
            // An encoder carries a surrogate pair split across two chunks.
            var encoder = Utf8NoBom.GetEncoder();
            var written = 0;
            foreach (var chunk in text.GetChunks()) written += encoder.GetBytes(chunk.Span, rented.AsSpan(written), flush: false);
            written += encoder.GetBytes(ReadOnlySpan<char>.Empty, rented.AsSpan(written), flush: true);
            return Sha256Hex(rented.AsSpan(0, written));
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(rented);
        }
#else
        return Sha256Hex(text.ToString());
#endif
    }

    /// <summary>HMAC-SHA256 of the text under <paramref name="key"/>, as lowercase hex.</summary>
    public static string HmacSha256Hex(byte[] key, string message)
    {
#if NET
        var rented = ArrayPool<byte>.Shared.Rent(Encoding.UTF8.GetMaxByteCount(message.Length));
        try
        {
            var length = Encoding.UTF8.GetBytes(message, rented);
            if (!ReferenceEquals(t_hmacKey, key) || t_hmac is null)
            {
                t_hmac?.Dispose();
                t_hmac = IncrementalHash.CreateHMAC(HashAlgorithmName.SHA256, key);
                t_hmacKey = key;
            }
            t_hmac.AppendData(rented.AsSpan(0, length));
            Span<byte> mac = stackalloc byte[32];
            t_hmac.GetHashAndReset(mac);
            return Convert.ToHexStringLower(mac);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(rented);
        }
#else
        return ToHex(HmacSha256(key, message));
#endif
    }

    private static readonly UTF8Encoding Utf8NoBom = new(false);

#if NET
    // Reusing one hash object per thread skips the native context set-up that dominates hashing short inputs;
    // the HMAC object is kept for the last signing key (the same array while the scope repeats).
    [ThreadStatic] private static IncrementalHash? t_sha256;
    [ThreadStatic] private static IncrementalHash? t_hmac;
    [ThreadStatic] private static byte[]? t_hmacKey;

    private static string Sha256Hex(ReadOnlySpan<byte> data)
    {
        var sha = t_sha256 ??= IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        sha.AppendData(data);
        Span<byte> hash = stackalloc byte[32];
        sha.GetHashAndReset(hash);
        return Convert.ToHexStringLower(hash);
    }
#endif

    /// <summary>Hashes a seekable stream from its current position and puts the position back.</summary>
    public static string Sha256Hex(Stream stream)
    {
        var position = stream.Position;
        using var sha = SHA256.Create();
        var hash = sha.ComputeHash(stream);
        stream.Position = position;
        return ToHex(hash);
    }

    public static string ToHex(byte[] bytes)
    {
#if NET
        return Convert.ToHexStringLower(bytes);
#else
        const string digits = "0123456789abcdef";
        var chars = new char[bytes.Length * 2];
        for (var i = 0; i < bytes.Length; i++)
        {
            chars[2 * i] = digits[bytes[i] >> 4];
            chars[2 * i + 1] = digits[bytes[i] & 0xF];
        }
        return new string(chars);
#endif
    }
}
