using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;

namespace AwsCore.Endpoints;

/// <summary>
/// parseURL as botocore computes it over Python's urlparse: http or https only, no query, a valid port;
/// the result holds scheme, authority, path, normalizedPath (dot segments and repeated slashes removed,
/// percent-encoded, ending in '/') and isIp.
/// </summary>
internal static class UrlParts
{
    private const string Hex = "[0-9A-Fa-f]{1,4}";
    private const string Ipv4Pattern = @"(?:[0-9]{1,3}\.){3}[0-9]{1,3}";
    private static readonly Regex Ipv6WithZone = BuildIpv6WithZone();

    public static Dictionary<string, object?>? Parse(object? value)
    {
        if (value is not string text) return null;
        if (!TrySplit(text, out var url)) return null;
        if (!url.PortIsValid()) return null;
        if ((url.Scheme != "https" && url.Scheme != "http") || url.Query.Length > 0) return null;
        // botocore fails outright on a URL without a host (its IP check gets None); here it is simply not a URL.
        if (url.Hostname is null) return null;

        var normalized = Http.UriEncoding.Encode(Http.UriEncoding.RemoveDotSegments(url.Path), keepSlash: true);
        if (!normalized.EndsWith("/", StringComparison.Ordinal)) normalized += "/";
        return new Dictionary<string, object?>(StringComparer.Ordinal)
        {
            ["scheme"] = url.Scheme,
            ["authority"] = url.Netloc,
            ["path"] = url.Path,
            ["normalizedPath"] = normalized,
            ["isIp"] = IsIp(text, url),
        };
    }

    private static bool IsIp(string text, SplitUrl url)
    {
        var host = url.Hostname!;
        if (HostLabels.IsIpv4(host)) return true;
        if (text.IndexOf('\t') >= 0 || text.IndexOf('\r') >= 0 || text.IndexOf('\n') >= 0) return false;
        return Ipv6WithZone.IsMatch("[" + host + "]");
    }

    /// <summary>urlsplit plus urlparse's ";params" split, as CPython 3.11 does them.</summary>
    private static bool TrySplit(string text, out SplitUrl result)
    {
        result = new SplitUrl();
        var start = 0;
        while (start < text.Length && text[start] <= ' ') start++;
        var url = text.Substring(start).Replace("\t", "").Replace("\r", "").Replace("\n", "");

        var colon = url.IndexOf(':');
        if (colon > 0 && IsAsciiLetter(url[0]) && url.Substring(0, colon).All(IsSchemeChar))
        {
            result.Scheme = url.Substring(0, colon).ToLowerInvariant();
            url = url.Substring(colon + 1);
        }
        if (url.StartsWith("//", StringComparison.Ordinal))
        {
            var end = url.Length;
            foreach (var delimiter in "/?#")
            {
                var at = url.IndexOf(delimiter, 2);
                if (at >= 0 && at < end) end = at;
            }
            result.Netloc = url.Substring(2, end - 2);
            url = url.Substring(end);
            var open = result.Netloc.IndexOf('[') >= 0;
            if (open != (result.Netloc.IndexOf(']') >= 0)) return false;
            if (open && !IsValidBracketedHost(result.Netloc)) return false;
        }
        var hash = url.IndexOf('#');
        if (hash >= 0) url = url.Substring(0, hash);
        var question = url.IndexOf('?');
        if (question >= 0)
        {
            result.Query = url.Substring(question + 1);
            url = url.Substring(0, question);
        }
        if (result.Scheme is "http" or "https" && url.IndexOf(';') >= 0)
        {
            var lastSlash = url.LastIndexOf('/');
            var semicolon = lastSlash >= 0 ? url.IndexOf(';', lastSlash) : url.IndexOf(';');
            if (semicolon >= 0) url = url.Substring(0, semicolon);
        }
        result.Path = url;
        return true;
    }

    private static bool IsValidBracketedHost(string netloc)
    {
        var inside = netloc.Substring(netloc.IndexOf('[') + 1);
        var close = inside.IndexOf(']');
        if (close >= 0) inside = inside.Substring(0, close);
        if (inside.StartsWith("v", StringComparison.Ordinal))
            return Regex.IsMatch(inside, @"\Av[a-fA-F0-9]+\..+\z");
        return IPAddress.TryParse(inside, out var address) && address.AddressFamily == AddressFamily.InterNetworkV6;
    }

    private static bool IsAsciiLetter(char c) => (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');

    private static bool IsSchemeChar(char c) => IsAsciiLetter(c) || (c >= '0' && c <= '9') || c == '+' || c == '-' || c == '.';

    private static Regex BuildIpv6WithZone()
    {
        var ls32 = $"(?:{Hex}:{Hex}|{Ipv4Pattern})";
        string[] forms =
        {
            $"(?:{Hex}:){{6}}{ls32}",
            $"::(?:{Hex}:){{5}}{ls32}",
            $"(?:{Hex})?::(?:{Hex}:){{4}}{ls32}",
            $"(?:(?:{Hex}:)?{Hex})?::(?:{Hex}:){{3}}{ls32}",
            $"(?:(?:{Hex}:){{0,2}}{Hex})?::(?:{Hex}:){{2}}{ls32}",
            $"(?:(?:{Hex}:){{0,3}}{Hex})?::{Hex}:{ls32}",
            $"(?:(?:{Hex}:){{0,4}}{Hex})?::{ls32}",
            $"(?:(?:{Hex}:){{0,5}}{Hex})?::{Hex}",
            $"(?:(?:{Hex}:){{0,6}}{Hex})?::",
        };
        const string unreserved = @"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789._!\-~";
        var zone = $"(?:%25|%)(?:[{unreserved}]|%[a-fA-F0-9]{{2}})+";
        return new Regex($@"^\[(?:{string.Join("|", forms)})(?:{zone})?\]$", RegexOptions.Compiled);
    }

    private sealed class SplitUrl
    {
        public string Scheme { get; set; } = "";
        public string Netloc { get; set; } = "";
        public string Path { get; set; } = "";
        public string Query { get; set; } = "";

        private string HostInfo
        {
            get
            {
                var at = Netloc.LastIndexOf('@');
                return at >= 0 ? Netloc.Substring(at + 1) : Netloc;
            }
        }

        /// <summary>The host without brackets or port, lower-cased except for an IPv6 zone; null when empty.</summary>
        public string? Hostname
        {
            get
            {
                var host = SplitHostPort(out _);
                if (host.Length == 0) return null;
                var percent = host.IndexOf('%');
                return percent < 0 ? host.ToLowerInvariant() : host.Substring(0, percent).ToLowerInvariant() + host.Substring(percent);
            }
        }

        public bool PortIsValid()
        {
            SplitHostPort(out var port);
            if (port.Length == 0) return true;
            foreach (var c in port)
                if (c < '0' || c > '9') return false;
            return port.TrimStart('0').Length <= 5 && int.Parse(port, System.Globalization.CultureInfo.InvariantCulture) <= 65535;
        }

        private string SplitHostPort(out string port)
        {
            var info = HostInfo;
            var open = info.IndexOf('[');
            if (open >= 0)
            {
                var bracketed = info.Substring(open + 1);
                var close = bracketed.IndexOf(']');
                var host = close >= 0 ? bracketed.Substring(0, close) : bracketed;
                var rest = close >= 0 ? bracketed.Substring(close + 1) : "";
                var colon = rest.IndexOf(':');
                port = colon >= 0 ? rest.Substring(colon + 1) : "";
                return host;
            }
            var split = info.IndexOf(':');
            port = split >= 0 ? info.Substring(split + 1) : "";
            return split >= 0 ? info.Substring(0, split) : info;
        }
    }
}
