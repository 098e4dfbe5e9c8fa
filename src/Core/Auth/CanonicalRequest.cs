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

    /// <summary>Lowercase forms of the header names requests carry most, so signing them allocates nothing.</summary>
    private static readonly Dictionary<string, string> KnownLowercase = new[]
    {
        "Content-Type", "Content-MD5", "Content-Encoding", "Content-Length", "Host", "X-Amz-Date", "X-Amz-Target", "X-Amz-Security-Token",
        "X-Amz-Content-SHA256", "X-Amz-Api-Version", "X-Amz-Checksum-CRC32", "X-Amz-Sdk-Checksum-Algorithm", "X-Amz-Trailer", "X-Amz-Decoded-Content-Length",
        "X-Amz-Copy-Source", "X-Amz-Acl", "Accept", "Content-Disposition", "Cache-Control", "Range", "If-Match", "If-None-Match",
    }.ToDictionary(n => n, n => n.ToLowerInvariant(), StringComparer.Ordinal);

    /// <summary>The headers to sign, lowercased and sorted ordinally, with Host added when the request has none.</summary>
    public static List<KeyValuePair<string, string>> HeadersToSign(AwsHttpRequest request)
    {
        var list = new List<KeyValuePair<string, string>>(request.Headers.Count + 1);
        var hasHost = false;
        foreach (var header in request.Headers)
        {
            if (Unsigned.Contains(header.Key)) continue;
            var name = KnownLowercase.TryGetValue(header.Key, out var known) ? known : header.Key.ToLowerInvariant();
            if (name == "host") hasHost = true;
            list.Add(new KeyValuePair<string, string>(name, header.Value));
        }
        if (!hasHost) list.Add(new KeyValuePair<string, string>("host", RequestUrl.Host(request)));
        // Insertion sort: a request has a handful of headers, and this avoids the comparer machinery.
        for (var i = 1; i < list.Count; i++)
        {
            var item = list[i];
            var j = i - 1;
            while (j >= 0 && string.CompareOrdinal(list[j].Key, item.Key) > 0)
            {
                list[j + 1] = list[j];
                j--;
            }
            list[j + 1] = item;
        }
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

    /// <summary>Writes the canonical request into <paramref name="sb"/> (cleared first).</summary>
    public static void Build(StringBuilder sb, AwsHttpRequest request, string canonicalPath, List<KeyValuePair<string, string>> headers, string signedHeaders, string payloadHash)
    {
        sb.Clear();
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
    }

    /// <summary>
    /// The path as signed. Most services: dot segments and empty segments removed, then percent-encoded again
    /// (the path is already encoded once, so '%' becomes '%25'). S3: exactly as sent.
    /// </summary>
    public static string Path(string fullPath, bool s3)
    {
        if (s3) return fullPath.Length == 0 ? "/" : fullPath;
        return UriEncoding.Encode(IsNormal(fullPath) ? fullPath : UriEncoding.RemoveDotSegments(fullPath), keepSlash: true);
    }

    /// <summary>True when the path starts with '/' and has no empty, "." or ".." segment, so normalising would not change it.</summary>
    private static bool IsNormal(string path)
    {
        if (path.Length == 0 || path[0] != '/') return false;
        for (var i = 1; i < path.Length; i++)
        {
            if (path[i] == '/' && path[i - 1] == '/') return false;
            if (path[i] == '.' && path[i - 1] == '/')
            {
                var next = i + 1 < path.Length ? path[i + 1] : '/';
                if (next == '/' || (next == '.' && (i + 2 >= path.Length || path[i + 2] == '/'))) return false;
            }
        }
        return true;
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
