using System.Globalization;
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

    /// <summary>Reads <paramref name="node"/> (an element, or a List&lt;XmlNode&gt; for flattened members).</summary>
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
        var element = node as XmlNode ?? ((List<XmlNode>)node)[0];
        return Scalar(shape, element.Text);
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

    public ValueMap ReadStructure(Shape shape, object nodeOrList)
    {
        var node = nodeOrList as XmlNode ?? ((List<XmlNode>)nodeOrList)[0];
        if (shape.IsException) node = ErrorRoot(node);
        var parsed = new ValueMap(Math.Min(node.Children.Count, shape.Members.Count));
        if (shape.IsUnion && UnknownUnionMember(shape, node) is { } unknown)
        {
            parsed["SDK_UNKNOWN_MEMBER"] = new ValueMap { ["name"] = unknown };
            return parsed;
        }
        var cache = ShapeCache.For(shape);
        if (cache.XmlIndex is not MemberIndex index) cache.XmlIndex = index = new MemberIndex(shape);
        Dictionary<string, List<XmlNode>>? flattened = null;
        foreach (var child in node.Children)
        {
            if (!index.ByElement.TryGetValue(child.Tag, out var member)) continue;
            if (member.Shape.Flattened)
            {
                flattened ??= new Dictionary<string, List<XmlNode>>(StringComparer.Ordinal);
                if (!flattened.TryGetValue(member.Name, out var items)) flattened[member.Name] = items = new List<XmlNode>();
                items.Add(child);
            }
            else if (!parsed.ContainsKey(member.Name))
            {
                parsed[member.Name] = Read(member.Shape, child);
            }
        }
        if (flattened != null)
            foreach (var pair in flattened) parsed[pair.Key] = Read(index.Members[pair.Key], pair.Value);
        foreach (var attribute in index.Attributes)
        {
            if (parsed.ContainsKey(attribute.Name)) continue;
            var name = attribute.Shape.LocationName!;
            var prefix = name.IndexOf(':') is var colon and > 0 ? name.Substring(0, colon + 1) : "";
            foreach (var a in node.Attributes)
                if ((a.NamespaceUri.Length == 0 ? a.LocalName : prefix + a.LocalName) == name) parsed[attribute.Name] = a.Value;
        }
        return parsed;
    }

    private List<object?> ReadList(Shape shape, object node)
    {
        List<XmlNode> items = node switch
        {
            List<XmlNode> list => list,
            XmlNode element when shape.Flattened => new List<XmlNode> { element },
            XmlNode element => element.Children,
            _ => new List<XmlNode>(),
        };
        var result = new List<object?>(items.Count);
        foreach (var item in items) result.Add(Read(shape.ListMember, item));
        return result;
    }

    private ValueMap ReadMap(Shape shape, object node)
    {
        var keyName = shape.MapKey.LocationName ?? "key";
        var valueName = shape.MapValue.LocationName ?? "value";
        List<XmlNode> entries = node switch
        {
            List<XmlNode> list => list,
            XmlNode element when shape.Flattened => new List<XmlNode> { element },
            XmlNode element => element.Children,
            _ => new List<XmlNode>(),
        };
        var parsed = new ValueMap(entries.Count);
        foreach (var entry in entries)
        {
            string? key = null;
            object? value = null;
            foreach (var pair in entry.Children)
            {
                if (pair.Tag == keyName) key = (string?)Read(shape.MapKey, pair);
                else if (pair.Tag == valueName) value = Read(shape.MapValue, pair);
                else throw new FormatException($"Unknown tag: {pair.Tag}");
            }
            if (key is not null) parsed[key] = value;
        }
        return parsed;
    }

    /// <summary>An exception shape's fields sit under ErrorResponse/Error (query, rest-xml) or Response/Errors/Error (ec2).</summary>
    private XmlNode ErrorRoot(XmlNode root)
    {
        if (_ec2)
        {
            foreach (var child in root.Children)
                if (child.Tag == "Errors")
                    foreach (var error in child.Children)
                        if (error.Tag == "Error") return error;
            return root;
        }
        if (root.Tag == "ErrorResponse")
            foreach (var child in root.Children)
                if (child.Tag == "Error") return child;
        return root;
    }

    private static string? UnknownUnionMember(Shape shape, XmlNode node)
    {
        var names = node.Children.Select(c => c.Tag).Where(t => t != "__type").Distinct().ToList();
        if (names.Count != 1) throw new FormatException($"Invalid service response: {shape.Name} must have one and only one member set.");
        foreach (var member in shape.Members)
            if ((member.Value.LocationName ?? member.Key) == names[0]) return null;
        return names[0];
    }

    /// <summary>A structure's members by the element name they arrive under, built once per shape.</summary>
    private sealed class MemberIndex
    {
        public MemberIndex(Shape shape)
        {
            foreach (var member in shape.Members)
            {
                var m = member.Value;
                if (m.Location is "header" or "headers" or "statusCode" || m.EventHeader) continue;
                Members[member.Key] = m;
                if (m.XmlAttribute && m.LocationName is not null) Attributes.Add((member.Key, m));
                var element = m.Type == ShapeType.List && m.Flattened && m.ListMember.LocationName is { } itemName ? itemName : m.LocationName ?? member.Key;
                if (!ByElement.ContainsKey(element)) ByElement[element] = (member.Key, m);
            }
        }

        public Dictionary<string, (string Name, Shape Shape)> ByElement { get; } = new(StringComparer.Ordinal);

        public Dictionary<string, Shape> Members { get; } = new(StringComparer.Ordinal);

        public List<(string Name, Shape Shape)> Attributes { get; } = new();
    }
}
