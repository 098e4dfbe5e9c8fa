using System.Text;

namespace AwsCore.Http;

/// <summary>Joins an endpoint, a serialized path, a host prefix and the query into the URL sent, as botocore's request preparation.</summary>
public static class RequestUrl
{
    public static Uri Build(AwsHttpRequest request)
    {
        var endpoint = request.Endpoint ?? throw new InvalidOperationException("the request has no endpoint yet");
        var basePath = endpoint.AbsolutePath;
        string path;
        if (string.IsNullOrEmpty(request.Path) || request.Path == "/")
            path = basePath.Length == 0 ? "/" : basePath;
        else if (basePath.EndsWith("/", StringComparison.Ordinal) && request.Path.StartsWith("/", StringComparison.Ordinal))
            path = basePath.Substring(0, basePath.Length - 1) + request.Path;
        else
            path = basePath + request.Path;

        var host = endpoint.IsDefaultPort ? endpoint.Host : endpoint.Host + ":" + endpoint.Port;
        if (endpoint.HostNameType == UriHostNameType.IPv6 && !host.StartsWith("[", StringComparison.Ordinal))
            host = "[" + host + "]";
        var sb = new StringBuilder(endpoint.Scheme).Append("://").Append(request.HostPrefix).Append(host).Append(path);
        var pathAndQuery = request.PathAndQuery;
        var q = pathAndQuery.IndexOf('?');
        if (q >= 0 && request.Query.Count > 0) sb.Append(pathAndQuery, q, pathAndQuery.Length - q);
        return new Uri(sb.ToString(), UriKind.Absolute);
    }
}
