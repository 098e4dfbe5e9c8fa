using System.Security.Cryptography;

namespace AwsCore.Http;

/// <summary>
/// The flexible-checksum algorithms AwsCore computes, by their lower-case wire names ("crc32", "crc64nvme").
/// botocore computes crc32, sha1, sha256 and sha512 itself and crc32c and crc64nvme only with the CRT installed;
/// AwsCore has all six built in. The xxhash family is not supported.
/// </summary>
internal static class ChecksumAlgorithms
{
    public const string Default = "crc32";

    /// <summary>Every supported name, lower case.</summary>
    public static readonly IReadOnlyList<string> Supported = new[] { "crc32", "crc32c", "crc64nvme", "sha1", "sha256", "sha512" };

    /// <summary>botocore's order of preference when a response carries several checksums (unsupported ones left out).</summary>
    public static readonly IReadOnlyList<string> ResponsePriority = new[] { "crc64nvme", "crc32c", "crc32", "sha1", "sha256", "sha512" };

    public static bool IsSupported(string name) => Supported.Contains(name.ToLowerInvariant());

    /// <summary>The digest length in bytes of a supported algorithm.</summary>
    public static int DigestLength(string name) => name.ToLowerInvariant() switch
    {
        "crc32" or "crc32c" => 4,
        "crc64nvme" => 8,
        "sha1" => 20,
        "sha256" => 32,
        "sha512" => 64,
        _ => throw new FlexibleChecksumException($"Unsupported checksum algorithm: {name.ToLowerInvariant()}"),
    };

    /// <summary>A fresh checksum for <paramref name="name"/> (any case); an unsupported name is a <see cref="FlexibleChecksumException"/>.</summary>
    public static Checksum Create(string name) => name.ToLowerInvariant() switch
    {
        "crc32" => Crc32Checksum.Crc32(),
        "crc32c" => Crc32Checksum.Crc32C(),
        "crc64nvme" => new Crc64NvmeChecksum(),
        "sha1" => new HashChecksum(HashAlgorithmName.SHA1),
        "sha256" => new HashChecksum(HashAlgorithmName.SHA256),
        "sha512" => new HashChecksum(HashAlgorithmName.SHA512),
        _ => throw new FlexibleChecksumException($"Unsupported checksum algorithm: {name.ToLowerInvariant()} (AwsCore supports {string.Join(", ", Supported)})"),
    };

    /// <summary>The header that carries a checksum: x-amz-checksum-&lt;name&gt;.</summary>
    public static string HeaderName(string name) => name switch
    {
        "crc32" => "x-amz-checksum-crc32",
        "crc32c" => "x-amz-checksum-crc32c",
        "crc64nvme" => "x-amz-checksum-crc64nvme",
        "sha1" => "x-amz-checksum-sha1",
        "sha256" => "x-amz-checksum-sha256",
        "sha512" => "x-amz-checksum-sha512",
        _ => "x-amz-checksum-" + name.ToLowerInvariant(),
    };

    /// <summary>The base64 checksum of a whole byte array.</summary>
    public static string Compute(string name, byte[] data)
    {
        var checksum = Create(name);
        checksum.Update(data);
        return checksum.Base64Digest();
    }
}
