using System.Security.Cryptography;
using System.Text;

namespace AwsCore.Auth;

/// <summary>
/// SHA-256 and HMAC-SHA256 for signing, with lowercase hex. On net10.0 with libcrypto present the hashes go through
/// NativeSha256; elsewhere (Windows, netstandard2.0, or when forced for tests) through IncrementalHash,
/// with identical results.
/// </summary>
internal static class SigV4Crypto
{
    /// <summary>The SHA-256 of an empty payload.</summary>
    public const string EmptySha256 = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

    public const int DigestSize = 32;

    private const string HexDigits = "0123456789abcdef";

    /// <summary>True when this thread hashes through libcrypto directly.</summary>
    public static bool UsesNative =>
#if NET
        NativeSha256.IsAvailable && !t_incrementalHashOnly;
#else
        false;
#endif

    /// <summary>HMAC-SHA256 of the UTF-8 text (key derivation: a handful of calls per scope and day).</summary>
    public static byte[] HmacSha256(byte[] key, string message)
    {
        var bytes = Encoding.UTF8.GetBytes(message);
#if NET
        return HMACSHA256.HashData(key, bytes);
#else
        using var hmac = new HMACSHA256(key);
        return hmac.ComputeHash(bytes);
#endif
    }

    /// <summary>
    /// SHA-256 of <paramref name="count"/> bytes of <paramref name="data"/> from <paramref name="offset"/>, into <paramref name="digest"/>.
    /// <paramref name="startRepeats"/>: the data usually starts like the previous call's on this thread (a canonical request).
    /// </summary>
    public static void Sha256(byte[] data, int offset, int count, Span<byte> digest, bool startRepeats = false)
    {
#if NET
        if (UsesNative)
        {
            NativeSha256.Hash(data.AsSpan(offset, count), digest, startRepeats ? t_hashMemo ??= new NativeSha256.FirstBlockMemo() : null);
            return;
        }
#endif
        var sha = t_sha256 ??= IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        sha.AppendData(data, offset, count);
#if NET
        sha.GetHashAndReset(digest);
#else
        sha.GetHashAndReset().CopyTo(digest);
#endif
    }

    /// <summary>
    /// HMAC-SHA256 under a prepared key of <paramref name="count"/> bytes of <paramref name="data"/> from <paramref name="offset"/>.
    /// <paramref name="startRepeats"/>: the data usually starts like the previous call's on this thread (a string to sign).
    /// </summary>
    public static void HmacSha256(HmacSha256Key key, byte[] data, int offset, int count, Span<byte> mac, bool startRepeats = false)
    {
#if NET
        if (key.Midstates is { } midstates && UsesNative)
        {
            NativeSha256.Hmac(midstates, data.AsSpan(offset, count), mac, startRepeats ? t_hmacMemo ??= new NativeSha256.FirstBlockMemo() : null);
            return;
        }
#endif
        // The HMAC object is kept for the last key (the same array while the scope repeats).
        if (!ReferenceEquals(t_hmacKey, key.Key) || t_hmac is null)
        {
            t_hmac?.Dispose();
            t_hmac = IncrementalHash.CreateHMAC(HashAlgorithmName.SHA256, key.Key);
            t_hmacKey = key.Key;
        }
        t_hmac.AppendData(data, offset, count);
#if NET
        t_hmac.GetHashAndReset(mac);
#else
        t_hmac.GetHashAndReset().CopyTo(mac);
#endif
    }

    public static string Sha256Hex(byte[] data)
    {
        Span<byte> digest = stackalloc byte[DigestSize];
        Sha256(data, 0, data.Length, digest);
        return ToHex(digest);
    }

    /// <summary>Hashes a seekable stream from its current position and puts the position back.</summary>
    public static string Sha256Hex(Stream stream)
    {
        var position = stream.Position;
        using var sha = SHA256.Create();
        var hash = sha.ComputeHash(stream);
        stream.Position = position;
        return ToHex(hash);
    }

    public static string ToHex(ReadOnlySpan<byte> bytes)
    {
#if NET
        return Convert.ToHexStringLower(bytes);
#else
        var chars = new char[bytes.Length * 2];
        WriteHex(bytes, chars);
        return new string(chars);
#endif
    }

    /// <summary>Lowercase hex of <paramref name="bytes"/> into <paramref name="chars"/> (twice as long).</summary>
    public static void WriteHex(ReadOnlySpan<byte> bytes, Span<char> chars)
    {
        for (var i = 0; i < bytes.Length; i++)
        {
            chars[2 * i] = HexDigits[bytes[i] >> 4];
            chars[2 * i + 1] = HexDigits[bytes[i] & 0xF];
        }
    }

    /// <summary>Makes this thread hash through IncrementalHash until the result is disposed (tests compare the two paths).</summary>
    internal static IDisposable UseIncrementalHashOnThisThread()
    {
#if NET
        t_incrementalHashOnly = true;
#endif
        return new IncrementalHashScope();
    }

    private sealed class IncrementalHashScope : IDisposable
    {
        public void Dispose()
        {
#if NET
            t_incrementalHashOnly = false;
#endif
        }
    }

    // Reusing one hash object per thread skips the context set-up that dominates hashing short inputs.
    [ThreadStatic] private static IncrementalHash? t_sha256;
    [ThreadStatic] private static IncrementalHash? t_hmac;
    [ThreadStatic] private static byte[]? t_hmacKey;
#if NET
    [ThreadStatic] private static bool t_incrementalHashOnly;
    [ThreadStatic] private static NativeSha256.FirstBlockMemo? t_hashMemo;
    [ThreadStatic] private static NativeSha256.FirstBlockMemo? t_hmacMemo;
#endif
}
