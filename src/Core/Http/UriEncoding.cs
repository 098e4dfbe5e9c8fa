using System.Text;

namespace AwsCore.Http;

/// <summary>RFC 3986 percent-encoding as AWS signs it: unreserved characters (A-Z a-z 0-9 - _ . ~) stay, all else is %XX of UTF-8.</summary>
public static class UriEncoding
{
    private const string Hex = "0123456789ABCDEF";

    /// <summary>Encodes every character that is not unreserved; '/' too unless <paramref name="keepSlash"/>.</summary>
    public static string Encode(string value, bool keepSlash = false)
    {
        var i = 0;
        while (i < value.Length && IsUnreserved(value[i], keepSlash)) i++;
        if (i == value.Length) return value;

        var sb = new StringBuilder(value.Length + 16);
        sb.Append(value, 0, i);
        var bytes = Encoding.UTF8.GetBytes(value.Substring(i));
        foreach (var b in bytes)
        {
            if (b < 0x80 && IsUnreserved((char)b, keepSlash)) sb.Append((char)b);
            else sb.Append('%').Append(Hex[b >> 4]).Append(Hex[b & 0xF]);
        }
        return sb.ToString();
    }

    public static bool IsUnreserved(char c, bool keepSlash = false) =>
        (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
        c == '-' || c == '_' || c == '.' || c == '~' || (keepSlash && c == '/');

    /// <summary>RFC 3986 5.2.4 dot-segment removal that also drops empty segments, keeping a leading and trailing '/', as AWS services expect.</summary>
    public static string RemoveDotSegments(string path)
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
}
