using System.Security.Cryptography;
using AwsCore.Http;
using AwsCore.Models;

namespace AwsCore.Runtime;

/// <summary>The Glacier transforms of botocore's handlers module.</summary>
internal static class GlacierCustomizations
{
    private const int TreeHashChunkSize = 1024 * 1024;

    /// <summary>Every Glacier operation: accountId defaults to "-" (the credentials' own account).</summary>
    public static void InjectAccountId(IDictionary<string, object?> parameters)
    {
        if (!parameters.TryGetValue("accountId", out var value) || value is null) parameters["accountId"] = "-";
    }

    /// <summary>Every Glacier request names the API version it speaks.</summary>
    public static void AddGlacierVersion(OperationModel operation, AwsHttpRequest request) =>
        request.Headers["x-amz-glacier-version"] = operation.Service.ApiVersion;

    /// <summary>
    /// UploadArchive, UploadMultipartPart: the body's SHA-256 (x-amz-content-sha256) and SHA-256 tree hash
    /// (x-amz-sha256-tree-hash), each unless already given. A streamed body must be seekable and keeps its position.
    /// </summary>
    public static void AddGlacierChecksums(AwsHttpRequest request)
    {
        var needsSha = !request.Headers.ContainsKey("x-amz-content-sha256");
        var needsTree = !request.Headers.ContainsKey("x-amz-sha256-tree-hash");
        if (!needsSha && !needsTree) return;
        var body = request.BodyStream ?? new MemoryStream(request.Body, writable: false);
        if (!body.CanSeek)
            throw new InvalidOperationException("Glacier needs the SHA-256 and tree hash of the body before sending it: give a seekable stream (a file or a MemoryStream)");
        var start = body.Position;
        var (sha, tree) = Hashes(body);
        body.Position = start;
        if (needsSha) request.Headers["x-amz-content-sha256"] = sha;
        if (needsTree) request.Headers["x-amz-sha256-tree-hash"] = tree;
    }

    /// <summary>The SHA-256 tree hash of a stream (from its position), hex: hashes of 1 MiB chunks combined pairwise up to one.</summary>
    public static string CalculateTreeHash(Stream body) => Hashes(body).Tree;

    /// <summary>Reads the stream once for both the linear SHA-256 and the tree hash.</summary>
    private static (string Sha, string Tree) Hashes(Stream body)
    {
        using var linear = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var level = new List<byte[]>();
        var chunk = new byte[TreeHashChunkSize];
        while (true)
        {
            var filled = 0;
            int read;
            while (filled < chunk.Length && (read = body.Read(chunk, filled, chunk.Length - filled)) > 0) filled += read;
            if (filled == 0) break;
            linear.AppendData(chunk, 0, filled);
            level.Add(Sha256(chunk, 0, filled));
            if (filled < chunk.Length) break;
        }
        var sha = Hex(linear.GetHashAndReset());
        if (level.Count == 0) return (sha, Hex(Sha256(Array.Empty<byte>(), 0, 0)));
        while (level.Count > 1)
        {
            var next = new List<byte[]>((level.Count + 1) / 2);
            for (var i = 0; i < level.Count; i += 2)
            {
                if (i + 1 == level.Count)
                {
                    next.Add(level[i]);
                    continue;
                }
                var pair = new byte[64];
                Buffer.BlockCopy(level[i], 0, pair, 0, 32);
                Buffer.BlockCopy(level[i + 1], 0, pair, 32, 32);
                next.Add(Sha256(pair, 0, 64));
            }
            level = next;
        }
        return (sha, Hex(level[0]));
    }

    private static byte[] Sha256(byte[] data, int offset, int count)
    {
        using var sha = SHA256.Create();
        return sha.ComputeHash(data, offset, count);
    }

    private static string Hex(byte[] bytes)
    {
        var chars = new char[bytes.Length * 2];
        for (var i = 0; i < bytes.Length; i++)
        {
            chars[2 * i] = "0123456789abcdef"[bytes[i] >> 4];
            chars[2 * i + 1] = "0123456789abcdef"[bytes[i] & 0xF];
        }
        return new string(chars);
    }
}
