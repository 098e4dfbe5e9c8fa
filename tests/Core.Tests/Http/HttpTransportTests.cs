using System.Net;
using System.Net.Sockets;
using System.Text;
using AwsCore.Http;
using AwsCore.Tests.Support;

namespace AwsCore.Tests.Http;

public sealed class HttpTransportTests
{
    private static readonly TransportOptions Fast = new() { ReadTimeout = TimeSpan.FromSeconds(5), ConnectTimeout = TimeSpan.FromSeconds(5) };

    private static AwsHttpRequest Request(LoopbackServer server, string method = "GET", string path = "/")
    {
        var request = new AwsHttpRequest { Method = method, Path = path, Endpoint = server.Url };
        return request;
    }

    [Fact]
    public async Task SendsMethodPathQueryHeadersAndBodyAndReadsTheResponse()
    {
        using var server = new LoopbackServer((r, c) => c.Respond(201, "{\"ok\":true}", ("x-amz-request-id", "R1"), ("Content-Type", "application/json")));
        var request = Request(server, "POST", "/a%20b/c");
        request.Query.Add(new("list-type", "2"));
        request.Query.Add(new("prefix", "a b/c"));
        request.Headers["Content-Type"] = "application/x-amz-json-1.0";
        request.Headers["X-Amz-Target"] = "DynamoDB_20120810.GetItem";
        request.Body = Encoding.UTF8.GetBytes("{\"TableName\":\"t\"}");

        var response = await new HttpTransport(Fast).SendAsync(request, streamResponse: false, CancellationToken.None);

        Assert.Equal(201, response.StatusCode);
        Assert.Equal("R1", response.Headers["X-Amz-Request-Id"]);
        Assert.Equal("{\"ok\":true}", Encoding.UTF8.GetString(response.Body));
        var seen = Assert.Single(server.Requests);
        Assert.Equal("POST", seen.Method);
        Assert.Equal("/a%20b/c?list-type=2&prefix=a%20b%2Fc", seen.Target);
        Assert.Equal("DynamoDB_20120810.GetItem", seen.Headers["X-Amz-Target"]);
        Assert.Equal("application/x-amz-json-1.0", seen.Headers["Content-Type"]);
        Assert.Equal("{\"TableName\":\"t\"}", Encoding.UTF8.GetString(seen.Body));
    }

    [Fact]
    public async Task ResponseHeadersAreKeptAsTheyCameAndRepeatedOnesJoined()
    {
        // As botocore (urllib3) hands them over: no typed re-formatting of product tokens or dates, repeats joined by ", ".
        using var server = new LoopbackServer((r, c) => c.Respond(200, "",
            ("Server", "Apache/2.4.1 (Unix) mod_x/1"), ("Last-Modified", "Monday, 12-Oct-26 17:50:00 GMT"),
            ("x-amz-meta-tag", "a"), ("x-amz-meta-tag", "b")));

        var response = await new HttpTransport(Fast).SendAsync(Request(server), streamResponse: false, CancellationToken.None);

        Assert.Equal("Apache/2.4.1 (Unix) mod_x/1", response.Headers["Server"]);
        Assert.Equal("Monday, 12-Oct-26 17:50:00 GMT", response.Headers["Last-Modified"]);
        Assert.Equal("a, b", response.Headers["x-amz-meta-tag"]);
    }

    [Fact]
    public async Task EachSendGoesToItsOwnPathHostPrefixAndQuery()
    {
        // The transport reuses the URL of the previous send when nothing in it changed; it must notice every change.
        using var server = new LoopbackServer((r, c) => c.Respond(200, ""));
        var transport = new HttpTransport(Fast);
        var sends = new (string Path, string? Query)[] { ("/", null), ("/", null), ("/b/k1", null), ("/b/k2", null), ("/b/k2", "x"), ("/b/k2", null), ("/", null) };
        foreach (var (path, query) in sends)
        {
            var request = Request(server, "GET", path);
            if (query != null) request.Query.Add(new(query, "1"));
            await transport.SendAsync(request, streamResponse: false, CancellationToken.None);
        }

        Assert.Equal(new[] { "/", "/", "/b/k1", "/b/k2", "/b/k2?x=1", "/b/k2", "/" }, server.Requests.Select(r => r.Target));
    }

    [Fact]
    public async Task AStreamingBodyIsSentWithItsLengthAndAStreamedResponseIsReadIncrementally()
    {
        var payload = new byte[3 * 1024 * 1024];
        new Random(7).NextBytes(payload);
        using var server = new LoopbackServer((r, c) => c.Respond(200, r.Body));
        var request = Request(server, "PUT", "/bucket/key");
        request.BodyStream = new MemoryStream(payload);
        request.Headers["Content-Length"] = payload.Length.ToString();
        request.Headers["Expect"] = "100-continue";

        var response = await new HttpTransport(Fast).SendAsync(request, streamResponse: true, CancellationToken.None);

        Assert.Empty(response.Body);
        using var body = response.BodyStream!;
        var copy = new MemoryStream();
        await body.CopyToAsync(copy);
        Assert.Equal(payload, copy.ToArray());
        Assert.Equal(payload.Length.ToString(), server.Requests[0].Headers["Content-Length"]);
    }

    [Fact]
    public async Task AStalledServerIsAReadTimeoutNotAHang()
    {
        using var server = new LoopbackServer(async (r, c) => await Task.Delay(8000));
        var started = DateTime.UtcNow;
        var transport = new HttpTransport(Fast with { ReadTimeout = TimeSpan.FromMilliseconds(400) });
        var error = await Assert.ThrowsAsync<AwsTransportException>(() => transport.SendAsync(Request(server), false, CancellationToken.None));
        Assert.Equal(TransportFailure.ReadTimeout, error.Failure);
        Assert.Contains("127.0.0.1", error.Message);
        Assert.True(DateTime.UtcNow - started < TimeSpan.FromSeconds(4));
    }

    [Fact]
    public async Task AResetConnectionIsReportedAsClosed()
    {
        using var server = new LoopbackServer((r, c) => { c.Reset(); return Task.CompletedTask; });
        var error = await Assert.ThrowsAsync<AwsTransportException>(() => new HttpTransport(Fast).SendAsync(Request(server), false, CancellationToken.None));
        Assert.Equal(TransportFailure.ConnectionClosed, error.Failure);
    }

    [Fact]
    public async Task ATruncatedBodyIsReportedAsClosed()
    {
        using var server = new LoopbackServer(async (r, c) =>
        {
            await c.WriteRaw(Encoding.ASCII.GetBytes("HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\nonly ten b"));
            c.Close();
        });
        var error = await Assert.ThrowsAsync<AwsTransportException>(() => new HttpTransport(Fast).SendAsync(Request(server), false, CancellationToken.None));
        Assert.Equal(TransportFailure.ConnectionClosed, error.Failure);
    }

    [Fact]
    public async Task ARefusedConnectionIsAConnectFailure()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        var request = new AwsHttpRequest { Method = "GET", Endpoint = new Uri($"http://127.0.0.1:{port}") };
        var error = await Assert.ThrowsAsync<AwsTransportException>(() => new HttpTransport(Fast).SendAsync(request, false, CancellationToken.None));
        Assert.Equal(TransportFailure.Connect, error.Failure);
        Assert.Contains($"127.0.0.1:{port}", error.Message);
    }

    [Fact]
    public async Task CancellingTheCallStopsItAsCancellationNotAsATransportFailure()
    {
        using var server = new LoopbackServer(async (r, c) => await Task.Delay(5000));
        using var cts = new CancellationTokenSource(TimeSpan.FromMilliseconds(100));
        var transport = new HttpTransport(Fast with { ReadTimeout = TimeSpan.FromSeconds(30) });
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => transport.SendAsync(Request(server), false, cts.Token));
    }

    [Theory]
    [InlineData("https://s3.amazonaws.com", "/", null, "https://s3.amazonaws.com/")]
    [InlineData("https://s3.amazonaws.com", "/bucket/key", null, "https://s3.amazonaws.com/bucket/key")]
    [InlineData("https://example.com/base/", "/bucket", null, "https://example.com/base/bucket")]
    [InlineData("https://example.com/base", "/bucket", null, "https://example.com/base/bucket")]
    [InlineData("https://example.com/base", "/", null, "https://example.com/base")]
    [InlineData("http://127.0.0.1:5000/bucket", "?list-type=2", null, "http://127.0.0.1:5000/bucket?list-type=2")]
    [InlineData("https://bucket.s3.amazonaws.com", "?uploads", null, "https://bucket.s3.amazonaws.com/?uploads")]
    [InlineData("https://example.com:8443", "/x", "data-", "https://data-example.com:8443/x")]
    public void UrlsJoinAsBotocoreJoinsThem(string endpoint, string path, string? hostPrefix, string expected)
    {
        var request = new AwsHttpRequest { Endpoint = new Uri(endpoint), Path = path, HostPrefix = hostPrefix };
        Assert.Equal(expected, RequestUrl.Build(request).OriginalString);
    }
}
