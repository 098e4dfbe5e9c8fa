using System.Collections;
using System.Text.Json;
using AwsCore.Models;

namespace AwsCore.Protocols.Json;

/// <summary>Writes a value tree as the JSON of a shape (json and rest-json bodies): timestamps as epoch seconds by default, blobs in base64.</summary>
internal static class JsonBodyWriter
{
    /// <summary>The members of <paramref name="value"/> as a JSON object (or any shape's JSON when it is not a structure).</summary>
    public static byte[] Write(Shape shape, object? value)
    {
        var writer = PythonJsonWriter.Rent();
        WriteValue(writer, shape, value);
        var body = writer.ToArray();
        PythonJsonWriter.Return(writer);
        return body;
    }

    /// <summary>
    /// A document (any JSON value) as json.dumps writes it; <paramref name="compact"/> uses "," and ":" as botocore
    /// does for jsonvalue headers before base64.
    /// </summary>
    public static byte[] Document(object? value, bool compact)
    {
        var writer = PythonJsonWriter.Rent(compact);
        WriteDocument(writer, value);
        var text = writer.ToArray();
        PythonJsonWriter.Return(writer);
        return text;
    }

    /// <summary>An empty JSON object.</summary>
    public static byte[] EmptyObject() => new[] { (byte)'{', (byte)'}' };

    private static void WriteValue(PythonJsonWriter writer, Shape shape, object? value)
    {
        if (value is null)
        {
            writer.Null();
            return;
        }
        switch (shape.Type)
        {
            case ShapeType.Structure:
                if (shape.IsDocument) WriteDocument(writer, value);
                else WriteStructure(writer, shape, value);
                break;
            case ShapeType.Map:
                WriteMap(writer, shape.MapValue, value);
                break;
            case ShapeType.List:
                WriteList(writer, shape.ListMember, value);
                break;
            case ShapeType.Timestamp:
                var utc = InputValues.Timestamp(value);
                var format = shape.TimestampFormat ?? "unixTimestamp";
                if (string.Equals(format, "unixTimestamp", StringComparison.OrdinalIgnoreCase)) writer.Integer(Timestamps.UnixSeconds(utc));
                else writer.String(Timestamps.Format(utc, format));
                break;
            case ShapeType.Blob:
                writer.String(Convert.ToBase64String(InputValues.Blob(value)));
                break;
            case ShapeType.Boolean:
                writer.Boolean(InputValues.Boolean(value));
                break;
            case ShapeType.Float:
            case ShapeType.Double:
                WriteFloat(writer, value);
                break;
            case ShapeType.Integer:
            case ShapeType.Long:
                writer.Integer(InputValues.Integer(value));
                break;
            case ShapeType.BigInteger:
            case ShapeType.BigDecimal:
                WriteDocument(writer, value);
                break;
            default:
                writer.String(value as string ?? InputValues.String(value));
                break;
        }
    }

    private static void WriteStructure(PythonJsonWriter writer, Shape shape, object value)
    {
        var members = ShapeCache.For(shape).JsonWriteMembers(shape);
        writer.StartObject();
        if (value is Dictionary<string, object?> dictionary)
        {
            foreach (var entry in dictionary) WriteMember(writer, shape, members, entry.Key, entry.Value);
        }
        else
        {
            foreach (var entry in InputValues.Map(value)) WriteMember(writer, shape, members, entry.Key, entry.Value);
        }
        writer.EndObject();
    }

    private static void WriteMember(PythonJsonWriter writer, Shape shape, Dictionary<string, JsonWriteMember> members, string name, object? value)
    {
        try
        {
            var member = members.TryGetValue(name, out var m)
                ? m
                : throw new InputPathException($"unknown parameter; {shape.Name} has: {string.Join(", ", shape.Members.Keys)}");
            writer.PropertyName(member.QuotedName);
            WriteValue(writer, member.Shape, value);
        }
        catch (InputPathException e)
        {
            throw e.Within(name);
        }
    }

    private static void WriteMap(PythonJsonWriter writer, Shape valueShape, object value)
    {
        writer.StartObject();
        if (value is Dictionary<string, object?> dictionary)
        {
            foreach (var entry in dictionary) WriteMapEntry(writer, valueShape, entry.Key, entry.Value);
        }
        else
        {
            foreach (var entry in InputValues.Map(value)) WriteMapEntry(writer, valueShape, entry.Key, entry.Value);
        }
        writer.EndObject();
    }

    private static void WriteMapEntry(PythonJsonWriter writer, Shape valueShape, string key, object? value)
    {
        writer.PropertyName(key);
        try
        {
            WriteValue(writer, valueShape, value);
        }
        catch (InputPathException e)
        {
            throw e.Within(key);
        }
    }

    private static void WriteList(PythonJsonWriter writer, Shape itemShape, object value)
    {
        writer.StartArray();
        if (value is List<object?> list)
        {
            for (var i = 0; i < list.Count; i++) WriteItem(writer, itemShape, list[i], i);
        }
        else
        {
            var i = 0;
            foreach (var item in InputValues.List(value)) WriteItem(writer, itemShape, item, i++);
        }
        writer.EndArray();
    }

    private static void WriteItem(PythonJsonWriter writer, Shape itemShape, object? item, int index)
    {
        try
        {
            WriteValue(writer, itemShape, item);
        }
        catch (InputPathException e)
        {
            throw e.Within("[" + index + "]");
        }
    }

    /// <summary>A float or double member: integers stay integers, NaN and the infinities become strings (botocore's _handle_float).</summary>
    private static void WriteFloat(PythonJsonWriter writer, object value)
    {
        if (InputValues.IsIntegral(value))
        {
            writer.Integer(InputValues.Integer(value));
            return;
        }
        var d = value is decimal m ? (double)m : InputValues.Double(value);
        if (double.IsNaN(d)) writer.String("NaN");
        else if (double.IsPositiveInfinity(d)) writer.String("Infinity");
        else if (double.IsNegativeInfinity(d)) writer.String("-Infinity");
        else writer.Float(d);
    }

    /// <summary>A document (any JSON value) written as given.</summary>
    private static void WriteDocument(PythonJsonWriter writer, object? value)
    {
        switch (value)
        {
            case null: writer.Null(); break;
            case string s: writer.String(s); break;
            case bool b: writer.Boolean(b); break;
            case double d: writer.Float(d); break;
            case float f: writer.Float(InputValues.Double(f)); break;
            case decimal m: writer.Float((double)m); break;
            case System.Numerics.BigInteger big: writer.Literal(big.ToString(System.Globalization.CultureInfo.InvariantCulture)); break;
            case ulong ul: writer.Integer(ul); break;
            case JsonElement element: WriteElement(writer, element); break;
            case DateTime or DateTimeOffset: writer.String(Timestamps.Iso8601(InputValues.Timestamp(value))); break;
            case IDictionary or IDictionary<string, object?> or IReadOnlyDictionary<string, object?>:
                writer.StartObject();
                foreach (var entry in InputValues.Map(value))
                {
                    writer.PropertyName(entry.Key);
                    try
                    {
                        WriteDocument(writer, entry.Value);
                    }
                    catch (InputPathException e)
                    {
                        throw e.Within(entry.Key);
                    }
                }
                writer.EndObject();
                break;
            case IEnumerable list when value is not byte[]:
                writer.StartArray();
                foreach (var item in list) WriteDocument(writer, item);
                writer.EndArray();
                break;
            default:
                if (InputValues.IsIntegral(value)) writer.Integer(InputValues.Integer(value));
                else throw new InputPathException($"a document cannot hold a {value.GetType().Name}");
                break;
        }
    }

    /// <summary>A parsed JSON value (a document taken from another response): numbers keep their text.</summary>
    private static void WriteElement(PythonJsonWriter writer, JsonElement element)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                writer.StartObject();
                foreach (var property in element.EnumerateObject())
                {
                    writer.PropertyName(property.Name);
                    WriteElement(writer, property.Value);
                }
                writer.EndObject();
                break;
            case JsonValueKind.Array:
                writer.StartArray();
                foreach (var item in element.EnumerateArray()) WriteElement(writer, item);
                writer.EndArray();
                break;
            case JsonValueKind.String: writer.String(element.GetString()!); break;
            case JsonValueKind.Number: writer.Literal(element.GetRawText()); break;
            case JsonValueKind.True: writer.Boolean(true); break;
            case JsonValueKind.False: writer.Boolean(false); break;
            default: writer.Null(); break;
        }
    }
}
