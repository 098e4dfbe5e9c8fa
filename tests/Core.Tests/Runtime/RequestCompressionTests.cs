using System.IO.Compression;
using System.Text;
using System.Text.Json;
using AwsCore.Http;
using AwsCore.Models;
using AwsCore.Runtime;

namespace AwsCore.Tests.Runtime;

public sealed class RequestCompressionTests
{
    private const string ModelJson = """
        {"version":"2.0","metadata":{"apiVersion":"2020-01-01","endpointPrefix":"cmp","protocol":"query","serviceId":"Cmp","signatureVersion":"v4"},
         "operations":{
          "Put":{"name":"Put","http":{"method":"POST","requestUri":"/"},"input":{"shape":"PutInput"},"requestcompression":{"encodings":["gzip"]}},
          "Upload":{"name":"Upload","http":{"method":"PUT","requestUri":"/u"},"input":{"shape":"UploadInput"},"requestcompression":{"encodings":["gzip"]}},
          "UploadSized":{"name":"UploadSized","http":{"method":"PUT","requestUri":"/s"},"input":{"shape":"SizedInput"},"requestcompression":{"encodings":["gzip"]}},
          "Other":{"name":"Other","http":{"method":"POST","requestUri":"/"},"input":{"shape":"PutInput"},"requestcompression":{"encodings":["br"]}},
          "Plain":{"name":"Plain","http":{"method":"POST","requestUri":"/"},"input":{"shape":"PutInput"}}},
         "shapes":{
          "PutInput":{"type":"structure","members":{"Data":{"shape":"Str"}}},
          "UploadInput":{"type":"structure","members":{"Body":{"shape":"Stream"}},"payload":"Body"},
          "SizedInput":{"type":"structure","members":{"Body":{"shape":"SizedStream"}},"payload":"Body"},
          "Str":{"type":"string"},
          "Stream":{"type":"blob","streaming":true},
          "SizedStream":{"type":"blob","streaming":true,"requiresLength":true}}}
        """;

    private static readonly Lazy<ServiceModel> Model = new(() => ServiceModel.Parse(Encoding.UTF8.GetBytes(ModelJson), "cmp", "RequestCompressionTests"));

    private static OperationModel Op(string name) => Model.Value.GetOperation(name);

    private static byte[] Gunzip(byte[] data)
    {
        using var gzip = new GZipStream(new MemoryStream(data), CompressionMode.Decompress);
        var output = new MemoryStream();
        gzip.CopyTo(output);
        return output.ToArray();
    }

    private static byte[] Body(int size) => Encoding.ASCII.GetBytes("Action=Put&Data=" + new string('a', Math.Max(0, size - 16)));

    [Fact]
    public void BodiesFromTheMinimumSizeUpAreGzipped()
    {
        var body = Body(10240);
        var request = new AwsHttpRequest { Body = body };
        Assert.Equal("gzip", RequestCompression.MaybeCompressRequest(request, Op("Put")));
        Assert.Equal("gzip", request.Headers["Content-Encoding"]);
        Assert.True(request.Body.Length < body.Length);
        Assert.Equal(body, Gunzip(request.Body));

        var small = new AwsHttpRequest { Body = Body(10239) };
        Assert.Null(RequestCompression.MaybeCompressRequest(small, Op("Put")));
        Assert.Equal(Body(10239), small.Body);
        Assert.False(small.Headers.ContainsKey("Content-Encoding"));
    }

    [Fact]
    public void SettingsAndTraitsTurnItOff()
    {
        Assert.Null(RequestCompression.MaybeCompressRequest(new AwsHttpRequest { Body = Body(20000) }, Op("Put"), disabled: true));
        Assert.Null(RequestCompression.MaybeCompressRequest(new AwsHttpRequest { Body = Body(20000) }, Op("Put"), signatureVersion: "v2"));
        Assert.Null(RequestCompression.MaybeCompressRequest(new AwsHttpRequest { Body = Body(20000) }, Op("Plain")));
        Assert.Null(RequestCompression.MaybeCompressRequest(new AwsHttpRequest { Body = Body(20000) }, Op("Other")));
        Assert.Equal("gzip", RequestCompression.MaybeCompressRequest(new AwsHttpRequest { Body = Body(100) }, Op("Put"), minSizeBytes: 1));
    }

    [Fact]
    public void AnExistingContentEncodingIsKept()
    {
        var request = new AwsHttpRequest { Body = Body(20000) };
        request.Headers["Content-Encoding"] = "custom";
        RequestCompression.MaybeCompressRequest(request, Op("Put"));
        Assert.Equal("custom,gzip", request.Headers["Content-Encoding"]);
    }

    [Fact]
    public void StreamingInputsAreCompressedWhateverTheirSizeUnlessTheyNeedALength()
    {
        var data = Encoding.UTF8.GetBytes("tiny");
        var request = new AwsHttpRequest { BodyStream = new MemoryStream(data) };
        Assert.Equal("gzip", RequestCompression.MaybeCompressRequest(request, Op("Upload")));
        var compressed = new MemoryStream();
        request.BodyStream!.CopyTo(compressed);
        Assert.Equal(data, Gunzip(compressed.ToArray()));

        var sized = new AwsHttpRequest { BodyStream = new MemoryStream(new byte[50000]) };
        Assert.Null(RequestCompression.MaybeCompressRequest(sized, Op("UploadSized")));
    }

    [Fact]
    public void ACompressingStreamCompressesAsItIsReadAndRewinds()
    {
        var data = new byte[3 * 1024 * 1024];
        var random = new Random(5);
        for (var i = 0; i < data.Length; i += 1000) data[i] = (byte)random.Next(256);
        var source = new MemoryStream(data);
        using var stream = new GzipCompressingStream(source);
        var first = new byte[10];
        Assert.Equal(10, stream.Read(first, 0, first.Length));
        Assert.True(source.Position <= 2 * 64 * 1024, $"read {source.Position} bytes of the source for 10 bytes of output");
        Assert.True(stream.CanRewind);
        Assert.False(stream.CanSeek);
        stream.Rewind();
        var all = new MemoryStream();
        stream.CopyTo(all, 1000);
        Assert.Equal(data, Gunzip(all.ToArray()));
        Assert.Equal(first, all.ToArray().Take(10).ToArray());
    }

    private const string Script = """
        import base64, gzip, io, json, sys
        from botocore.compress import maybe_compress_request
        from botocore.model import ServiceModel
        class Config: pass
        data = json.load(sys.stdin)
        model = ServiceModel(json.loads(data['model']), 'cmp')
        out = []
        for case in data['cases']:
            config = Config()
            config.disable_request_compression = case['disabled']
            config.signature_version = case['sigv']
            config.request_min_compression_size_bytes = case['min']
            body = base64.b64decode(case['body'])
            request = {'body': io.BytesIO(body) if case['stream'] else body, 'headers': dict(case['headers'])}
            maybe_compress_request(config, request, model.operation_model(case['op']))
            result = request['body']
            if hasattr(result, 'read'):
                result = result.read()
            compressed = result != body
            out.append({'encoding': request['headers'].get('Content-Encoding'), 'body': base64.b64encode(gzip.decompress(result) if compressed else result).decode(), 'compressed': compressed})
        print(json.dumps(out))
        """;

    [Fact]
    public void SameDecisionsAsBotocore()
    {
        var cases = new List<(string Op, int Size, bool Stream, bool Disabled, string Sigv, int Min, Dictionary<string, string> Headers)>
        {
            ("Put", 10240, false, false, "v4", 10240, new()),
            ("Put", 10239, false, false, "v4", 10240, new()),
            ("Put", 100, false, false, "v4", 1, new()),
            ("Put", 100, false, false, "v4", 100, new() { ["Content-Encoding"] = "identity" }),
            ("Put", 20000, false, true, "v4", 10240, new()),
            ("Put", 20000, false, false, "v2", 10240, new()),
            ("Put", 20000, true, false, "v4", 10240, new()),
            ("Put", 200, true, false, "v4", 10240, new()),
            ("Upload", 10, true, false, "v4", 10240, new()),
            ("UploadSized", 20000, true, false, "v4", 10240, new()),
            ("Other", 20000, false, false, "v4", 10240, new()),
            ("Plain", 20000, false, false, "v4", 10240, new()),
        };
        var json = JsonSerializer.Serialize(new
        {
            model = ModelJson,
            cases = cases.Select(c => new { op = c.Op, body = Convert.ToBase64String(Body(c.Size)), stream = c.Stream, disabled = c.Disabled, sigv = c.Sigv, min = c.Min, headers = c.Headers }),
        });
        var expected = JsonDocument.Parse(PythonScript.Run(Script, json)).RootElement;
        for (var i = 0; i < cases.Count; i++)
        {
            var c = cases[i];
            var request = c.Stream ? new AwsHttpRequest { BodyStream = new MemoryStream(Body(c.Size)) } : new AwsHttpRequest { Body = Body(c.Size) };
            foreach (var h in c.Headers) request.Headers[h.Key] = h.Value;
            var encoding = RequestCompression.MaybeCompressRequest(request, Op(c.Op), c.Disabled, c.Min, c.Sigv);
            var theirs = expected[i];
            Assert.True(theirs.GetProperty("compressed").GetBoolean() == (encoding != null), $"case {i}: botocore compressed={theirs.GetProperty("compressed")}, ours {encoding}");
            Assert.Equal(theirs.GetProperty("encoding").GetString(), request.Headers.TryGetValue("Content-Encoding", out var ce) ? ce : null);
            var body = request.Body;
            if (request.BodyStream != null)
            {
                var copy = new MemoryStream();
                request.BodyStream.CopyTo(copy);
                body = copy.ToArray();
            }
            Assert.Equal(theirs.GetProperty("body").GetString(), Convert.ToBase64String(encoding != null ? Gunzip(body) : body));
        }
    }
}
