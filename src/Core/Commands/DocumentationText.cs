using System.Net;
using System.Text;
using System.Text.RegularExpressions;

namespace AwsCore.Commands;

/// <summary>
/// Turns the HTML of a model's documentation strings into plain text for PowerShell help: paragraphs become blank
/// lines, list items "- " lines, links "text (url)", entities decoded, other tags dropped, spaces collapsed.
/// </summary>
internal static class DocumentationText
{
    private static readonly Regex Link = new("<a\\s[^>]*href=\"([^\"]*)\"[^>]*>(.*?)</a>", RegexOptions.Singleline | RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);
    private static readonly Regex ParagraphBreak = new("</?(p|note|important|ul|ol|dl|div|br\\s*/?)\\s*>", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);
    private static readonly Regex ListItem = new("<(li|dt)\\s*>", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);
    private static readonly Regex Tag = new("<[^>]*>", RegexOptions.CultureInvariant);
    private static readonly Regex Spaces = new("[ \\t\\r\\n]+", RegexOptions.CultureInvariant);
    private static readonly Regex SentenceEnd = new("(?<=[.!?])\\s", RegexOptions.CultureInvariant);

    public static string ToPlainText(string html)
    {
        var text = Link.Replace(html, m => LinkText(m.Groups[2].Value, m.Groups[1].Value));
        text = ListItem.Replace(text, "\u0002\u0001");
        text = ParagraphBreak.Replace(text, "\u0002");
        text = Tag.Replace(text, "");
        var output = new StringBuilder();
        bool bulletPending = false, lastWasBullet = false;
        foreach (var block in text.Split('\u0002'))
        {
            bulletPending |= block.IndexOf('\u0001') >= 0;
            var clean = Spaces.Replace(WebUtility.HtmlDecode(block.Replace("\u0001", "")), " ").Trim();
            if (clean.Length == 0) continue;
            if (output.Length > 0) output.Append(bulletPending && lastWasBullet ? "\n" : "\n\n");
            output.Append(bulletPending ? "- " + clean : clean);
            lastWasBullet = bulletPending;
            bulletPending = false;
        }
        return output.ToString();
    }

    /// <summary>The first sentence of plain text, for a synopsis.</summary>
    public static string FirstSentence(string text)
    {
        var firstParagraph = text.Split('\n')[0];
        var end = SentenceEnd.Match(firstParagraph);
        return end.Success ? firstParagraph.Substring(0, end.Index) : firstParagraph;
    }

    private static string LinkText(string inner, string url)
    {
        var text = Tag.Replace(inner, "").Trim();
        return text.Length == 0 || text == url ? url : $"{text} ({url})";
    }
}
