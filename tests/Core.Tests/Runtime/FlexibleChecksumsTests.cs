using System.Text;
using System.Text.Json;
using AwsCore.Http;
using AwsCore.Models;
using AwsCore.Runtime;
using AwsCore.Tests.Support;

namespace AwsCore.Tests.Runtime;

public sealed class FlexibleChecksumsTests
{
    private static readonly Lazy<ServiceModel> S3 = new(() => ModelLoader.Default.GetService("s3"));

    private static OperationModel Op(string name) => S3.Value.GetOperation(name);

    private static AwsHttpRequest Request(string url, string body, params (string, string)[] headers)
    {
        var request = new AwsHttpRequest { Method = "PUT", Endpoint = new Uri(url), Body = Encoding.UTF8.GetBytes(body) };
        foreach (var (name, value) in headers) request.Headers[name] = value;
        return request;
    }

    private static Dictionary<string, object?> Params(params (string, object?)[] pairs) => pairs.ToDictionary(p => p.Item1, p => p.Item2);

    private static byte[] BodyOf(AwsHttpRequest request)
    {
        if (request.BodyStream is null) return request.Body;
        var output = new MemoryStream();
        request.BodyStream.CopyTo(output);
        return output.ToArray();
    }

    [Fact]
    public void StreamingUploadsOverHttpsSendTheChecksumInATrailer()
    {
        var request = Request("https://bucket.s3.amazonaws.com", "Hello world", ("Content-Length", "11"));
        var plan = FlexibleChecksums.ResolveRequestAlgorithm(Op("PutObject"), Params(("Bucket", "b"), ("Key", "k")), request, RequestChecksumCalculation.WhenSupported);
        Assert.NotNull(plan);
        Assert.True(plan!.InTrailer);
        Assert.Equal("crc32", plan.Algorithm);
        FlexibleChecksums.ApplyRequestChecksum(request, plan);
        Assert.Equal("aws-chunked", request.Headers["Content-Encoding"]);
        Assert.Equal("x-amz-checksum-crc32", request.Headers["X-Amz-Trailer"]);
        Assert.Equal("11", request.Headers["X-Amz-Decoded-Content-Length"]);
        Assert.Equal("CRC32", request.Headers["x-amz-sdk-checksum-algorithm"]);
        var body = BodyOf(request);
        Assert.False(request.Headers.ContainsKey("Content-Length"));
        Assert.False(request.Headers.ContainsKey("Transfer-Encoding"));
        Assert.EndsWith($"0\r\nx-amz-checksum-crc32:{ChecksumAlgorithms.Compute("crc32", Encoding.UTF8.GetBytes("Hello world"))}\r\n\r\n", Encoding.ASCII.GetString(body));
    }

    [Fact]
    public void ANonSeekableStreamOfUnknownLengthGoesChunked()
    {
        var request = Request("https://bucket.s3.amazonaws.com", "");
        request.BodyStream = new ForwardOnlyStream(Encoding.UTF8.GetBytes("abc"));
        var plan = FlexibleChecksums.ResolveRequestAlgorithm(Op("PutObject"), Params(("Bucket", "b"), ("Key", "k")), request, RequestChecksumCalculation.WhenSupported);
        FlexibleChecksums.ApplyRequestChecksum(request, plan);
        Assert.Equal("chunked", request.Headers["Transfer-Encoding"]);
        Assert.False(request.Headers.ContainsKey("X-Amz-Decoded-Content-Length"));
        Assert.False(request.Headers.ContainsKey("Content-Length"));
        Assert.StartsWith("3\r\nabc\r\n0\r\n", Encoding.ASCII.GetString(BodyOf(request)));
    }

    [Fact]
    public void HeaderChecksumsOverASeekableStreamLeaveItsPositionAlone()
    {
        var request = Request("http://bucket.s3.amazonaws.com", "");
        var data = Encoding.UTF8.GetBytes("0123456789");
        request.BodyStream = new MemoryStream(data) { Position = 4 };
        var plan = FlexibleChecksums.ResolveRequestAlgorithm(Op("PutObject"), Params(("Bucket", "b"), ("Key", "k"), ("ChecksumAlgorithm", "CRC64NVME")), request, RequestChecksumCalculation.WhenRequired);
        Assert.False(plan!.InTrailer);
        FlexibleChecksums.ApplyRequestChecksum(request, plan);
        Assert.Equal(ChecksumAlgorithms.Compute("crc64nvme", data.Skip(4).ToArray()), request.Headers["x-amz-checksum-crc64nvme"]);
        Assert.Equal(4, request.BodyStream.Position);
        Assert.False(request.Headers.ContainsKey("x-amz-sdk-checksum-algorithm")); // the serializer sends the caller's own
    }

    [Fact]
    public void HeaderChecksumsNeedASeekableStream()
    {
        var request = Request("http://bucket.s3.amazonaws.com", "");
        request.BodyStream = new ForwardOnlyStream(new byte[3]);
        var plan = FlexibleChecksums.ResolveRequestAlgorithm(Op("PutObject"), Params(("Bucket", "b"), ("Key", "k")), request, RequestChecksumCalculation.WhenSupported);
        var e = Assert.Throws<FlexibleChecksumException>(() => FlexibleChecksums.ApplyRequestChecksum(request, plan));
        Assert.Contains("seek", e.Message);
    }

    [Fact]
    public void NoChecksumForPresignedRequestsOrWhenTheCallerSentOne()
    {
        var presign = Request("https://b.s3.amazonaws.com", "x");
        Assert.Null(FlexibleChecksums.ResolveRequestAlgorithm(Op("PutObject"), Params(), presign, RequestChecksumCalculation.WhenSupported, isPresignRequest: true));
        var own = Request("https://b.s3.amazonaws.com", "x", ("X-Amz-Checksum-Sha1", "abc="));
        Assert.Null(FlexibleChecksums.ResolveRequestAlgorithm(Op("PutObject"), Params(), own, RequestChecksumCalculation.WhenSupported));
        Assert.Null(FlexibleChecksums.ResolveRequestAlgorithm(Op("GetObject"), Params(), Request("https://b.s3.amazonaws.com", ""), RequestChecksumCalculation.WhenSupported));
    }

    [Fact]
    public void TheLegacyS3SignerKeepsTheChecksumInAHeader()
    {
        var plan = FlexibleChecksums.ResolveRequestAlgorithm(Op("PutObject"), Params(), Request("https://b.s3.amazonaws.com", "x"), RequestChecksumCalculation.WhenSupported, legacyS3Signer: true);
        Assert.False(plan!.InTrailer);
    }

    [Fact]
    public void UnsupportedAlgorithmsAreRefusedBeforeSending()
    {
        var e = Assert.Throws<FlexibleChecksumException>(() => FlexibleChecksums.ResolveRequestAlgorithm(
            Op("PutObject"), Params(("ChecksumAlgorithm", "XXHASH3")), Request("https://b.s3.amazonaws.com", "x"), RequestChecksumCalculation.WhenSupported));
        Assert.StartsWith("Unsupported checksum algorithm: xxhash3", e.Message);
    }

    [Fact]
    public void UnsignedTrailerRequestsSayWhatTheyCarry()
    {
        var request = Request("https://b.s3.amazonaws.com", "x");
        var plan = FlexibleChecksums.ResolveRequestAlgorithm(Op("UploadPart"), Params(), request, RequestChecksumCalculation.WhenSupported);
        FlexibleChecksums.SetExtraHeadersForUnsignedRequest(request, plan);
        Assert.Equal("STREAMING-UNSIGNED-PAYLOAD-TRAILER", request.Headers["x-amz-content-sha256"]);
    }

    [Fact]
    public void ContentMd5IsAddedOnlyWhereNoOtherChecksumIs()
    {
        var request = Request("https://b.s3.amazonaws.com", "hello");
        FlexibleChecksums.ConditionallyCalculateMd5(request);
        Assert.Equal("XUFAKrxLKna5cZ2REBfFkg==", request.Headers["Content-MD5"]);

        var flexible = Request("https://b.s3.amazonaws.com", "hello");
        FlexibleChecksums.ConditionallyCalculateMd5(flexible, new RequestChecksumPlan("crc32", false, "x-amz-checksum-crc32", null));
        Assert.False(flexible.Headers.ContainsKey("Content-MD5"));

        var express = Request("https://b.s3.amazonaws.com", "hello");
        FlexibleChecksums.ConditionallyCalculateMd5(express, isS3Express: true);
        Assert.False(express.Headers.ContainsKey("Content-MD5"));

        var md5Plan = Request("https://b.s3.amazonaws.com", "hello");
        FlexibleChecksums.ApplyRequestChecksum(md5Plan, RequestChecksumPlan.ContentMd5);
        Assert.Equal("XUFAKrxLKna5cZ2REBfFkg==", md5Plan.Headers["Content-MD5"]);
    }

    [Fact]
    public void ResponseValidationIsOnByDefaultAndOffWhenRequiredOnly()
    {
        var getObject = Op("GetObject");
        var parameters = Params(("Bucket", "b"), ("Key", "k"));
        FlexibleChecksums.HandleRequestValidationModeMember(parameters, getObject, ResponseChecksumValidation.WhenRequired);
        Assert.False(parameters.ContainsKey("ChecksumMode"));
        Assert.Empty(FlexibleChecksums.ResolveResponseAlgorithms(getObject, parameters));

        FlexibleChecksums.HandleRequestValidationModeMember(parameters, getObject, ResponseChecksumValidation.WhenSupported);
        Assert.Equal("ENABLED", parameters["ChecksumMode"]);
        Assert.Equal(new[] { "crc64nvme", "crc32c", "crc32", "sha1", "sha256", "sha512" }, FlexibleChecksums.ResolveResponseAlgorithms(getObject, parameters));

        parameters["ChecksumMode"] = "DISABLED"; // the caller's value is kept; botocore only looks for the member
        FlexibleChecksums.HandleRequestValidationModeMember(parameters, getObject, ResponseChecksumValidation.WhenSupported);
        Assert.Equal("DISABLED", parameters["ChecksumMode"]);
    }

    [Fact]
    public void ResponsesAreCheckedWithTheBestAlgorithmPresent()
    {
        var body = Encoding.UTF8.GetBytes("object body");
        var response = new AwsHttpResponse { StatusCode = 200, Body = body };
        response.Headers["x-amz-checksum-sha256"] = ChecksumAlgorithms.Compute("sha256", body);
        response.Headers["x-amz-checksum-crc32"] = ChecksumAlgorithms.Compute("crc32", body);
        Assert.Equal("crc32", FlexibleChecksums.ValidateResponse(response, ChecksumAlgorithms.ResponsePriority));

        response.Headers["x-amz-checksum-crc32"] = "AAAAAA==";
        Assert.Throws<FlexibleChecksumException>(() => FlexibleChecksums.ValidateResponse(response, ChecksumAlgorithms.ResponsePriority));

        response.Headers["x-amz-checksum-crc32"] = "AAAAAA==-3"; // a multipart composite: skipped, the next one applies
        Assert.Equal("sha256", FlexibleChecksums.ValidateResponse(response, ChecksumAlgorithms.ResponsePriority));
        Assert.Null(FlexibleChecksums.ValidateResponse(response, Array.Empty<string>()));
    }

    [Fact]
    public void StreamingResponsesAreCheckedAtTheirEnd()
    {
        var body = Encoding.UTF8.GetBytes("streamed object body");
        var response = new AwsHttpResponse { StatusCode = 200, BodyStream = new MemoryStream(body) };
        response.Headers["x-amz-checksum-crc32c"] = ChecksumAlgorithms.Compute("crc32c", Encoding.UTF8.GetBytes("something else"));
        Assert.Equal("crc32c", FlexibleChecksums.ValidateResponse(response, ChecksumAlgorithms.ResponsePriority));
        Assert.IsType<ChecksumValidatingStream>(response.BodyStream);
        Assert.Throws<FlexibleChecksumException>(() => response.BodyStream!.CopyTo(Stream.Null));
    }

    private const string BotocoreScript = """
        import base64, json, sys, botocore.session
        from botocore.httpchecksum import resolve_request_checksum_algorithm, apply_request_checksum
        class Config: pass
        model = botocore.session.get_session().get_service_model('s3')
        out = []
        for case in json.load(sys.stdin):
            config = Config(); config.request_checksum_calculation = case['mode']; config.signature_version = 's3v4'
            request = {'headers': dict(case['headers']), 'body': base64.b64decode(case['body']), 'url': case['url'], 'context': {'client_config': config}}
            resolve_request_checksum_algorithm(request, model.operation_model(case['op']), case['params'])
            apply_request_checksum(request)
            body = request['body']
            if not isinstance(body, (bytes, bytearray)):
                body = body.read()
            out.append({'headers': {k.lower(): str(v) for k, v in request['headers'].items()}, 'body': base64.b64encode(body).decode()})
        print(json.dumps(out))
        """;

    private sealed record Case(string op, string url, string mode, Dictionary<string, string> @params, Dictionary<string, string> headers, string body);

    [Fact]
    public void SameHeadersAndBodyAsBotocore()
    {
        var bucketKey = new Dictionary<string, string> { ["Bucket"] = "b", ["Key"] = "k" };
        var none = new Dictionary<string, string>();
        var cases = new[]
        {
            new Case("PutObject", "https://b.s3.amazonaws.com/k", "when_supported", bucketKey, none, "hello world"),
            new Case("PutObject", "http://b.s3.amazonaws.com/k", "when_supported", bucketKey, none, "hello world"),
            new Case("PutObject", "http://b.s3.amazonaws.com/k", "when_required", bucketKey, none, "hello world"),
            new Case("PutObject", "https://b.s3.amazonaws.com/k", "when_required", new(bucketKey) { ["ChecksumAlgorithm"] = "SHA256" },
                new() { ["x-amz-sdk-checksum-algorithm"] = "SHA256" }, "hello world"),
            new Case("PutObject", "https://b.s3.amazonaws.com/k", "when_supported", bucketKey, new() { ["Content-Encoding"] = "gzip", ["Content-Length"] = "3" }, "abc"),
            new Case("PutObject", "https://b.s3.amazonaws.com/k", "when_supported", bucketKey, none, ""),
            new Case("PutObject", "http://b.s3.amazonaws.com/k", "when_supported", bucketKey, new() { ["x-amz-checksum-crc32"] = "AAAAAA==" }, "hello"),
            new Case("UploadPart", "https://b.s3.amazonaws.com/k", "when_supported", new(bucketKey) { ["ChecksumAlgorithm"] = "sha1" }, none, new string('x', 3000)),
            new Case("DeleteObjects", "https://b.s3.amazonaws.com/", "when_required", new() { ["Bucket"] = "b" }, none, "<Delete><Object><Key>k</Key></Object></Delete>"),
            new Case("PutBucketAcl", "https://b.s3.amazonaws.com/", "when_supported", new() { ["Bucket"] = "b" }, none, ""),
            new Case("RestoreObject", "http://b.s3.amazonaws.com/k", "when_required", bucketKey, none, "<RestoreRequest/>"),
            new Case("RestoreObject", "http://b.s3.amazonaws.com/k", "when_supported", bucketKey, none, "<RestoreRequest/>"),
            new Case("GetObject", "https://b.s3.amazonaws.com/k", "when_supported", bucketKey, none, ""),
        };
        var json = JsonSerializer.Serialize(cases.Select(c => new { c.op, c.url, c.mode, c.@params, c.headers, body = Convert.ToBase64String(Encoding.UTF8.GetBytes(c.body)) }));
        var expected = JsonDocument.Parse(PythonScript.Run(BotocoreScript, json)).RootElement;
        for (var i = 0; i < cases.Length; i++)
        {
            var c = cases[i];
            var request = Request(c.url, c.body, c.headers.Select(h => (h.Key, h.Value)).ToArray());
            var plan = FlexibleChecksums.ResolveRequestAlgorithm(Op(c.op), c.@params.ToDictionary(p => p.Key, p => (object?)p.Value), request,
                c.mode == "when_required" ? RequestChecksumCalculation.WhenRequired : RequestChecksumCalculation.WhenSupported);
            FlexibleChecksums.ApplyRequestChecksum(request, plan);
            // botocore always sends aws-chunked bodies with Transfer-Encoding: chunked; AwsCore sends a Content-Length when it knows it.
            static bool Compared(string name) => name is not ("content-length" or "transfer-encoding");
            var theirs = expected[i].GetProperty("headers").EnumerateObject().Where(p => Compared(p.Name))
                .Select(p => $"{p.Name}: {p.Value.GetString()}").OrderBy(s => s, StringComparer.Ordinal);
            var ours = request.Headers.Where(h => Compared(h.Key.ToLowerInvariant()))
                .Select(h => $"{h.Key.ToLowerInvariant()}: {h.Value}").OrderBy(s => s, StringComparer.Ordinal);
            Assert.True(theirs.SequenceEqual(ours), $"case {i} ({c.op} {c.url} {c.mode}):\n botocore {string.Join(" | ", theirs)}\n ours     {string.Join(" | ", ours)}");
            Assert.Equal(expected[i].GetProperty("body").GetString(), Convert.ToBase64String(BodyOf(request)));
        }
    }
}
