using System.Text.RegularExpressions;

namespace AwsCore.Endpoints;

/// <summary>RFC 1123 host labels and S3's virtual-hostable bucket names, as botocore checks them.</summary>
internal static class HostLabels
{
    private static readonly Regex HostLabel = new(@"^(?!-)[a-zA-Z\d-]{1,63}(?<!-)$", RegexOptions.Compiled);
    private static readonly Regex Ipv4 = new(@"^(?:[0-9]{1,3}\.){3}[0-9]{1,3}$", RegexOptions.Compiled);

    public static bool IsIpv4(string value) => Ipv4.IsMatch(value);

    /// <summary>
    /// With allowSubDomains true every dot-separated label must be valid; with false a dot fails outright;
    /// any other value checks the whole string as one label.
    /// </summary>
    public static bool IsValid(string value, object? allowSubDomains)
    {
        if (allowSubDomains is false && value.IndexOf('.') >= 0) return false;
        if (allowSubDomains is true)
        {
            foreach (var label in value.Split('.'))
                if (!HostLabel.IsMatch(label)) return false;
            return true;
        }
        return HostLabel.IsMatch(value);
    }

    /// <summary>A valid host label (or labels), at least 3 characters, no upper case, not an IPv4 address.</summary>
    public static bool IsVirtualHostableS3Bucket(string value, object? allowSubDomains) =>
        value.Length >= 3
        && string.Equals(value.ToLowerInvariant(), value, StringComparison.Ordinal)
        && !Ipv4.IsMatch(value)
        && IsValid(value, allowSubDomains);
}
