using System.Text;

namespace AwsCore.Http;

/// <summary>
/// Joins an endpoint, a serialized path, a host prefix and the query into the URL sent, as botocore's request
/// preparation; the signer reads the Host header value and the full path from the same rules.
/// </summary>
public static class RequestUrl
{
    /// <summary>
    /// Folds the endpoint's base path into <see cref="AwsHttpRequest.Path"/> exactly as botocore's _urljoin does, and moves
    /// a fixed query the requestUri carried ("?list-type=2", "?uploads") to the front of <see cref="AwsHttpRequest.Query"/>.
    /// Afterwards the endpoint is scheme and authority only, so the signer and the transport see one path. Idempotent.
    /// </summary>
    public static void Normalize(AwsHttpRequest request)
    {
        var endpoint = request.Endpoint ?? throw new InvalidOperationException("the request has no endpoint yet");
        var path = request.Path ?? "";
        var q = path.IndexOf('?');
        if (q >= 0)
        {
            var fixedQuery = path.Substring(q + 1);
            path = path.Substring(0, q);
            var position = 0;
            foreach (var pair in fixedQuery.Split(new[] { '&' }, StringSplitOptions.RemoveEmptyEntries))
            {
                var eq = pair.IndexOf('=');
                var entry = eq < 0
                    ? new KeyValuePair<string, string?>(Uri.UnescapeDataString(pair), null)
                    : new KeyValuePair<string, string?>(Uri.UnescapeDataString(pair.Substring(0, eq)), Uri.UnescapeDataString(pair.Substring(eq + 1)));
                request.Query.Insert(position++, entry);
            }
        }

        var basePath = endpoint.AbsolutePath == "/" ? "" : endpoint.AbsolutePath;
        string joined;
        if (path.Length == 0 || path == "/") joined = basePath.Length == 0 ? "/" : basePath;
        else if (basePath.EndsWith("/", StringComparison.Ordinal) && path.StartsWith("/", StringComparison.Ordinal)) joined = basePath.Substring(0, basePath.Length - 1) + path;
        else joined = basePath + path;
        if (joined.Length == 0 || joined[0] != '/') joined = "/" + joined;

        request.Path = joined;
        if (basePath.Length > 0 || endpoint.Query.Length > 0)
            request.Endpoint = new Uri(endpoint.GetLeftPart(UriPartial.Authority), UriKind.Absolute);
    }

    /// <summary>The URL the request goes to (scheme, host with its prefix, path and encoded query), after <see cref="Normalize"/>.</summary>
    public static Uri Build(AwsHttpRequest request)
    {
        Normalize(request);
        return Compose(request);
    }

    /// <summary>scheme://host/path?query of the request as it is now, not normalized first (the signer's view).</summary>
    internal static Uri Compose(AwsHttpRequest request)
    {
        var endpoint = RequireEndpoint(request);
        var sb = new StringBuilder();
        sb.Append(endpoint.Scheme).Append("://").Append(Host(request));
        var pathAndQuery = request.PathAndQuery;
        var basePath = endpoint.AbsolutePath;
        if (basePath.Length > 1) sb.Append(basePath.TrimEnd('/'));
        sb.Append(pathAndQuery.Length > 0 && pathAndQuery[0] == '/' ? pathAndQuery : "/" + pathAndQuery);
        return new Uri(sb.ToString());
    }

    /// <summary>Lowercase host, "[v6]" for IPv6, the port only when it is not the scheme's default; the hostPrefix in front.</summary>
    internal static string Host(AwsHttpRequest request)
    {
        var endpoint = RequireEndpoint(request);
        var last = s_lastHost;
        if (last != null && ReferenceEquals(last.Endpoint, endpoint) && last.Prefix == request.HostPrefix) return last.Host;
        var host = ComputeHost(endpoint, request.HostPrefix);
        s_lastHost = new HostOf(endpoint, request.HostPrefix, host);
        return host;
    }

    /// <summary>The last endpoint's host: a client signs many requests to one endpoint (a Uri is immutable, so the reference identifies it).</summary>
    private static volatile HostOf? s_lastHost;

    private sealed record HostOf(Uri Endpoint, string? Prefix, string Host);

    private static string ComputeHost(Uri endpoint, string? hostPrefix)
    {
        var host = endpoint.HostNameType == UriHostNameType.IPv6 ? "[" + endpoint.IdnHost.Trim('[', ']') + "]" : endpoint.Host.ToLowerInvariant();
        if (hostPrefix is { Length: > 0 } prefix) host = prefix.ToLowerInvariant() + host;
        return endpoint.IsDefaultPort ? host : host + ":" + endpoint.Port.ToString(System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>The endpoint's base path (if any) followed by the request's path.</summary>
    internal static string FullPath(AwsHttpRequest request)
    {
        var basePath = RequireEndpoint(request).AbsolutePath;
        if (basePath.Length <= 1) return request.Path;
        var path = request.Path;
        return basePath.TrimEnd('/') + (path.Length > 0 && path[0] == '/' ? path : "/" + path);
    }

    internal static bool IsHttps(AwsHttpRequest request) =>
        string.Equals(RequireEndpoint(request).Scheme, "https", StringComparison.OrdinalIgnoreCase);

    private static Uri RequireEndpoint(AwsHttpRequest request) =>
        request.Endpoint ?? throw new InvalidOperationException("the request has no endpoint yet; resolve the endpoint before signing");
}
