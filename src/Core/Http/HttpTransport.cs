using System.Collections.Concurrent;
using System.Net.Http.Headers;

namespace AwsCore.Http;

/// <summary>
/// Sends <see cref="AwsHttpRequest"/>s over HttpClient. One pooled handler per distinct <see cref="TransportOptions"/>
/// lives for the process. The read timeout is an idle timeout, as a socket read timeout: it restarts whenever bytes
/// move in either direction, so long uploads and downloads are fine while a stalled server is not.
/// </summary>
public sealed class HttpTransport
{
    private static readonly ConcurrentDictionary<TransportOptions, Lazy<HttpClient>> Clients = new();

    private static readonly HashSet<string> ContentHeaderNames = new(StringComparer.OrdinalIgnoreCase)
    {
        "Content-Type", "Content-Length", "Content-MD5", "Content-Encoding", "Content-Language",
        "Content-Disposition", "Content-Range", "Expires", "Last-Modified", "Allow",
    };

    private readonly HttpClient _client;

    // The last URL built with no query: calls of one operation to one endpoint (DynamoDB, STS, ...) send the same URL.
    private volatile BuiltUrl? _lastUrl;

    public HttpTransport(TransportOptions? options = null)
    {
        Options = options ?? new TransportOptions();
        _client = Clients.GetOrAdd(Options, o => new Lazy<HttpClient>(() => new HttpClient(HandlerFactory.Create(o), disposeHandler: false)
        {
            Timeout = System.Threading.Timeout.InfiniteTimeSpan,
        })).Value;
    }

    public TransportOptions Options { get; }

    /// <summary>
    /// Sends the request. With <paramref name="streamResponse"/> the body is handed back unread as
    /// <see cref="AwsHttpResponse.BodyStream"/> (the caller disposes it); otherwise it is read whole.
    /// </summary>
    /// <exception cref="AwsTransportException">No complete response: connect failure, reset, or read timeout.</exception>
    public async Task<AwsHttpResponse> SendAsync(AwsHttpRequest request, bool streamResponse, CancellationToken cancellationToken)
    {
        var url = UrlOf(request);
        // Linked only when the caller's token can fire; otherwise a plain source serves the idle timer alone.
        var idle = cancellationToken.CanBeCanceled ? CancellationTokenSource.CreateLinkedTokenSource(cancellationToken) : new CancellationTokenSource();
        idle.CancelAfter(Options.ReadTimeout);
        HttpResponseMessage? response = null;
        try
        {
            using var message = BuildMessage(request, url, idle);
            response = await _client.SendAsync(message, HttpCompletionOption.ResponseHeadersRead, idle.Token).ConfigureAwait(false);
            idle.CancelAfter(Options.ReadTimeout);

            var result = new AwsHttpResponse { StatusCode = (int)response.StatusCode };
            CopyHeaders(response.Headers, result.Headers);
            CopyHeaders(response.Content.Headers, result.Headers);
#if NET
            // The handler's content stream is at hand once the headers are in: no Task to await for it.
            var body = response.Content.ReadAsStream(idle.Token);
#else
            var body = await response.Content.ReadAsStreamAsync().ConfigureAwait(false);
#endif
            if (streamResponse)
            {
                result.BodyStream = new IdleTimeoutStream(body, Options.ReadTimeout, url.Host, response, idle, cancellationToken);
                response = null;
                idle = null!;
                return result;
            }
            // A HEAD answer (or 204/304) announces a Content-Length but carries no body.
            var bodiless = request.Method.Equals("HEAD", StringComparison.OrdinalIgnoreCase) || result.StatusCode is 204 or 304;
            result.Body = bodiless ? Array.Empty<byte>() : await ReadAll(body, idle, response.Content.Headers.ContentLength).ConfigureAwait(false);
            return result;
        }
        catch (Exception e) when (Classify(e, cancellationToken, url) is { } failure)
        {
            throw failure;
        }
        finally
        {
            response?.Dispose();
            idle?.Dispose();
        }
    }

    /// <summary>As <see cref="RequestUrl.Build"/>, reusing the last Uri when endpoint, host prefix and path are the same and there is no query.</summary>
    private Uri UrlOf(AwsHttpRequest request)
    {
        RequestUrl.Normalize(request);
        if (request.Query.Count > 0) return RequestUrl.Compose(request);
        if (_lastUrl is { } last && ReferenceEquals(last.Endpoint, request.Endpoint) && last.HostPrefix == request.HostPrefix && last.Path == request.Path)
            return last.Url;
        var url = RequestUrl.Compose(request);
        _lastUrl = new BuiltUrl(request.Endpoint!, request.HostPrefix, request.Path, url);
        return url;
    }

    private sealed record BuiltUrl(Uri Endpoint, string? HostPrefix, string Path, Uri Url);

    /// <summary>The HttpClient message for the request; a streamed body restarts the idle timer as it is sent.</summary>
    private HttpRequestMessage BuildMessage(AwsHttpRequest request, Uri url, CancellationTokenSource idle)
    {
        var message = new HttpRequestMessage(Method(request.Method), url);
        HttpContent? content = null;
        if (request.BodyStream != null)
        {
            var timeout = Options.ReadTimeout;
            content = new StreamContent(new ProgressStream(request.BodyStream, () => idle.CancelAfter(timeout), leaveOpen: true));
        }
        else if (request.Body.Length > 0 || request.Headers.ContainsKey("Content-Length") || RequiresBody(request.Method))
            content = new ByteArrayContent(request.Body);
        foreach (var header in request.Headers)
        {
            if (header.Key.Equals("Host", StringComparison.OrdinalIgnoreCase)) continue;
            if (header.Key.Equals("Expect", StringComparison.OrdinalIgnoreCase))
            {
                message.Headers.ExpectContinue = header.Value.Equals("100-continue", StringComparison.OrdinalIgnoreCase);
                continue;
            }
            if (ContentHeaderNames.Contains(header.Key))
            {
                content ??= new ByteArrayContent(Array.Empty<byte>());
                content.Headers.Remove(header.Key);
                content.Headers.TryAddWithoutValidation(header.Key, header.Value);
            }
            else
            {
                message.Headers.TryAddWithoutValidation(header.Key, header.Value);
            }
        }
        message.Content = content;
        return message;
    }

    /// <summary>HttpClient's shared instance for the usual methods (no allocation, and the handler knows it at once).</summary>
    private static HttpMethod Method(string method) => method switch
    {
        "GET" => HttpMethod.Get,
        "POST" => HttpMethod.Post,
        "PUT" => HttpMethod.Put,
        "HEAD" => HttpMethod.Head,
        "DELETE" => HttpMethod.Delete,
        _ => new HttpMethod(method),
    };

    private static bool RequiresBody(string method) =>
        method.Equals("POST", StringComparison.OrdinalIgnoreCase) || method.Equals("PUT", StringComparison.OrdinalIgnoreCase) ||
        method.Equals("PATCH", StringComparison.OrdinalIgnoreCase);

    private async Task<byte[]> ReadAll(Stream body, CancellationTokenSource idle, long? length)
    {
        if (length is 0) return Array.Empty<byte>();
        if (length is > 0 and < int.MaxValue)
        {
            // The common case: the length is known, so read straight into the result.
            var exact = new byte[length.Value];
            var filled = 0;
            int n;
#if NET
            while (filled < exact.Length && (n = await body.ReadAsync(exact.AsMemory(filled), idle.Token).ConfigureAwait(false)) > 0)
#else
            while (filled < exact.Length && (n = await body.ReadAsync(exact, filled, exact.Length - filled, idle.Token).ConfigureAwait(false)) > 0)
#endif
            {
                filled += n;
                idle.CancelAfter(Options.ReadTimeout);
            }
            if (filled < exact.Length)
                throw new IOException($"the response ended after {filled} of its {exact.Length} bytes");
            return exact;
        }
        using var buffer = new MemoryStream();
        var chunk = System.Buffers.ArrayPool<byte>.Shared.Rent(16384);
        try
        {
            int read;
            while ((read = await body.ReadAsync(chunk, 0, chunk.Length, idle.Token).ConfigureAwait(false)) > 0)
            {
                buffer.Write(chunk, 0, read);
                idle.CancelAfter(Options.ReadTimeout);
            }
        }
        finally
        {
            System.Buffers.ArrayPool<byte>.Shared.Return(chunk);
        }
        return buffer.ToArray();
    }

    /// <summary>
    /// The headers as received. On .NET the raw values are read as they came (no typed parsing of dates, ETags or
    /// product tokens); repeated headers are joined with ", " either way.
    /// </summary>
    private static void CopyHeaders(HttpHeaders headers, Dictionary<string, string> into)
    {
#if NET
        foreach (var header in headers.NonValidated)
            into[header.Key] = header.Value.Count == 1 ? header.Value.ToString() : string.Join(", ", header.Value);
#else
        foreach (var header in headers)
            into[header.Key] = string.Join(", ", header.Value);
#endif
    }

    private AwsTransportException? Classify(Exception e, CancellationToken userToken, Uri url)
    {
        if (e is AwsTransportException) return null;
        if (e is OperationCanceledException && userToken.IsCancellationRequested) return null;
        var where = $"{url.Scheme}://{url.Authority}";
        if (e is OperationCanceledException)
        {
            return e.InnerException is TimeoutException && e.Message.IndexOf("connect", StringComparison.OrdinalIgnoreCase) >= 0
                ? new AwsTransportException(TransportFailure.ConnectTimeout, $"Connect timeout on endpoint URL: \"{where}\" after {Options.ConnectTimeout.TotalSeconds:0.###} s", e)
                : new AwsTransportException(TransportFailure.ReadTimeout, $"Read timeout on endpoint URL: \"{where}\" after {Options.ReadTimeout.TotalSeconds:0.###} s", e);
        }
        if (e is HttpRequestException)
        {
            return ConnectionWasMade(e)
                ? new AwsTransportException(TransportFailure.ConnectionClosed, $"Connection was closed before we received a valid response from endpoint URL: \"{where}\": {Innermost(e).Message}", e)
                : new AwsTransportException(TransportFailure.Connect, $"Could not connect to the endpoint URL: \"{where}\": {Innermost(e).Message}", e);
        }
        if (e is IOException)
            return new AwsTransportException(TransportFailure.ConnectionClosed, $"Connection was closed before we received a valid response from endpoint URL: \"{where}\": {e.Message}", e);
        return null;
    }

    /// <summary>True when the failure came after the connection was up (reset, early close), false when it never was.</summary>
    private static bool ConnectionWasMade(Exception e)
    {
        for (var inner = e; inner != null; inner = inner.InnerException)
        {
            if (inner is System.Net.Sockets.SocketException socket)
                return socket.SocketErrorCode is System.Net.Sockets.SocketError.ConnectionReset or System.Net.Sockets.SocketError.ConnectionAborted
                    or System.Net.Sockets.SocketError.Shutdown or System.Net.Sockets.SocketError.Disconnecting;
            if (inner is IOException && inner.InnerException is null) return true;
        }
        return false;
    }

    private static Exception Innermost(Exception e)
    {
        while (e.InnerException != null) e = e.InnerException;
        return e;
    }
}
