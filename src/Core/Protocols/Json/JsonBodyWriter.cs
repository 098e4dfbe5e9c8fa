using System.Collections;
using System.Text.Encodings.Web;
using System.Text.Json;
using AwsCore.Models;

namespace AwsCore.Protocols.Json;

/// <summary>Writes a value tree as the JSON of a shape (json and rest-json bodies): timestamps as epoch seconds by default, blobs in base64.</summary>
internal static class JsonBodyWriter
{
    // The default encoder escapes non-ASCII as \uXXXX, as botocore's json.dumps does, and has the fastest escaping path.
    private static readonly JsonWriterOptions Options = new() { SkipValidation = true };

    [ThreadStatic]
    private static MemoryStream? _buffer;

    [ThreadStatic]
    private static Utf8JsonWriter? _writer;

    /// <summary>The members of <paramref name="value"/> as a JSON object (or any shape's JSON when it is not a structure).</summary>
    public static byte[] Write(Shape shape, object? value)
    {
        // One buffer and writer per thread, reset for each body: requests are built often and are small.
        var buffer = _buffer ??= new MemoryStream(1024);
        buffer.SetLength(0);
        var writer = _writer ??= new Utf8JsonWriter(buffer, Options);
        writer.Reset(buffer);
        try
        {
            WriteValue(writer, shape, value);
            writer.Flush();
            return PythonJsonFormat.Reformat(buffer.ToArray());
        }
        finally
        {
            writer.Reset(Stream.Null);
            if (buffer.Capacity > 1 << 20) _buffer = null;
        }
    }

    /// <summary>An empty JSON object.</summary>
    public static byte[] EmptyObject() => new[] { (byte)'{', (byte)'}' };

    public static void WriteValue(Utf8JsonWriter writer, Shape shape, object? value)
    {
        if (value is null)
        {
            writer.WriteNullValue();
            return;
        }
        switch (shape.Type)
        {
            case ShapeType.Structure:
                if (shape.IsDocument) WriteDocument(writer, value);
                else WriteStructure(writer, shape, value);
                break;
            case ShapeType.Map:
                writer.WriteStartObject();
                foreach (var entry in InputValues.Map(value))
                {
                    writer.WritePropertyName(entry.Key);
                    try
                    {
                        WriteValue(writer, shape.MapValue, entry.Value);
                    }
                    catch (InputPathException e)
                    {
                        throw e.Within(entry.Key);
                    }
                }
                writer.WriteEndObject();
                break;
            case ShapeType.List:
                writer.WriteStartArray();
                var i = 0;
                foreach (var item in InputValues.List(value))
                {
                    try
                    {
                        WriteValue(writer, shape.ListMember, item);
                    }
                    catch (InputPathException e)
                    {
                        throw e.Within("[" + i + "]");
                    }
                    i++;
                }
                writer.WriteEndArray();
                break;
            case ShapeType.Timestamp:
                var utc = InputValues.Timestamp(value);
                var format = shape.TimestampFormat ?? "unixTimestamp";
                if (string.Equals(format, "unixTimestamp", StringComparison.OrdinalIgnoreCase)) writer.WriteNumberValue(Timestamps.UnixSeconds(utc));
                else writer.WriteStringValue(Timestamps.Format(utc, format));
                break;
            case ShapeType.Blob:
                writer.WriteStringValue(Convert.ToBase64String(InputValues.Blob(value)));
                break;
            case ShapeType.Boolean:
                writer.WriteBooleanValue(InputValues.Boolean(value));
                break;
            case ShapeType.Float:
            case ShapeType.Double:
                WriteFloat(writer, value);
                break;
            case ShapeType.Integer:
            case ShapeType.Long:
                writer.WriteNumberValue(InputValues.Integer(value));
                break;
            case ShapeType.BigInteger:
            case ShapeType.BigDecimal:
                WriteDocument(writer, value);
                break;
            default:
                writer.WriteStringValue(InputValues.String(value));
                break;
        }
    }

    private static void WriteStructure(Utf8JsonWriter writer, Shape shape, object value)
    {
        writer.WriteStartObject();
        if (value is Dictionary<string, object?> dictionary)
        {
            foreach (var entry in dictionary) WriteMember(writer, shape, entry);
        }
        else
        {
            foreach (var entry in InputValues.Map(value)) WriteMember(writer, shape, entry);
        }
        writer.WriteEndObject();
    }

    private static void WriteMember(Utf8JsonWriter writer, Shape shape, KeyValuePair<string, object?> entry)
    {
        try
        {
            var member = shape.Members.TryGetValue(entry.Key, out var m)
                ? m
                : throw new InputPathException($"unknown parameter; {shape.Name} has: {string.Join(", ", shape.Members.Keys)}");
            writer.WritePropertyName(ShapeCache.For(shape).JsonName(shape, entry.Key, member));
            WriteValue(writer, member, entry.Value);
        }
        catch (InputPathException e)
        {
            throw e.Within(entry.Key);
        }
    }

    private static void WriteFloat(Utf8JsonWriter writer, object value)
    {
        if (InputValues.IsIntegral(value))
        {
            writer.WriteNumberValue(InputValues.Integer(value));
            return;
        }
        if (value is decimal m)
        {
            writer.WriteNumberValue((double)m);
            return;
        }
        var d = InputValues.Double(value);
        if (double.IsNaN(d)) writer.WriteStringValue("NaN");
        else if (double.IsPositiveInfinity(d)) writer.WriteStringValue("Infinity");
        else if (double.IsNegativeInfinity(d)) writer.WriteStringValue("-Infinity");
        else writer.WriteNumberValue(d);
    }

    /// <summary>A document (any JSON value) written as given.</summary>
    public static void WriteDocument(Utf8JsonWriter writer, object? value)
    {
        switch (value)
        {
            case null: writer.WriteNullValue(); break;
            case string s: writer.WriteStringValue(s); break;
            case bool b: writer.WriteBooleanValue(b); break;
            case double d: writer.WriteNumberValue(d); break;
            case float f: writer.WriteNumberValue(f); break;
            case decimal m: writer.WriteNumberValue(m); break;
            case System.Numerics.BigInteger big: writer.WriteRawValue(big.ToString(System.Globalization.CultureInfo.InvariantCulture)); break;
            case ulong ul: writer.WriteNumberValue(ul); break;
            case JsonElement element: element.WriteTo(writer); break;
            case DateTime or DateTimeOffset: writer.WriteStringValue(Timestamps.Iso8601(InputValues.Timestamp(value))); break;
            case IDictionary or IDictionary<string, object?> or IReadOnlyDictionary<string, object?>:
                writer.WriteStartObject();
                foreach (var entry in InputValues.Map(value))
                {
                    writer.WritePropertyName(entry.Key);
                    try
                    {
                        WriteDocument(writer, entry.Value);
                    }
                    catch (InputPathException e)
                    {
                        throw e.Within(entry.Key);
                    }
                }
                writer.WriteEndObject();
                break;
            case IEnumerable list when value is not byte[]:
                writer.WriteStartArray();
                foreach (var item in list) WriteDocument(writer, item);
                writer.WriteEndArray();
                break;
            default:
                if (InputValues.IsIntegral(value)) writer.WriteNumberValue(InputValues.Integer(value));
                else throw new InputPathException($"a document cannot hold a {value.GetType().Name}");
                break;
        }
    }
}
