namespace AwsCore.Http;

/// <summary>
/// A request as it moves down the call: the protocol serializer fills method, path, query, headers and body;
/// endpoint resolution sets <see cref="Endpoint"/>; the signer adds headers; the transport sends it.
/// </summary>
public sealed class AwsHttpRequest
{
    public string Method { get; set; } = "POST";

    /// <summary>The path relative to the endpoint, already percent-encoded (labels filled in), beginning with '/'.</summary>
    public string Path { get; set; } = "/";

    /// <summary>Query parameters in serialization order; values are raw (not encoded). A null value is a key with no '='.</summary>
    public List<KeyValuePair<string, string?>> Query { get; } = new();

    /// <summary>Header names compare case-insensitively; a header added twice keeps the last value.</summary>
    public Dictionary<string, string> Headers { get; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>The body when it is in memory; empty when the request has none or streams one.</summary>
    public byte[] Body { get; set; } = Array.Empty<byte>();

    /// <summary>A streaming body (S3 PutObject from a file); takes precedence over <see cref="Body"/>.</summary>
    public Stream? BodyStream { get; set; }

    /// <summary>The operation's endpoint hostPrefix with its labels expanded ("data-{Name}." becomes "data-foo."), or null.</summary>
    public string? HostPrefix { get; set; }

    /// <summary>The resolved endpoint (scheme, host, port and any base path), set by endpoint resolution.</summary>
    public Uri? Endpoint { get; set; }

    /// <summary>Path and encoded query, as botocore's protocol tests compare them ("/a/b?x=1&amp;y").</summary>
    public string PathAndQuery
    {
        get
        {
            if (Query.Count == 0) return Path;
            var sb = new System.Text.StringBuilder(Path);
            sb.Append(Path.IndexOf('?') >= 0 ? '&' : '?');
            for (var i = 0; i < Query.Count; i++)
            {
                if (i > 0) sb.Append('&');
                sb.Append(UriEncoding.Encode(Query[i].Key));
                if (Query[i].Value is { } value) sb.Append('=').Append(UriEncoding.Encode(value));
            }
            return sb.ToString();
        }
    }
}
