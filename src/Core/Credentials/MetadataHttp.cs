namespace AwsCore.Credentials;

/// <summary>One HTTP client per handler for the link-local metadata endpoints (no proxy: they are never behind one).</summary>
internal static class MetadataHttp
{
    public static HttpClient Create(HttpMessageHandler? handler)
    {
        if (handler != null) return new HttpClient(handler, disposeHandler: false) { Timeout = Timeout.InfiniteTimeSpan };
#if NET
        var own = new SocketsHttpHandler { UseProxy = false, ConnectTimeout = TimeSpan.FromSeconds(5) };
#else
        var own = new HttpClientHandler { UseProxy = false };
#endif
        return new HttpClient(own) { Timeout = Timeout.InfiniteTimeSpan };
    }

    /// <summary>Sends with a per-request timeout; a timeout surfaces as <see cref="TimeoutException"/>, the caller's cancellation as itself.</summary>
    public static async Task<(int Status, string Body)> SendAsync(HttpClient client, HttpRequestMessage request, TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        cts.CancelAfter(timeout);
        try
        {
            using var response = await client.SendAsync(request, cts.Token).ConfigureAwait(false);
            var body = await response.Content.ReadAsStringAsync().ConfigureAwait(false);
            return ((int)response.StatusCode, body);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new TimeoutException($"no answer from {request.RequestUri} within {timeout.TotalSeconds:0.###} s");
        }
    }
}
