using System.Xml;
using System.Xml.Linq;

namespace AwsCore.Protocols.Xml;

/// <summary>XML response bodies read with XmlReader into XElement trees, seen the way botocore's ElementTree code sees them.</summary>
internal static class XmlNodes
{
    private static readonly XmlReaderSettings Settings = new()
    {
        DtdProcessing = DtdProcessing.Ignore,
        XmlResolver = null,
        IgnoreComments = true,
        IgnoreProcessingInstructions = true,
        CheckCharacters = false,
    };

    /// <summary>Parses a body; malformed XML throws <see cref="FormatException"/> with the reader's position.</summary>
    public static XElement Load(byte[] body)
    {
        try
        {
            using var stream = new MemoryStream(body, writable: false);
            using var reader = XmlReader.Create(stream, Settings);
            return XElement.Load(reader, LoadOptions.PreserveWhitespace);
        }
        catch (XmlException e)
        {
            throw new FormatException($"Unable to parse response ({e.Message}), invalid XML received", e);
        }
    }

    /// <summary>The tag without its namespace.</summary>
    public static string Tag(XElement element) => element.Name.LocalName;

    /// <summary>ElementTree's .text: the character data before the first child element ("" when none).</summary>
    public static string Text(XElement element)
    {
        var node = element.FirstNode;
        if (node is null) return "";
        if (node is XText && node.NextNode is null) return ((XText)node).Value;
        System.Text.StringBuilder? sb = null;
        for (; node != null && node is not XElement; node = node.NextNode)
        {
            if (node is XText text)
            {
                sb ??= new System.Text.StringBuilder();
                sb.Append(text.Value);
            }
        }
        return sb?.ToString() ?? "";
    }

    /// <summary>ElementTree's .text (None when the element has no text), for the untyped error trees.</summary>
    public static string? TextOrNull(XElement element)
    {
        var text = Text(element);
        return text.Length == 0 ? null : text;
    }

    /// <summary>Child elements by tag; a tag seen more than once maps to a List&lt;XElement&gt;.</summary>
    public static Dictionary<string, object> ChildMap(XElement parent)
    {
        var map = new Dictionary<string, object>(StringComparer.Ordinal);
        foreach (var child in parent.Elements())
        {
            var tag = Tag(child);
            if (!map.TryGetValue(tag, out var existing)) map[tag] = child;
            else if (existing is List<XElement> list) list.Add(child);
            else map[tag] = new List<XElement> { (XElement)existing, child };
        }
        return map;
    }

    /// <summary>An untyped tree of a node's children: elements with children become maps, leaves their text.</summary>
    public static Dictionary<string, object?> Untyped(XElement parent)
    {
        var result = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var pair in ChildMap(parent))
        {
            var node = pair.Value is List<XElement> list ? list[0] : (XElement)pair.Value;
            result[pair.Key] = node.HasElements ? Untyped(node) : TextOrNull(node);
        }
        return result;
    }
}
