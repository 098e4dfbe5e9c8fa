using System.Text;
using System.Xml;
using AwsCore.Models;

namespace AwsCore.Protocols.Rest;

/// <summary>
/// Writes a value tree as the XML of a shape, as botocore's rest-xml serializer lays it out: structures as elements
/// named by locationName, xmlAttribute members as attributes, lists wrapped (items named "member" or the member's
/// locationName) or flattened, maps as entry/key/value, and xmlNamespace traits as xmlns declarations.
/// </summary>
internal sealed class XmlBodyWriter
{
    private static readonly XmlWriterSettings Settings = new()
    {
        OmitXmlDeclaration = true,
        Encoding = new UTF8Encoding(false),
        NewLineHandling = NewLineHandling.None,
        CheckCharacters = false,
    };

    private readonly XmlWriter _writer;
    private readonly Stack<string> _defaultNamespace = new();

    private XmlBodyWriter(XmlWriter writer)
    {
        _writer = writer;
        _defaultNamespace.Push("");
    }

    public static byte[] Write(Shape shape, object value, string rootName)
    {
        using var stream = new MemoryStream(256);
        using (var writer = XmlWriter.Create(stream, Settings))
        {
            new XmlBodyWriter(writer).WriteValue(shape, value, rootName);
        }
        return stream.ToArray();
    }

    private void WriteValue(Shape shape, object? value, string name)
    {
        if (value is null) return;
        switch (shape.Type)
        {
            case ShapeType.Structure:
                WriteStructure(shape, value, name);
                return;
            case ShapeType.List:
                WriteList(shape, value, name);
                return;
            case ShapeType.Map:
                WriteMap(shape, value, name);
                return;
        }
        string text = shape.Type switch
        {
            ShapeType.Boolean => InputValues.Boolean(value) ? "true" : "false",
            ShapeType.Blob => Convert.ToBase64String(InputValues.Blob(value)),
            ShapeType.Timestamp => Timestamps.Format(InputValues.Timestamp(value), shape.TimestampFormat ?? "iso8601"),
            ShapeType.Float or ShapeType.Double => FloatText(value),
            _ => Text(value),
        };
        Start(name, shape);
        _writer.WriteString(text);
        End();
    }

    private void WriteStructure(Shape shape, object value, string name)
    {
        // botocore stops at the first null member; attributes are written before any child element.
        var entries = new List<KeyValuePair<string, object?>>();
        foreach (var entry in InputValues.Map(value))
        {
            if (entry.Value is null) break;
            entries.Add(entry);
        }
        Start(name, shape);
        foreach (var entry in entries)
        {
            var member = MemberOf(shape, entry.Key);
            if (!member.XmlAttribute) continue;
            try
            {
                WriteAttribute(member.LocationName ?? entry.Key, Text(entry.Value!));
            }
            catch (InputPathException e)
            {
                throw e.Within(entry.Key);
            }
        }
        foreach (var entry in entries)
        {
            var member = MemberOf(shape, entry.Key);
            if (member.XmlAttribute) continue;
            try
            {
                WriteValue(member, entry.Value, member.LocationName ?? entry.Key);
            }
            catch (InputPathException e)
            {
                throw e.Within(entry.Key);
            }
        }
        End();
    }

    private void WriteList(Shape shape, object value, string name)
    {
        var items = InputValues.List(value);
        var flattened = shape.Flattened;
        var elementName = flattened ? name : shape.ListMember.LocationName ?? "member";
        if (!flattened) Start(name, shape);
        for (var i = 0; i < items.Count; i++)
        {
            try
            {
                WriteValue(shape.ListMember, items[i], elementName);
            }
            catch (InputPathException e)
            {
                throw e.Within("[" + i + "]");
            }
        }
        if (!flattened) End();
    }

    private void WriteMap(Shape shape, object value, string name)
    {
        var flattened = shape.Flattened;
        if (!flattened) Start(name, shape);
        var keyName = shape.MapKey.LocationName ?? "key";
        var valueName = shape.MapValue.LocationName ?? "value";
        foreach (var entry in InputValues.Map(value))
        {
            Start(flattened ? name : "entry", null);
            try
            {
                WriteValue(shape.MapKey, entry.Key, keyName);
                WriteValue(shape.MapValue, entry.Value, valueName);
            }
            catch (InputPathException e)
            {
                throw e.Within(entry.Key);
            }
            End();
        }
        if (!flattened) End();
    }

    /// <summary>
    /// Starts an element; a default namespace on the shape applies to it and (textually) to its children, a prefixed
    /// namespace is declared on it.
    /// </summary>
    private void Start(string name, Shape? shape)
    {
        var ns = shape?.XmlNamespace;
        var current = _defaultNamespace.Peek();
        if (ns is not null && string.IsNullOrEmpty(ns.Prefix))
        {
            _writer.WriteStartElement("", name, ns.Uri);
            _defaultNamespace.Push(ns.Uri);
            return;
        }
        _writer.WriteStartElement("", name, current);
        _defaultNamespace.Push(current);
        if (ns is not null) _writer.WriteAttributeString("xmlns", ns.Prefix!, null, ns.Uri);
    }

    private void End()
    {
        _writer.WriteEndElement();
        _defaultNamespace.Pop();
    }

    private void WriteAttribute(string name, string value)
    {
        var colon = name.IndexOf(':');
        if (colon > 0) _writer.WriteAttributeString(name.Substring(0, colon), name.Substring(colon + 1), null, value);
        else _writer.WriteAttributeString(name, value);
    }

    private static Shape MemberOf(Shape shape, string name) =>
        shape.Members.TryGetValue(name, out var member)
            ? member
            : throw new InputPathException($"unknown parameter; {shape.Name} has: {string.Join(", ", shape.Members.Keys)}").Within(name);

    private static string Text(object value) => ScalarText.Of(value);

    private static string FloatText(object value) => ScalarText.Float(value);
}
