using System.Globalization;
using System.Xml.Linq;
using AwsCore.Models;

namespace AwsCore.Protocols.Xml;

/// <summary>
/// Reads XML as the value tree of a shape (botocore's BaseXMLResponseParser): members by locationName, flattened
/// lists and maps, xmlAttribute members, and exception shapes rooted at their Error element.
/// </summary>
internal sealed class XmlShapeReader
{
    private readonly bool _ec2;

    public XmlShapeReader(bool ec2) => _ec2 = ec2;

    /// <summary>Reads <paramref name="node"/> (an element, or a List&lt;XElement&gt; for flattened members).</summary>
    public object? Read(Shape shape, object node)
    {
        switch (shape.Type)
        {
            case ShapeType.Structure:
                return ReadStructure(shape, node);
            case ShapeType.List:
                return ReadList(shape, node);
            case ShapeType.Map:
                return ReadMap(shape, node);
        }
        var text = node is XElement element ? XmlNodes.Text(element) : XmlNodes.Text(((List<XElement>)node)[0]);
        return Scalar(shape, text);
    }

    public static object? Scalar(Shape shape, string text) => shape.Type switch
    {
        ShapeType.Boolean => text == "true",
        ShapeType.Integer => int.Parse(text, NumberStyles.Integer, CultureInfo.InvariantCulture),
        ShapeType.Long => long.Parse(text, NumberStyles.Integer, CultureInfo.InvariantCulture),
        ShapeType.Float or ShapeType.Double => Rest.RestParser.ParseFloat(text),
        ShapeType.Timestamp => Timestamps.Parse(text),
        ShapeType.Blob => Convert.FromBase64String(text),
        _ => text,
    };

    public Dictionary<string, object?> ReadStructure(Shape shape, object nodeOrList)
    {
        var node = nodeOrList is List<XElement> many ? many[0] : (XElement)nodeOrList;
        if (shape.IsException) node = ErrorRoot(node);
        var children = XmlNodes.ChildMap(node);
        var parsed = new Dictionary<string, object?>(StringComparer.Ordinal);
        if (shape.IsUnion && UnknownUnionMember(shape, children) is { } unknown)
        {
            parsed["SDK_UNKNOWN_MEMBER"] = new Dictionary<string, object?>(StringComparer.Ordinal) { ["name"] = unknown };
            return parsed;
        }
        foreach (var member in shape.Members)
        {
            var m = member.Value;
            if (m.Location is "header" or "headers" or "statusCode" || m.EventHeader) continue;
            if (children.TryGetValue(KeyName(m, member.Key), out var child))
            {
                parsed[member.Key] = Read(m, child);
            }
            else if (m.XmlAttribute && m.LocationName is { } attributeName)
            {
                var prefix = attributeName.IndexOf(':') is var colon and > 0 ? attributeName.Substring(0, colon + 1) : "";
                foreach (var attribute in node.Attributes())
                {
                    if (attribute.IsNamespaceDeclaration) continue;
                    var key = attribute.Name.Namespace == XNamespace.None ? attribute.Name.LocalName : prefix + attribute.Name.LocalName;
                    if (key == attributeName) parsed[member.Key] = attribute.Value;
                }
            }
        }
        return parsed;
    }

    private List<object?> ReadList(Shape shape, object node)
    {
        IEnumerable<XElement> items = node switch
        {
            List<XElement> list => list,
            XElement element when shape.Flattened => new[] { element },
            XElement element => element.Elements(),
            _ => Array.Empty<XElement>(),
        };
        var result = new List<object?>();
        foreach (var item in items) result.Add(Read(shape.ListMember, item));
        return result;
    }

    private Dictionary<string, object?> ReadMap(Shape shape, object node)
    {
        var keyName = shape.MapKey.LocationName ?? "key";
        var valueName = shape.MapValue.LocationName ?? "value";
        IEnumerable<XElement> entries = node switch
        {
            List<XElement> list => list,
            XElement element when shape.Flattened => new[] { element },
            XElement element => element.Elements(),
            _ => Array.Empty<XElement>(),
        };
        var parsed = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var entry in entries)
        {
            string? key = null;
            object? value = null;
            foreach (var pair in entry.Elements())
            {
                var tag = XmlNodes.Tag(pair);
                if (tag == keyName) key = (string?)Read(shape.MapKey, pair);
                else if (tag == valueName) value = Read(shape.MapValue, pair);
                else throw new FormatException($"Unknown tag: {tag}");
            }
            if (key is not null) parsed[key] = value;
        }
        return parsed;
    }

    /// <summary>The element a member is found under: a flattened list's member name, else the member's locationName.</summary>
    private static string KeyName(Shape member, string name)
    {
        if (member.Type == ShapeType.List && member.Flattened && member.ListMember.LocationName is { } itemName) return itemName;
        return member.LocationName ?? name;
    }

    /// <summary>An exception shape's fields sit under ErrorResponse/Error (query, rest-xml) or Response/Errors/Error (ec2).</summary>
    private XElement ErrorRoot(XElement root)
    {
        if (_ec2)
        {
            foreach (var child in root.Elements())
                if (XmlNodes.Tag(child) == "Errors")
                    foreach (var error in child.Elements())
                        if (XmlNodes.Tag(error) == "Error") return error;
            return root;
        }
        if (XmlNodes.Tag(root) == "ErrorResponse")
            foreach (var child in root.Elements())
                if (XmlNodes.Tag(child) == "Error") return child;
        return root;
    }

    private static string? UnknownUnionMember(Shape shape, Dictionary<string, object> children)
    {
        var names = children.Keys.Where(k => k != "__type").ToList();
        if (names.Count != 1) throw new FormatException($"Invalid service response: {shape.Name} must have one and only one member set.");
        foreach (var member in shape.Members)
            if ((member.Value.LocationName ?? member.Key) == names[0]) return null;
        return names[0];
    }
}
