using System.Text;

namespace AwsCore.Config;

/// <summary>Splits "[profile name]"-style section headers the way botocore does (shlex rules; exactly two words, or nothing).</summary>
internal static class SectionName
{
    /// <summary>The second word of a two-word header ("profile dev" gives "dev"), or null when the header is not two words.</summary>
    public static string? SecondWord(string header)
    {
        var words = ShellSplit(header);
        return words is { Count: 2 } ? words[1] : null;
    }

    /// <summary>POSIX shlex.split: whitespace separates words, quotes group, backslash escapes outside single quotes; null when a quote is unbalanced.</summary>
    internal static List<string>? ShellSplit(string text)
    {
        var words = new List<string>();
        var word = new StringBuilder();
        var inWord = false;
        char quote = '\0';
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quote == '\'')
            {
                if (c == '\'') quote = '\0';
                else word.Append(c);
            }
            else if (quote == '"')
            {
                if (c == '"') quote = '\0';
                else if (c == '\\' && i + 1 < text.Length && (text[i + 1] == '"' || text[i + 1] == '\\')) word.Append(text[++i]);
                else word.Append(c);
            }
            else if (char.IsWhiteSpace(c))
            {
                if (inWord) words.Add(word.ToString());
                word.Clear();
                inWord = false;
            }
            else if (c == '\'' || c == '"')
            {
                quote = c;
                inWord = true;
            }
            else if (c == '\\')
            {
                if (i + 1 >= text.Length) return null;
                word.Append(text[++i]);
                inWord = true;
            }
            else
            {
                word.Append(c);
                inWord = true;
            }
        }
        if (quote != '\0') return null;
        if (inWord) words.Add(word.ToString());
        return words;
    }
}
