using System.Text;
using AwsCore.Http;

namespace AwsCore.Auth;

/// <summary>The Host header value and the full path a request goes to, as botocore derives them from its URL.</summary>
internal static class RequestUrl
{
    /// <summary>Lowercase host, "[v6]" for IPv6, the port only when it is not the scheme's default; the hostPrefix in front.</summary>
    public static string Host(AwsHttpRequest request)
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

    private sealed class HostOf
    {
        public HostOf(Uri endpoint, string? prefix, string host)
        {
            Endpoint = endpoint;
            Prefix = prefix;
            Host = host;
        }

        public Uri Endpoint { get; }
        public string? Prefix { get; }
        public string Host { get; }

        public override string ToString() => Host;
    }

    private static string ComputeHost(Uri endpoint, string? hostPrefix)
    {
        var host = endpoint.HostNameType == UriHostNameType.IPv6 ? "[" + endpoint.IdnHost.Trim('[', ']') + "]" : endpoint.Host.ToLowerInvariant();
        if (hostPrefix is { Length: > 0 } prefix) host = prefix.ToLowerInvariant() + host;
        return endpoint.IsDefaultPort ? host : host + ":" + endpoint.Port.ToString(System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>The endpoint's base path (if any) followed by the request's path.</summary>
    public static string FullPath(AwsHttpRequest request)
    {
        var basePath = RequireEndpoint(request).AbsolutePath;
        if (basePath.Length <= 1) return request.Path;
        var path = request.Path;
        return basePath.TrimEnd('/') + (path.Length > 0 && path[0] == '/' ? path : "/" + path);
    }

    /// <summary>scheme://host/path?query of the request as it is now.</summary>
    public static Uri Build(AwsHttpRequest request)
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

    public static bool IsHttps(AwsHttpRequest request) =>
        string.Equals(RequireEndpoint(request).Scheme, "https", StringComparison.OrdinalIgnoreCase);

    private static Uri RequireEndpoint(AwsHttpRequest request) =>
        request.Endpoint ?? throw new InvalidOperationException("the request has no endpoint yet; resolve the endpoint before signing");
}
