using System.Net;
using System.Net.Sockets;
using System.Text;

namespace AwsCore.Tests.Support;

/// <summary>A request as the loopback server read it off the socket.</summary>
public sealed record LoopbackRequest(string Method, string Target, IReadOnlyDictionary<string, string> Headers, byte[] Body);

/// <summary>
/// An HTTP/1.1 server on 127.0.0.1 (a free port) for tests, working on raw sockets so a handler can answer
/// normally, stall, reset the connection or send a truncated response. Handles keep-alive and 100-continue.
/// </summary>
public sealed class LoopbackServer : IDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly Func<LoopbackRequest, LoopbackConnection, Task> _handler;
    private readonly CancellationTokenSource _stop = new();
    private readonly List<LoopbackRequest> _requests = new();
    private readonly bool _recordRequests;

    /// <param name="handler">Answers each request.</param>
    /// <param name="recordRequests">False for long runs whose memory is measured: <see cref="Requests"/> then stays empty.</param>
    public LoopbackServer(Func<LoopbackRequest, LoopbackConnection, Task> handler, bool recordRequests = true)
    {
        _handler = handler;
        _recordRequests = recordRequests;
        _listener.Start();
        _ = AcceptLoop();
    }

    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;
    public Uri Url => new($"http://127.0.0.1:{Port}");

    public IReadOnlyList<LoopbackRequest> Requests { get { lock (_requests) return _requests.ToArray(); } }

    private async Task AcceptLoop()
    {
        while (!_stop.IsCancellationRequested)
        {
            TcpClient client;
            try { client = await _listener.AcceptTcpClientAsync().ConfigureAwait(false); }
            catch (Exception) { return; }
            _ = Serve(client);
        }
    }

    private async Task Serve(TcpClient client)
    {
        using (client)
        {
            var stream = client.GetStream();
            var connection = new LoopbackConnection(client, stream);
            try
            {
                while (!_stop.IsCancellationRequested && !connection.Closed)
                {
                    var request = await ReadRequest(stream).ConfigureAwait(false);
                    if (request is null) return;
                    if (_recordRequests) lock (_requests) _requests.Add(request);
                    await _handler(request, connection).ConfigureAwait(false);
                }
            }
            catch (IOException) { }
            catch (ObjectDisposedException) { }
        }
    }

    private static async Task<LoopbackRequest?> ReadRequest(NetworkStream stream)
    {
        var head = new StringBuilder();
        var one = new byte[1];
        while (!head.ToString().EndsWith("\r\n\r\n", StringComparison.Ordinal))
        {
            if (await stream.ReadAsync(one, 0, 1).ConfigureAwait(false) == 0) return null;
            head.Append((char)one[0]);
        }
        var lines = head.ToString().Split(new[] { "\r\n" }, StringSplitOptions.RemoveEmptyEntries);
        var parts = lines[0].Split(' ');
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var line in lines.Skip(1))
        {
            var colon = line.IndexOf(':');
            headers[line.Substring(0, colon).Trim()] = line.Substring(colon + 1).Trim();
        }
        if (headers.TryGetValue("Expect", out var expect) && expect.Equals("100-continue", StringComparison.OrdinalIgnoreCase))
        {
            var cont = Encoding.ASCII.GetBytes("HTTP/1.1 100 Continue\r\n\r\n");
            await stream.WriteAsync(cont, 0, cont.Length).ConfigureAwait(false);
        }
        byte[] body;
        if (headers.TryGetValue("Content-Length", out var length))
        {
            body = new byte[long.Parse(length)];
            var read = 0;
            while (read < body.Length)
            {
                var n = await stream.ReadAsync(body, read, body.Length - read).ConfigureAwait(false);
                if (n == 0) return null;
                read += n;
            }
        }
        else if (headers.TryGetValue("Transfer-Encoding", out var te) && te.Contains("chunked"))
        {
            body = await ReadChunked(stream).ConfigureAwait(false);
        }
        else body = Array.Empty<byte>();
        return new LoopbackRequest(parts[0], parts[1], headers, body);
    }

    private static async Task<byte[]> ReadChunked(NetworkStream stream)
    {
        var result = new MemoryStream();
        var one = new byte[1];
        while (true)
        {
            var sizeLine = new StringBuilder();
            while (!sizeLine.ToString().EndsWith("\r\n", StringComparison.Ordinal))
            {
                await stream.ReadAsync(one, 0, 1).ConfigureAwait(false);
                sizeLine.Append((char)one[0]);
            }
            var size = Convert.ToInt32(sizeLine.ToString().Trim().Split(';')[0], 16);
            var chunk = new byte[size + 2];
            var read = 0;
            while (read < chunk.Length) read += await stream.ReadAsync(chunk, read, chunk.Length - read).ConfigureAwait(false);
            if (size == 0) return result.ToArray();
            result.Write(chunk, 0, size);
        }
    }

    public void Dispose()
    {
        _stop.Cancel();
        _listener.Stop();
    }
}

/// <summary>The server side of one connection, for a handler to answer on (or misbehave on).</summary>
public sealed class LoopbackConnection
{
    private readonly TcpClient _client;
    private readonly NetworkStream _stream;

    internal LoopbackConnection(TcpClient client, NetworkStream stream)
    {
        _client = client;
        _stream = stream;
    }

    public bool Closed { get; private set; }

    public Task Respond(int status, string body, params (string Name, string Value)[] headers) =>
        Respond(status, Encoding.UTF8.GetBytes(body), headers);

    public async Task Respond(int status, byte[] body, params (string Name, string Value)[] headers)
    {
        var head = new StringBuilder($"HTTP/1.1 {status} {Reason(status)}\r\n");
        foreach (var (name, value) in headers) head.Append(name).Append(": ").Append(value).Append("\r\n");
        head.Append("Content-Length: ").Append(body.Length).Append("\r\n\r\n");
        await WriteRaw(Encoding.ASCII.GetBytes(head.ToString())).ConfigureAwait(false);
        await WriteRaw(body).ConfigureAwait(false);
    }

    public async Task WriteRaw(byte[] bytes)
    {
        await _stream.WriteAsync(bytes, 0, bytes.Length).ConfigureAwait(false);
        await _stream.FlushAsync().ConfigureAwait(false);
    }

    /// <summary>Closes with a TCP reset (RST), as a crashed server or load balancer does.</summary>
    public void Reset()
    {
        _client.Client.LingerState = new LingerOption(true, 0);
        _client.Client.Close();
        Closed = true;
    }

    public void Close()
    {
        _client.Client.Shutdown(SocketShutdown.Both);
        _client.Close();
        Closed = true;
    }

    private static string Reason(int status) => status switch
    {
        200 => "OK", 400 => "Bad Request", 403 => "Forbidden", 404 => "Not Found", 500 => "Internal Server Error",
        503 => "Service Unavailable", _ => "Status",
    };
}
