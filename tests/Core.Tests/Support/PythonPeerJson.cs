using System.Globalization;
using System.Text.Json;

namespace AwsCore.Testing;

/// <summary>
/// Writes a value tree as JSON for a python3 peer (the tests' botocore oracles and the benchmarks' botocore peers):
/// blobs as {"__blob__": base64} and timestamps as {"__ts__": ISO 8601}, which the peer scripts turn back into
/// bytes and timestamps. Compiled into the test and the benchmark projects.
/// </summary>
internal static class PythonPeerJson
{
    public static void Write(Utf8JsonWriter writer, object? value)
    {
        switch (value)
        {
            case null: writer.WriteNullValue(); break;
            case string s: writer.WriteStringValue(s); break;
            case bool b: writer.WriteBooleanValue(b); break;
            case long l: writer.WriteNumberValue(l); break;
            case double d: writer.WriteNumberValue(d); break;
            case byte[] bytes:
                writer.WriteStartObject();
                writer.WriteString("__blob__", Convert.ToBase64String(bytes));
                writer.WriteEndObject();
                break;
            case DateTime dt:
                writer.WriteStartObject();
                writer.WriteString("__ts__", dt.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture));
                writer.WriteEndObject();
                break;
            case IDictionary<string, object?> map:
                writer.WriteStartObject();
                foreach (var pair in map)
                {
                    writer.WritePropertyName(pair.Key);
                    Write(writer, pair.Value);
                }
                writer.WriteEndObject();
                break;
            case List<object?> list:
                writer.WriteStartArray();
                foreach (var item in list) Write(writer, item);
                writer.WriteEndArray();
                break;
            default:
                throw new ArgumentException($"cannot send a {value.GetType().Name} to python");
        }
    }
}
