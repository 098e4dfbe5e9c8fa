using System.Text.Json;

namespace AwsCore.Endpoints;

/// <summary>
/// JSON to the value tree (objects to ordinal dictionaries in file order, arrays to lists, integral numbers to long,
/// others to double) straight from Utf8JsonReader, with no DOM in between.
/// </summary>
internal static class JsonValues
{
    private static readonly JsonReaderOptions Options = new() { MaxDepth = 512, CommentHandling = JsonCommentHandling.Skip };

    private static readonly string[] CommonNames =
        { "fn", "argv", "ref", "assign", "conditions", "type", "rules", "endpoint", "error", "url", "properties", "headers" };

    private static readonly byte[] DocumentationName = System.Text.Encoding.UTF8.GetBytes("documentation");
    private static readonly byte[][] CommonNameBytes = CommonNames.Select(n => System.Text.Encoding.UTF8.GetBytes(n)).ToArray();

    /// <summary>
    /// Parses a whole document; a syntax error throws JsonException with its line number. With
    /// <paramref name="skipDocumentation"/> the values of "documentation" members are validated but not kept.
    /// </summary>
    public static object? Parse(ReadOnlySpan<byte> json, bool skipDocumentation = false)
    {
        var reader = new Utf8JsonReader(json, Options);
        reader.Read();
        var value = ReadValue(ref reader, skipDocumentation);
        // Reading on validates the rest: anything but trailing whitespace throws with its line.
        reader.Read();
        return value;
    }

    public static object? ToValue(JsonElement element)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                var map = new Dictionary<string, object?>(StringComparer.Ordinal);
                foreach (var property in element.EnumerateObject()) map[property.Name] = ToValue(property.Value);
                return map;
            case JsonValueKind.Array:
                var list = new List<object?>(element.GetArrayLength());
                foreach (var item in element.EnumerateArray()) list.Add(ToValue(item));
                return list;
            case JsonValueKind.String:
                return element.GetString();
            case JsonValueKind.True:
                return true;
            case JsonValueKind.False:
                return false;
            case JsonValueKind.Number:
                return element.TryGetInt64(out var whole) ? (object)whole : element.GetDouble();
            default:
                return null;
        }
    }

    private static object? ReadValue(ref Utf8JsonReader reader, bool skipDocumentation)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.StartObject:
                var map = new Dictionary<string, object?>(StringComparer.Ordinal);
                while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
                {
                    if (skipDocumentation && reader.ValueTextEquals(DocumentationName))
                    {
                        reader.Read();
                        reader.Skip();
                        continue;
                    }
                    var name = PropertyName(ref reader);
                    reader.Read();
                    map[name] = ReadValue(ref reader, skipDocumentation);
                }
                return map;
            case JsonTokenType.StartArray:
                var list = new List<object?>();
                while (reader.Read() && reader.TokenType != JsonTokenType.EndArray) list.Add(ReadValue(ref reader, skipDocumentation));
                return list;
            case JsonTokenType.String:
                return reader.GetString();
            case JsonTokenType.True:
                return true;
            case JsonTokenType.False:
                return false;
            case JsonTokenType.Number:
                return reader.TryGetInt64(out var whole) ? (object)whole : reader.GetDouble();
            default:
                return null;
        }
    }

    // Rule sets repeat a dozen member names thousands of times; reuse one string for each.
    private static string PropertyName(ref Utf8JsonReader reader)
    {
        if (!reader.ValueIsEscaped && reader.ValueSpan.Length <= 10)
            for (var i = 0; i < CommonNameBytes.Length; i++)
                if (reader.ValueSpan.SequenceEqual(CommonNameBytes[i])) return CommonNames[i];
        return reader.GetString()!;
    }
}
