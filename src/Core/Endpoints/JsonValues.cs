using System.Text.Json;

namespace AwsCore.Endpoints;

/// <summary>
/// JSON to the value tree (objects to ordinal dictionaries in file order, arrays to lists, integral numbers to long,
/// others to double) straight from Utf8JsonReader, with no DOM in between.
/// </summary>
internal static class JsonValues
{
    private static readonly JsonReaderOptions Options = new() { MaxDepth = 512, CommentHandling = JsonCommentHandling.Skip };

    /// <summary>Parses a whole document; a syntax error throws JsonException with its line number.</summary>
    public static object? Parse(ReadOnlySpan<byte> json)
    {
        var reader = new Utf8JsonReader(json, Options);
        reader.Read();
        var value = ReadValue(ref reader);
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

    private static object? ReadValue(ref Utf8JsonReader reader)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.StartObject:
                var map = new Dictionary<string, object?>(StringComparer.Ordinal);
                while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
                {
                    var name = reader.GetString()!;
                    reader.Read();
                    map[name] = ReadValue(ref reader);
                }
                return map;
            case JsonTokenType.StartArray:
                var list = new List<object?>();
                while (reader.Read() && reader.TokenType != JsonTokenType.EndArray) list.Add(ReadValue(ref reader));
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
}
