using System.Xml;

using AwsCore.Models;

namespace AwsCore.Protocols.Xml;

/// <summary>XML response bodies read with XmlReader into <see cref="XmlNode"/> trees, and helpers over them.</summary>
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
    public static XmlNode Load(byte[] body)
    {
        try
        {
            using var stream = new MemoryStream(body, writable: false);
            using var reader = XmlReader.Create(stream, Settings);
            return Read(reader);
        }
        catch (XmlException e)
        {
            throw new FormatException($"Unable to parse response ({e.Message}), invalid XML received", e);
        }
    }

    private static XmlNode Read(XmlReader reader)
    {
        var stack = new Stack<XmlNode>();
        XmlNode? root = null;
        while (reader.Read())
        {
            switch (reader.NodeType)
            {
                case XmlNodeType.Element:
                    var node = new XmlNode(reader.LocalName);
                    if (reader.HasAttributes)
                    {
                        while (reader.MoveToNextAttribute())
                        {
                            if (reader.Prefix == "xmlns" || (reader.Prefix.Length == 0 && reader.LocalName == "xmlns")) continue;
                            node.AddAttribute(new XmlAttributeValue(reader.LocalName, reader.NamespaceURI, reader.Value));
                        }
                        reader.MoveToElement();
                    }
                    if (stack.Count > 0) stack.Peek().AddChild(node);
                    else root = node;
                    if (!reader.IsEmptyElement) stack.Push(node);
                    break;
                case XmlNodeType.EndElement:
                    stack.Pop();
                    break;
                case XmlNodeType.Text:
                case XmlNodeType.CDATA:
                case XmlNodeType.Whitespace:
                case XmlNodeType.SignificantWhitespace:
                    if (stack.Count == 0) break;
                    var current = stack.Peek();
                    if (!current.HasChildren) current.Text = current.Text.Length == 0 ? reader.Value : current.Text + reader.Value;
                    break;
            }
        }
        return root ?? throw new XmlException("no root element");
    }

    /// <summary>ElementTree's .text (None when the element has no text), for the untyped error trees.</summary>
    public static string? TextOrNull(XmlNode node) => node.Text.Length == 0 ? null : node.Text;

    /// <summary>Child elements by tag; a tag seen more than once maps to a List&lt;XmlNode&gt;.</summary>
    public static Dictionary<string, object> ChildMap(XmlNode parent)
    {
        var map = new Dictionary<string, object>(StringComparer.Ordinal);
        foreach (var child in parent.Children)
        {
            if (!map.TryGetValue(child.Tag, out var existing)) map[child.Tag] = child;
            else if (existing is List<XmlNode> list) list.Add(child);
            else map[child.Tag] = new List<XmlNode> { (XmlNode)existing, child };
        }
        return map;
    }

    /// <summary>An untyped tree of a node's children: elements with children become maps, leaves their text.</summary>
    public static ValueMap Untyped(XmlNode parent)
    {
        var result = new ValueMap();
        foreach (var pair in ChildMap(parent))
        {
            var node = pair.Value is List<XmlNode> list ? list[0] : (XmlNode)pair.Value;
            result[pair.Key] = node.HasChildren ? Untyped(node) : TextOrNull(node);
        }
        return result;
    }
}
