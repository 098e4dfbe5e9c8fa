using System.Security.Cryptography;
using AwsCore.Http;
using AwsCore.Models;

namespace AwsCore.Runtime;

/// <summary>How the request checksum of one call is sent, decided after serialization (botocore's checksum context).</summary>
/// <param name="Algorithm">Lower-case algorithm name ("crc32"), or "md5" for a Content-MD5 header.</param>
/// <param name="InTrailer">The checksum goes in an aws-chunked trailer (streaming input over https), not a header.</param>
/// <param name="HeaderName">x-amz-checksum-&lt;algorithm&gt; (or Content-MD5): the header or trailer that carries it.</param>
/// <param name="AlgorithmHeader">The requestAlgorithmMember's header with the default algorithm, when AwsCore chose it.</param>
internal sealed record RequestChecksumPlan(string Algorithm, bool InTrailer, string HeaderName, KeyValuePair<string, string>? AlgorithmHeader)
{
    public static RequestChecksumPlan ContentMd5 { get; } = new("md5", false, "Content-MD5", null);

    public bool IsContentMd5 => Algorithm == "md5";
}

/// <summary>
/// Flexible checksums as botocore's httpchecksum module applies them. The pipeline calls, in order:
/// <see cref="HandleRequestValidationModeMember"/> on the parameters before serializing;
/// <see cref="ResolveRequestAlgorithm"/> and <see cref="ResolveResponseAlgorithms"/> after serializing and resolving the endpoint;
/// <see cref="ApplyRequestChecksum"/> after request compression and before signing (the signer's ChecksumInTrailer comes
/// from the plan); and <see cref="ValidateResponse"/> on the response before parsing it.
/// </summary>
internal static class FlexibleChecksums
{
    public const string StreamingUnsignedPayloadTrailer = "STREAMING-UNSIGNED-PAYLOAD-TRAILER";

    private const string ChecksumHeaderPrefix = "x-amz-checksum-";

    /// <summary>Each operation's response algorithms in botocore's order of preference (the same for every call).</summary>
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<OperationModel, string[]> ResponseAlgorithmsByOperation = new();

    /// <summary>
    /// With response validation "when_supported", sets the operation's requestValidationModeMember (S3's ChecksumMode)
    /// to ENABLED unless the caller set it (botocore's _handle_request_validation_mode_member).
    /// </summary>
    public static void HandleRequestValidationModeMember(IDictionary<string, object?> parameters, OperationModel operation, ResponseChecksumValidation mode)
    {
        if (operation.HttpChecksum?.RequestValidationModeMember is { } member && mode == ResponseChecksumValidation.WhenSupported
            && (!parameters.TryGetValue(member, out var value) || value is null))
            parameters[member] = "ENABLED";
    }

    /// <summary>True when the request already has a header named x-amz-checksum-* (the caller's own checksum).</summary>
    public static bool HasChecksumHeader(AwsHttpRequest request)
    {
        foreach (var name in request.Headers.Keys)
            if (IsChecksumHeader(name)) return true;
        return false;
    }

    /// <summary>x-amz-checksum- (any case) followed by ASCII letters and digits only.</summary>
    private static bool IsChecksumHeader(string name)
    {
        if (name.Length < ChecksumHeaderPrefix.Length || string.Compare(name, 0, ChecksumHeaderPrefix, 0, ChecksumHeaderPrefix.Length, StringComparison.OrdinalIgnoreCase) != 0)
            return false;
        for (var i = ChecksumHeaderPrefix.Length; i < name.Length; i++)
        {
            var c = name[i];
            if (!(c is >= 'a' and <= 'z' or >= 'A' and <= 'Z' or >= '0' and <= '9')) return false;
        }
        return true;
    }

    /// <summary>
    /// Which algorithm the request checksum uses and where it goes, or null for none (botocore's
    /// resolve_request_checksum_algorithm): the caller's requestAlgorithmMember wins; otherwise CRC32 when the operation
    /// requires a checksum, or supports one and <paramref name="mode"/> is when_supported. Streaming input over https
    /// puts it in a trailer unless the legacy "s3" signature version is configured.
    /// </summary>
    /// <exception cref="FlexibleChecksumException">The caller asked for an algorithm AwsCore does not support.</exception>
    public static RequestChecksumPlan? ResolveRequestAlgorithm(
        OperationModel operation, IReadOnlyDictionary<string, object?> parameters, AwsHttpRequest request,
        RequestChecksumCalculation mode, bool isPresignRequest = false, bool legacyS3Signer = false)
    {
        if (HasChecksumHeader(request)) return null;
        var trait = operation.HttpChecksum;
        var required = operation.HttpChecksumRequired || trait?.RequestChecksumRequired == true;
        var algorithmMember = trait?.RequestAlgorithmMember;
        string algorithm;
        KeyValuePair<string, string>? algorithmHeader = null;
        if (algorithmMember != null && parameters.TryGetValue(algorithmMember, out var chosen) && chosen is not null)
        {
            algorithm = (chosen as string ?? chosen.ToString() ?? "").ToLowerInvariant();
            if (!ChecksumAlgorithms.IsSupported(algorithm))
                throw new FlexibleChecksumException($"Unsupported checksum algorithm: {algorithm} (AwsCore supports {string.Join(", ", ChecksumAlgorithms.Supported)})");
        }
        else if (required || (algorithmMember != null && mode == RequestChecksumCalculation.WhenSupported))
        {
            // A presigned URL has no body to checksum; the caller adds one when uploading.
            if (isPresignRequest) return null;
            algorithm = ChecksumAlgorithms.Default;
            if (algorithmMember != null && operation.Input?.Members.TryGetValue(algorithmMember, out var memberShape) == true
                && memberShape.LocationName is { } headerName)
                algorithmHeader = new KeyValuePair<string, string>(headerName, algorithm.ToUpperInvariant());
        }
        else
        {
            return null;
        }

        var inTrailer = operation.StreamingInput != null
                        && string.Equals(request.Endpoint?.Scheme, "https", StringComparison.OrdinalIgnoreCase)
                        && !legacyS3Signer;
        return new RequestChecksumPlan(algorithm, inTrailer, ChecksumAlgorithms.HeaderName(algorithm), algorithmHeader);
    }

    /// <summary>
    /// The algorithms whose response checksums are checked, best first, when the caller (or
    /// <see cref="HandleRequestValidationModeMember"/>) set the requestValidationModeMember; empty otherwise.
    /// </summary>
    public static IReadOnlyList<string> ResolveResponseAlgorithms(OperationModel operation, IReadOnlyDictionary<string, object?> parameters)
    {
        var trait = operation.HttpChecksum;
        if (trait?.RequestValidationModeMember is not { } member || !parameters.TryGetValue(member, out var value) || value is null)
            return Array.Empty<string>();
        return ResponseAlgorithmsByOperation.GetValue(operation, _ =>
        {
            var offered = new HashSet<string>(trait.ResponseAlgorithms.Select(a => a.ToLowerInvariant()), StringComparer.Ordinal);
            return ChecksumAlgorithms.ResponsePriority.Where(offered.Contains).ToArray();
        });
    }

    /// <summary>
    /// Adds the planned checksum to the request (botocore's apply_request_checksum): a header computed over the body,
    /// or the aws-chunked encoding with a trailer. A checksum header the caller set is left alone.
    /// </summary>
    public static void ApplyRequestChecksum(AwsHttpRequest request, RequestChecksumPlan? plan)
    {
        if (plan is null) return;
        if (plan.IsContentMd5) ConditionallyCalculateMd5(request, plan);
        else if (plan.InTrailer) ApplyTrailerChecksum(request, plan);
        else ApplyHeaderChecksum(request, plan);
        if (plan.AlgorithmHeader is { } header) request.Headers[header.Key] = header.Value;
    }

    /// <summary>
    /// Sets Content-MD5 over the body unless a flexible checksum is planned or any checksum header is present
    /// (botocore's conditionally_calculate_md5; S3 Express does not take MD5, so <paramref name="isS3Express"/> skips it).
    /// </summary>
    public static void ConditionallyCalculateMd5(AwsHttpRequest request, RequestChecksumPlan? plan = null, bool isS3Express = false)
    {
        if (plan is { IsContentMd5: false } || HasChecksumHeader(request) || isS3Express) return;
        using var md5 = new HashChecksum(HashAlgorithmName.MD5);
        UpdateWithBody(md5, request, "Content-MD5");
        request.Headers["Content-MD5"] = md5.Base64Digest();
    }

    /// <summary>
    /// An unsigned request whose checksum is in a trailer must say so in X-Amz-Content-SHA256 (botocore's
    /// _set_extra_headers_for_unsigned_request); signed requests get it from the signer.
    /// </summary>
    public static void SetExtraHeadersForUnsignedRequest(AwsHttpRequest request, RequestChecksumPlan? plan)
    {
        if (plan is { InTrailer: true }) request.Headers["X-Amz-Content-SHA256"] = StreamingUnsignedPayloadTrailer;
    }

    /// <summary>
    /// Checks the response body against the first checksum header present among <paramref name="algorithms"/>
    /// (botocore's handle_checksum_body). An in-memory body is checked now; a streaming one is wrapped so the check runs
    /// when the caller reads its end. Composite checksums of multipart objects ("...-3") are skipped.
    /// Returns the algorithm checked, or null when none applied.
    /// </summary>
    /// <exception cref="FlexibleChecksumException">An in-memory body does not match.</exception>
    public static string? ValidateResponse(AwsHttpResponse response, IReadOnlyList<string> algorithms)
    {
        foreach (var algorithm in algorithms)
        {
            if (!response.Headers.TryGetValue(ChecksumAlgorithms.HeaderName(algorithm), out var expected)) continue;
            if (expected.IndexOf('-') >= 0) continue;
            if (response.BodyStream != null)
            {
                response.BodyStream = new ChecksumValidatingStream(response.BodyStream, algorithm, expected);
            }
            else
            {
                var checksum = ChecksumAlgorithms.Create(algorithm);
                checksum.Update(response.Body);
                ChecksumValidatingStream.Verify(checksum, expected);
            }
            return algorithm;
        }
        return null;
    }

    private static void ApplyHeaderChecksum(AwsHttpRequest request, RequestChecksumPlan plan)
    {
        if (request.Headers.ContainsKey(plan.HeaderName)) return;
        var checksum = ChecksumAlgorithms.Create(plan.Algorithm);
        UpdateWithBody(checksum, request, plan.HeaderName);
        request.Headers[plan.HeaderName] = checksum.Base64Digest();
    }

    private static void UpdateWithBody(Checksum checksum, AwsHttpRequest request, string headerName)
    {
        if (request.BodyStream is not { } stream)
        {
            checksum.Update(request.Body);
            return;
        }
        if (!stream.CanSeek)
            throw new FlexibleChecksumException(
                $"{headerName} must be computed before sending, which needs a body stream that can seek back; " +
                "give a seekable stream (a file or a MemoryStream), or send over https so the checksum can travel in a trailer");
        checksum.UpdateFromSeekable(stream);
    }

    private static void ApplyTrailerChecksum(AwsHttpRequest request, RequestChecksumPlan plan)
    {
        var headers = request.Headers;
        if (headers.ContainsKey(plan.HeaderName)) return;

        headers["Content-Encoding"] = headers.TryGetValue("Content-Encoding", out var encoding) && encoding.Length > 0
            ? encoding + ",aws-chunked"
            : "aws-chunked";
        headers["X-Amz-Trailer"] = plan.HeaderName;

        var source = request.BodyStream ?? new MemoryStream(request.Body, writable: false);
        long? declared = headers.TryGetValue("Content-Length", out var contentLength) && long.TryParse(contentLength, out var parsed) ? parsed : null;
        var chunked = new AwsChunkedStream(source, plan.Algorithm, plan.HeaderName, source.CanSeek ? null : declared);
        headers.Remove("Content-Length");
        if (chunked.DecodedLength is { } decoded) headers["X-Amz-Decoded-Content-Length"] = decoded.ToString(System.Globalization.CultureInfo.InvariantCulture);
        // With the decoded length known the encoded length is too, and the transport frames the body with it (the
        // stream's Length). No Content-Length header here: botocore signs none for these bodies, so signing one would
        // change the signature. Otherwise it must go with chunked transfer encoding, as botocore always sends it.
        if (chunked.EncodedLength is null) headers["Transfer-Encoding"] = "chunked";
        request.BodyStream = chunked;
        request.Body = Array.Empty<byte>();
    }
}
