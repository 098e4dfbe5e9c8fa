using System.Text;

namespace AwsCore.Runtime;

/// <summary>Python's urllib unquote and unquote_plus: %XX sequences decoded as UTF-8 (invalid bytes replaced), malformed ones left as they are.</summary>
internal static class PercentDecoding
{
    public static string Unquote(string value) => Decode(value, plusIsSpace: false);

    /// <summary>As <see cref="Unquote"/>, with '+' read as a space (form encoding; S3's encoding-type=url).</summary>
    public static string UnquotePlus(string value) => Decode(value, plusIsSpace: true);

    private static string Decode(string value, bool plusIsSpace)
    {
        if (value.IndexOf('%') < 0 && !(plusIsSpace && value.IndexOf('+') >= 0)) return value;
        var result = new StringBuilder(value.Length);
        var bytes = new List<byte>();
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (c == '%' && i + 2 < value.Length && IsHex(value[i + 1]) && IsHex(value[i + 2]))
            {
                bytes.Add((byte)(HexValue(value[i + 1]) * 16 + HexValue(value[i + 2])));
                i += 2;
                continue;
            }
            Flush(bytes, result);
            result.Append(plusIsSpace && c == '+' ? ' ' : c);
        }
        Flush(bytes, result);
        return result.ToString();
    }

    private static void Flush(List<byte> bytes, StringBuilder result)
    {
        if (bytes.Count == 0) return;
        result.Append(Encoding.UTF8.GetString(bytes.ToArray()));
        bytes.Clear();
    }

    private static bool IsHex(char c) => c is >= '0' and <= '9' or >= 'a' and <= 'f' or >= 'A' and <= 'F';

    private static int HexValue(char c) => c <= '9' ? c - '0' : (c | 0x20) - 'a' + 10;
}
