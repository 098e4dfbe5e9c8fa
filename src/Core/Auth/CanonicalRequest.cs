using System.Text;
using AwsCore.Http;

namespace AwsCore.Auth;

/// <summary>The SigV4 canonical request of an <see cref="AwsHttpRequest"/>: method, path, query, headers, signed headers, payload hash.</summary>
internal static class CanonicalRequest
{
    /// <summary>Headers botocore never signs: hop-by-hop headers, user-agent and the trace id that proxies rewrite.</summary>
    private static readonly HashSet<string> Unsigned = new(StringComparer.OrdinalIgnoreCase)
    {
        "connection", "expect", "keep-alive", "proxy-authenticate", "proxy-authorization", "te", "trailer",
        "transfer-encoding", "upgrade", "user-agent", "x-amzn-trace-id",
    };

    /// <summary>The headers to sign, lowercased and sorted ordinally, with Host added when the request has none.</summary>
    public static List<KeyValuePair<string, string>> HeadersToSign(AwsHttpRequest request)
    {
        var list = new List<KeyValuePair<string, string>>(request.Headers.Count + 1);
        var hasHost = false;
        foreach (var header in request.Headers)
        {
            if (Unsigned.Contains(header.Key)) continue;
            var name = header.Key.ToLowerInvariant();
            if (name == "host") hasHost = true;
            list.Add(new KeyValuePair<string, string>(name, header.Value));
        }
        if (!hasHost) list.Add(new KeyValuePair<string, string>("host", RequestUrl.Host(request)));
        list.Sort((a, b) => string.CompareOrdinal(a.Key, b.Key));
        return list;
    }

    public static string SignedHeaders(List<KeyValuePair<string, string>> headers)
    {
        var sb = new StringBuilder();
        for (var i = 0; i < headers.Count; i++)
        {
            if (i > 0) sb.Append(';');
            sb.Append(headers[i].Key);
        }
        return sb.ToString();
    }

    public static string Build(AwsHttpRequest request, string canonicalPath, List<KeyValuePair<string, string>> headers, string signedHeaders, string payloadHash)
    {
        var sb = new StringBuilder(256);
        sb.Append(request.Method.ToUpperInvariant()).Append('\n');
        sb.Append(canonicalPath).Append('\n');
        AppendQuery(sb, request.Query);
        sb.Append('\n');
        foreach (var header in headers)
        {
            sb.Append(header.Key).Append(':');
            AppendTrimmed(sb, header.Value);
            sb.Append('\n');
        }
        sb.Append('\n').Append(signedHeaders).Append('\n').Append(payloadHash);
        return sb.ToString();
    }

    /// <summary>
    /// The path as signed. Most services: dot segments and empty segments removed, then percent-encoded again
    /// (the path is already encoded once, so '%' becomes '%25'). S3: exactly as sent.
    /// </summary>
    public static string Path(string fullPath, bool s3)
    {
        if (s3) return fullPath.Length == 0 ? "/" : fullPath;
        return UriEncoding.Encode(RemoveDotSegments(fullPath), keepSlash: true);
    }

    /// <summary>RFC 3986 5.2.4 dot-segment removal that also collapses repeated slashes, as AWS services expect.</summary>
    internal static string RemoveDotSegments(string path)
    {
        if (path.Length == 0) return "/";
        var output = new List<string>();
        foreach (var segment in path.Split('/'))
        {
            if (segment.Length == 0 || segment == ".") continue;
            if (segment == "..")
            {
                if (output.Count > 0) output.RemoveAt(output.Count - 1);
            }
            else output.Add(segment);
        }
        var first = path[0] == '/' ? "/" : "";
        var last = path[path.Length - 1] == '/' && output.Count > 0 ? "/" : "";
        return first + string.Join("/", output) + last;
    }

    /// <summary>key=value pairs, each side RFC 3986 encoded, sorted by encoded key then encoded value.</summary>
    private static void AppendQuery(StringBuilder sb, List<KeyValuePair<string, string?>> query)
    {
        if (query.Count == 0) return;
        var pairs = new KeyValuePair<string, string>[query.Count];
        for (var i = 0; i < query.Count; i++)
            pairs[i] = new KeyValuePair<string, string>(UriEncoding.Encode(query[i].Key), UriEncoding.Encode(query[i].Value ?? ""));
        Array.Sort(pairs, (a, b) =>
        {
            var byKey = string.CompareOrdinal(a.Key, b.Key);
            return byKey != 0 ? byKey : string.CompareOrdinal(a.Value, b.Value);
        });
        for (var i = 0; i < pairs.Length; i++)
        {
            if (i > 0) sb.Append('&');
            sb.Append(pairs[i].Key).Append('=').Append(pairs[i].Value);
        }
    }

    /// <summary>Trims the value and folds every run of whitespace (Python's str.split() set) into one space.</summary>
    private static void AppendTrimmed(StringBuilder sb, string value)
    {
        var pendingSpace = false;
        var any = false;
        foreach (var c in value)
        {
            if (IsPythonSpace(c))
            {
                pendingSpace = any;
                continue;
            }
            if (pendingSpace) sb.Append(' ');
            pendingSpace = false;
            any = true;
            sb.Append(c);
        }
    }

    private static bool IsPythonSpace(char c) => char.IsWhiteSpace(c) || (c >= '\x1c' && c <= '\x1f');
}
