using System.IO.Compression;
using AwsCore.Http;
using AwsCore.Models;

namespace AwsCore.Runtime;

/// <summary>
/// Request body compression for operations with the requestcompression trait, as botocore's compress module:
/// gzip (the only encoding botocore knows) when compression is not disabled, the signature version is not v2, and
/// the body is at least the minimum size (default 10240 bytes); a streaming input without requiresLength is compressed
/// whatever its size. Query-protocol bodies are compressed as the url-encoded form the serializer wrote.
/// Runs before the request checksum, which is then computed over the compressed body.
/// </summary>
internal static class RequestCompression
{
    public const int DefaultMinSizeBytes = 10240;
    public const int MaxMinSizeBytes = 1048576;

    /// <summary>Compresses the body in place when the rules call for it; returns the encoding used, or null.</summary>
    public static string? MaybeCompressRequest(AwsHttpRequest request, OperationModel operation, bool disabled = false,
        int minSizeBytes = DefaultMinSizeBytes, string? signatureVersion = null)
    {
        if (!ShouldCompress(request, operation, disabled, minSizeBytes, signatureVersion)) return null;
        foreach (var encoding in operation.RequestCompressionEncodings)
        {
            if (encoding != "gzip") continue;
            if (request.BodyStream is { } stream) request.BodyStream = new GzipCompressingStream(stream);
            else request.Body = Gzip(request.Body);
            request.Headers["Content-Encoding"] = request.Headers.TryGetValue("Content-Encoding", out var existing)
                ? existing + "," + encoding
                : encoding;
            return encoding;
        }
        return null;
    }

    private static bool ShouldCompress(AwsHttpRequest request, OperationModel operation, bool disabled, int minSizeBytes, string? signatureVersion)
    {
        if (disabled || signatureVersion == "v2" || operation.RequestCompressionEncodings.Count == 0) return false;
        if (operation.StreamingInput is { } streaming) return !streaming.RequiresLength;
        return minSizeBytes <= BodySize(request);
    }

    /// <summary>botocore's determine_content_length: a stream that cannot tell its length counts as 0 (not compressed).</summary>
    private static long BodySize(AwsHttpRequest request)
    {
        if (request.BodyStream is not { } stream) return request.Body.Length;
        return stream.CanSeek ? stream.Length - stream.Position : 0;
    }

    internal static byte[] Gzip(byte[] body)
    {
        var output = new MemoryStream(body.Length / 4 + 64);
        using (var gzip = new GZipStream(output, CompressionLevel.Optimal, leaveOpen: true))
            gzip.Write(body, 0, body.Length);
        return output.ToArray();
    }
}
