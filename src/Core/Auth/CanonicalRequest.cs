using System.Runtime.CompilerServices;
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

    /// <summary>The headers to sign, lowercased and sorted ordinally, with Host added when the request has none: this thread's set, refilled.</summary>
    public static SignedHeaderSet HeadersToSign(AwsHttpRequest request)
    {
        var set = t_headers ??= new SignedHeaderSet();
        set.Clear();
        var hasHost = false;
        var names = t_names ??= new SignedNameCache();
        foreach (var header in request.Headers)
        {
            if (names.Lookup(header.Key) is not { } name) continue;
            if (name == "host") hasHost = true;
            set.Add(name, header.Value);
        }
        if (!hasHost) set.Add("host", RequestUrl.Host(request));
        set.Sort();
        return set;
    }

    /// <summary>Writes the canonical request, UTF-8, into <paramref name="buffer"/>; the payload hash is a given string or a digest.</summary>
    public static void Write(SigningBuffer.Writer buffer, AwsHttpRequest request, string canonicalPath, SignedHeaderSet headers, string? payloadHash, ReadOnlySpan<byte> payloadDigest)
    {
        buffer.AppendUpperInvariant(request.Method);
        buffer.Append('\n');
        buffer.Append(canonicalPath);
        buffer.Append('\n');
        AppendQuery(buffer, request.Query);
        buffer.Append('\n');
        for (var i = 0; i < headers.Count; i++)
        {
            buffer.Append(headers.Name(i));
            buffer.Append(':');
            buffer.AppendFolded(headers.Value(i));
            buffer.Append('\n');
        }
        buffer.Append('\n');
        buffer.Append(headers.SignedHeaders);
        buffer.Append('\n');
        if (payloadHash is null) buffer.AppendHex(payloadDigest);
        else buffer.Append(payloadHash);
    }

    [ThreadStatic] private static SignedHeaderSet? t_headers;
    [ThreadStatic] private static SignedNameCache? t_names;

    /// <summary>The name as signed (lowercase), or null for a header botocore leaves unsigned.</summary>
    private static string? SignedName(string header)
    {
        if (Unsigned.Contains(header)) return null;
        if (KnownLowercase.TryGetValue(header, out var known)) return known;
        return header.ToLowerInvariant();
    }

    /// <summary>
    /// <see cref="SignedName"/> remembered per header-name instance: requests of one operation carry the same name
    /// strings, so most lookups are a reference comparison. Direct-mapped and fixed in size.
    /// </summary>
    private sealed class SignedNameCache
    {
        private const int Slots = 64;
        private readonly string?[] _headers = new string?[Slots];
        private readonly string?[] _signed = new string?[Slots];

        public string? Lookup(string header)
        {
            var slot = RuntimeHelpers.GetHashCode(header) & (Slots - 1);
            if (ReferenceEquals(_headers[slot], header)) return _signed[slot];
            var signed = SignedName(header);
            _headers[slot] = header;
            _signed[slot] = signed;
            return signed;
        }
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
    private static void AppendQuery(SigningBuffer.Writer buffer, List<KeyValuePair<string, string?>> query)
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
            if (i > 0) buffer.Append('&');
            buffer.Append(pairs[i].Key);
            buffer.Append('=');
            buffer.Append(pairs[i].Value);
        }
    }

    /// <summary>
    /// The headers of one signature, lowercased and sorted, and their SignedHeaders list. One per thread, refilled per
    /// signature; the list string is reused while the names repeat (the same operation signed again).
    /// </summary>
    internal sealed class SignedHeaderSet
    {
        private string[] _names = new string[16];
        private string[] _values = new string[16];
        private string[] _listedNames = Array.Empty<string>();
        private string _signedHeaders = "";

        public int Count { get; private set; }

        /// <summary>The names joined with ';'.</summary>
        public string SignedHeaders => _signedHeaders;

        public string Name(int index) => _names[index];

        public string Value(int index) => _values[index];

        public void Clear()
        {
            Array.Clear(_values, 0, Count);
            Count = 0;
        }

        public void Add(string name, string value)
        {
            if (Count == _names.Length)
            {
                Array.Resize(ref _names, Count * 2);
                Array.Resize(ref _values, Count * 2);
            }
            _names[Count] = name;
            _values[Count] = value;
            Count++;
        }

        /// <summary>Sorts by name (ordinal) and sets <see cref="SignedHeaders"/>.</summary>
        public void Sort()
        {
            // Insertion sort: a request has a handful of headers.
            for (var i = 1; i < Count; i++)
            {
                var name = _names[i];
                var value = _values[i];
                var j = i - 1;
                while (j >= 0 && Before(name, _names[j]))
                {
                    _names[j + 1] = _names[j];
                    _values[j + 1] = _values[j];
                    j--;
                }
                _names[j + 1] = name;
                _values[j + 1] = value;
            }
            if (!SameNamesAsListed()) List();
        }

        public override string ToString() => $"SignedHeaderSet({_signedHeaders})";

        /// <summary>Ordinal order; most header names already differ in their first character.</summary>
        private static bool Before(string a, string b) =>
            a.Length > 0 && b.Length > 0 && a[0] != b[0] ? a[0] < b[0] : string.CompareOrdinal(a, b) < 0;

        private bool SameNamesAsListed()
        {
            if (_listedNames.Length != Count) return false;
            for (var i = 0; i < Count; i++)
                if (!string.Equals(_names[i], _listedNames[i], StringComparison.Ordinal)) return false;
            return true;
        }

        private void List()
        {
            _listedNames = new string[Count];
            Array.Copy(_names, _listedNames, Count);
            _signedHeaders = string.Join(";", _listedNames);
        }
    }
}
