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

/// <summary>An HTTP server on 127.0.0.1 (or ::1) and a free port, answering through the test's handler and recording each request.</summary>
internal sealed class LoopbackServer : IDisposable
{
    private readonly HttpListener _listener = new();
    private readonly Func<LoopbackRequest, Task<LoopbackResponse>> _handler;
    private readonly Task _loop;

    public LoopbackServer(Func<LoopbackRequest, LoopbackResponse> handler, bool ipv6 = false)
        : this(r => Task.FromResult(handler(r)), ipv6) { }

    public LoopbackServer(Func<LoopbackRequest, Task<LoopbackResponse>> handler, bool ipv6 = false)
    {
        _handler = handler;
        var address = ipv6 ? IPAddress.IPv6Loopback : IPAddress.Loopback;
        var probe = new TcpListener(address, 0);
        probe.Start();
        Port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        BaseUrl = ipv6 ? $"http://[::1]:{Port}/" : $"http://127.0.0.1:{Port}/";
        _listener.Prefixes.Add(BaseUrl);
        _listener.Start();
        _loop = Task.Run(LoopAsync);
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
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync().ConfigureAwait(false);
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }
            _ = Task.Run(() => AnswerAsync(context));
        }
    }

    private async Task AnswerAsync(HttpListenerContext context)
    {
        try
        {
            string body;
            using (var reader = new StreamReader(context.Request.InputStream, Encoding.UTF8)) body = await reader.ReadToEndAsync().ConfigureAwait(false);
            var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            foreach (string key in context.Request.Headers) headers[key] = context.Request.Headers[key]!;
            var request = new LoopbackRequest(context.Request.HttpMethod, context.Request.Url!.PathAndQuery, headers, body);
            lock (Requests) Requests.Add(request);
            var response = await _handler(request).ConfigureAwait(false);
            context.Response.StatusCode = response.Status;
            if (response.Headers != null)
                foreach (var pair in response.Headers) context.Response.Headers[pair.Key] = pair.Value;
            var bytes = Encoding.UTF8.GetBytes(response.Body);
            context.Response.ContentLength64 = bytes.Length;
            await context.Response.OutputStream.WriteAsync(bytes).ConfigureAwait(false);
            context.Response.Close();
        }
        catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or IOException)
        {
            // The client gave up (a timeout test); nothing to answer.
        }
    }

    public void Dispose()
    {
        _listener.Stop();
        _listener.Close();
    }
}
