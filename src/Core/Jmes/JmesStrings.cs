using System.Text;

namespace AwsCore.Jmes;

/// <summary>String operations by Unicode code point, as the specification (and Python's str) counts and orders them.</summary>
internal static class JmesStrings
{
    /// <summary>Code point order: UTF-16 order except that surrogate pairs sort above U+E000..U+FFFF.</summary>
    public static int Compare(string left, string right)
    {
        var length = Math.Min(left.Length, right.Length);
        for (var i = 0; i < length; i++)
        {
            var a = left[i];
            var b = right[i];
            if (a != b) return Rank(a).CompareTo(Rank(b));
        }
        return left.Length.CompareTo(right.Length);
    }

    private static int Rank(char c) => c >= 0xE000 ? c - 0x800 : c >= 0xD800 ? c + 0x2000 : c;

    public static int CodePointLength(string text)
    {
        var count = 0;
        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1])) i++;
            count++;
        }
        return count;
    }

    public static string ReverseCodePoints(string text)
    {
        var builder = new StringBuilder(text.Length);
        for (var i = text.Length - 1; i >= 0; i--)
        {
            if (char.IsLowSurrogate(text[i]) && i > 0 && char.IsHighSurrogate(text[i - 1]))
            {
                builder.Append(text[i - 1]).Append(text[i]);
                i--;
            }
            else builder.Append(text[i]);
        }
        return builder.ToString();
    }
}
