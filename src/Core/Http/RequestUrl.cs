namespace AwsCore.Http;

/// <summary>Joins an endpoint, a serialized path, a host prefix and the query into the URL sent, as botocore's request preparation.</summary>
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

    /// <summary>The URL the request goes to (scheme, host with its prefix, path and encoded query).</summary>
    public static Uri Build(AwsHttpRequest request)
    {
        Normalize(request);
        return Auth.RequestUrl.Build(request);
    }
}
