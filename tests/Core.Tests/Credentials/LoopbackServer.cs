using System.Net;
using System.Net.Sockets;
using System.Text;

namespace AwsCore.Tests.Credentials;

/// <summary>A recorded request to a <see cref="LoopbackServer"/>.</summary>
internal sealed record LoopbackRequest(string Method, string PathAndQuery, Dictionary<string, string> Headers, string Body);

/// <summary>The answer a test's handler gives.</summary>
internal sealed record LoopbackResponse(int Status, string Body, Dictionary<string, string>? Headers = null)
{
    public static LoopbackResponse Json(string body) => new(200, body, new() { ["Content-Type"] = "application/json" });
}

/// <summary>
/// A small HTTP/1.1 server on 127.0.0.1 (or ::1) and a free port, built on TcpListener so it binds the loopback
/// address only; answers through the test's handler (one request per connection) and records each request.
/// </summary>
internal sealed class LoopbackServer : IDisposable
{
    private readonly TcpListener _listener;
    private readonly Func<LoopbackRequest, Task<LoopbackResponse>> _handler;
    private readonly CancellationTokenSource _stop = new();

    public LoopbackServer(Func<LoopbackRequest, LoopbackResponse> handler, bool ipv6 = false)
        : this(r => Task.FromResult(handler(r)), ipv6) { }

    public LoopbackServer(Func<LoopbackRequest, Task<LoopbackResponse>> handler, bool ipv6 = false)
    {
        _handler = handler;
        _listener = new TcpListener(ipv6 ? IPAddress.IPv6Loopback : IPAddress.Loopback, 0);
        _listener.Start();
        Port = ((IPEndPoint)_listener.LocalEndpoint).Port;
        BaseUrl = ipv6 ? $"http://[::1]:{Port}/" : $"http://127.0.0.1:{Port}/";
        _ = Task.Run(LoopAsync);
    }

    public int Port { get; }

    /// <summary>"http://127.0.0.1:PORT/".</summary>
    public string BaseUrl { get; }

    public List<LoopbackRequest> Requests { get; } = new();

    /// <summary>True when this machine can listen on ::1.</summary>
    public static bool Ipv6LoopbackAvailable()
    {
        try
        {
            var probe = new TcpListener(IPAddress.IPv6Loopback, 0);
            probe.Start();
            probe.Stop();
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    private async Task LoopAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await _listener.AcceptTcpClientAsync(_stop.Token).ConfigureAwait(false);
            }
            catch (Exception e) when (e is SocketException or ObjectDisposedException or OperationCanceledException)
            {
                return;
            }
            _ = Task.Run(() => AnswerAsync(client));
        }
    }

    private async Task AnswerAsync(TcpClient client)
    {
        using (client)
        {
            try
            {
                var stream = client.GetStream();
                var head = await ReadHeadAsync(stream).ConfigureAwait(false);
                if (head is null) return;
                var lines = head.Split("\r\n");
                var requestLine = lines[0].Split(' ');
                var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
                foreach (var line in lines.Skip(1))
                {
                    var colon = line.IndexOf(':');
                    if (colon > 0) headers[line.Substring(0, colon).Trim()] = line.Substring(colon + 1).Trim();
                }
                var length = headers.TryGetValue("Content-Length", out var l) ? int.Parse(l) : 0;
                var body = new byte[length];
                var read = 0;
                while (read < length)
                {
                    var n = await stream.ReadAsync(body.AsMemory(read, length - read)).ConfigureAwait(false);
                    if (n == 0) break;
                    read += n;
                }
                var request = new LoopbackRequest(requestLine[0], requestLine[1], headers, Encoding.UTF8.GetString(body, 0, read));
                lock (Requests) Requests.Add(request);
                var response = await _handler(request).ConfigureAwait(false);
                var payload = Encoding.UTF8.GetBytes(response.Body);
                var sb = new StringBuilder();
                sb.Append("HTTP/1.1 ").Append(response.Status).Append(response.Status == 200 ? " OK" : " Status").Append("\r\n");
                foreach (var pair in response.Headers ?? new()) sb.Append(pair.Key).Append(": ").Append(pair.Value).Append("\r\n");
                sb.Append("Content-Length: ").Append(payload.Length).Append("\r\nConnection: close\r\n\r\n");
                await stream.WriteAsync(Encoding.ASCII.GetBytes(sb.ToString())).ConfigureAwait(false);
                await stream.WriteAsync(payload).ConfigureAwait(false);
                await stream.FlushAsync().ConfigureAwait(false);
            }
            catch (Exception e) when (e is IOException or SocketException or ObjectDisposedException)
            {
                // The client gave up (a timeout test); nothing to answer.
            }
        }
    }

    private static async Task<string?> ReadHeadAsync(NetworkStream stream)
    {
        var buffer = new List<byte>();
        var one = new byte[1];
        while (true)
        {
            var n = await stream.ReadAsync(one.AsMemory(0, 1)).ConfigureAwait(false);
            if (n == 0) return null;
            buffer.Add(one[0]);
            var c = buffer.Count;
            if (c >= 4 && buffer[c - 4] == '\r' && buffer[c - 3] == '\n' && buffer[c - 2] == '\r' && buffer[c - 1] == '\n')
                return Encoding.UTF8.GetString(buffer.ToArray(), 0, c - 4);
        }
    }

    public void Dispose()
    {
        _stop.Cancel();
        _listener.Stop();
    }
}
