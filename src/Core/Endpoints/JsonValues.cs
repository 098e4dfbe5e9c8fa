using System.Text.Json;

namespace AwsCore.Endpoints;

/// <summary>Turns JSON into the value tree: objects to dictionaries, arrays to lists, integral numbers to long.</summary>
internal static class JsonValues
{
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
}
