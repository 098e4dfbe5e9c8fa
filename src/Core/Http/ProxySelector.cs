using System.Net;

namespace AwsCore.Http;

/// <summary>
/// Proxies from botocore's proxies config ({"http": url, "https": url}), honouring NO_PROXY. With no config the
/// runtime's default proxy applies, which reads HTTPS_PROXY, HTTP_PROXY and NO_PROXY from the environment.
/// </summary>
internal sealed class ProxySelector : IWebProxy
{
    private readonly IReadOnlyDictionary<string, Uri> _byScheme;
    private readonly string[] _noProxy;

    private ProxySelector(IReadOnlyDictionary<string, Uri> byScheme, string[] noProxy)
    {
        _byScheme = byScheme;
        _noProxy = noProxy;
    }

    public static IWebProxy? Create(IReadOnlyDictionary<string, string> proxies)
    {
        if (proxies.Count == 0) return null;
        var byScheme = new Dictionary<string, Uri>(StringComparer.OrdinalIgnoreCase);
        foreach (var p in proxies)
        {
            if (!Uri.TryCreate(p.Value.Contains("://") ? p.Value : "http://" + p.Value, UriKind.Absolute, out var uri))
                throw new ArgumentException($"proxies.{p.Key}: '{Redact(p.Value)}' is not a URL");
            byScheme[p.Key] = uri;
        }
        var noProxy = (Environment.GetEnvironmentVariable("NO_PROXY") ?? Environment.GetEnvironmentVariable("no_proxy") ?? "")
            .Split(new[] { ',' }, StringSplitOptions.RemoveEmptyEntries).Select(h => h.Trim().TrimStart('.').ToLowerInvariant()).ToArray();
        return new ProxySelector(byScheme, noProxy);
    }

    public ICredentials? Credentials { get; set; }

    public Uri? GetProxy(Uri destination) => _byScheme.TryGetValue(destination.Scheme, out var proxy) ? proxy : null;

    public bool IsBypassed(Uri host)
    {
        if (!_byScheme.ContainsKey(host.Scheme)) return true;
        var name = host.Host.ToLowerInvariant();
        return _noProxy.Any(n => n == "*" || name == n || name.EndsWith("." + n, StringComparison.Ordinal));
    }

    /// <summary>A proxy URL without its user-info (which may hold a password).</summary>
    private static string Redact(string url)
    {
        var at = url.IndexOf('@');
        var scheme = url.IndexOf("://", StringComparison.Ordinal);
        return at > 0 ? url.Substring(0, scheme >= 0 ? scheme + 3 : 0) + "***@" + url.Substring(at + 1) : url;
    }
}
