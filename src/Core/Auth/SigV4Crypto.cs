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
        return Convert.ToHexStringLower(SHA256.HashData(data));
#else
        using var sha = SHA256.Create();
        return ToHex(sha.ComputeHash(data));
#endif
    }

    public static string Sha256Hex(string text) => Sha256Hex(Encoding.UTF8.GetBytes(text));

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
