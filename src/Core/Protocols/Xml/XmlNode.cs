namespace AwsCore.Protocols.Xml;

/// <summary>
/// A parsed XML element as botocore's ElementTree code sees it: a tag without namespace, the text before the first
/// child element, the child elements, and the attributes (namespace declarations left out).
/// </summary>
internal sealed class XmlNode
{
    private static readonly List<XmlNode> NoChildren = new(0);
    private static readonly List<XmlAttributeValue> NoAttributes = new(0);

    public XmlNode(string tag) => Tag = tag;

    public string Tag { get; }

    /// <summary>ElementTree's .text: character data before the first child element ("" when none).</summary>
    public string Text { get; internal set; } = "";

    public List<XmlNode> Children { get; private set; } = NoChildren;

    public List<XmlAttributeValue> Attributes { get; private set; } = NoAttributes;

    public bool HasChildren => Children.Count > 0;

    /// <summary>An element with no content (what botocore parses an empty body as).</summary>
    public static XmlNode Empty() => new("");

    internal void AddChild(XmlNode child)
    {
        if (ReferenceEquals(Children, NoChildren)) Children = new List<XmlNode>(4);
        Children.Add(child);
    }

    internal void AddAttribute(XmlAttributeValue attribute)
    {
        if (ReferenceEquals(Attributes, NoAttributes)) Attributes = new List<XmlAttributeValue>(2);
        Attributes.Add(attribute);
    }
}

/// <summary>An attribute: local name, namespace URI ("" when none) and value.</summary>
internal readonly record struct XmlAttributeValue(string LocalName, string NamespaceUri, string Value);
