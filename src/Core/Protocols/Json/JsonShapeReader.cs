using System.Text.Json;
using AwsCore.Models;

namespace AwsCore.Protocols.Json;

/// <summary>Reads a JSON value as the value tree of a shape (botocore's BaseJSONParser handlers).</summary>
internal static class JsonShapeReader
{
    /// <summary>Parses body bytes; empty is {}; text that is not JSON becomes {"message": text}, as botocore does.</summary>
    public static JsonDocument ParseBody(byte[] body)
    {
        if (body.Length == 0) return JsonDocument.Parse("{}");
        try
        {
            return JsonDocument.Parse(body);
        }
        catch (JsonException)
        {
            using var stream = new MemoryStream();
            using (var writer = new Utf8JsonWriter(stream))
            {
                writer.WriteStartObject();
                writer.WriteString("message", System.Text.Encoding.UTF8.GetString(body));
                writer.WriteEndObject();
            }
            return JsonDocument.Parse(stream.ToArray());
        }
    }

    public static object? Read(Shape shape, JsonElement value)
    {
        if (value.ValueKind == JsonValueKind.Null) return null;
        switch (shape.Type)
        {
            case ShapeType.Structure:
                if (shape.IsDocument) return Models.JsonTraits.ToValue(value);
                return ReadStructure(shape, value);
            case ShapeType.Map:
                if (value.ValueKind != JsonValueKind.Object) return Models.JsonTraits.ToValue(value);
                var map = new ValueMap();
                foreach (var property in value.EnumerateObject()) map[property.Name] = Read(shape.MapValue, property.Value);
                return map;
            case ShapeType.List:
                if (value.ValueKind != JsonValueKind.Array) return Models.JsonTraits.ToValue(value);
                var list = new List<object?>(value.GetArrayLength());
                foreach (var item in value.EnumerateArray()) list.Add(Read(shape.ListMember, item));
                return list;
            case ShapeType.Blob:
                return value.ValueKind == JsonValueKind.String ? Convert.FromBase64String(value.GetString()!) : Models.JsonTraits.ToValue(value);
            case ShapeType.Timestamp:
                return value.ValueKind == JsonValueKind.Number
                    ? Timestamps.FromEpochSeconds(value.GetDouble())
                    : Timestamps.Parse(value.GetString() ?? "");
            case ShapeType.Integer:
                if (value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out var i)) return i;
                return Models.JsonTraits.ToValue(value);
            case ShapeType.Long:
                if (value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out var l)) return l;
                return Models.JsonTraits.ToValue(value);
            case ShapeType.Float:
            case ShapeType.Double:
                if (value.ValueKind == JsonValueKind.Number) return value.GetDouble();
                if (value.ValueKind == JsonValueKind.String && SpecialFloat(value.GetString()!) is { } special) return special;
                return Models.JsonTraits.ToValue(value);
            default:
                return Models.JsonTraits.ToValue(value);
        }
    }

    public static double? SpecialFloat(string text) => text switch
    {
        "NaN" => double.NaN,
        "Infinity" => double.PositiveInfinity,
        "-Infinity" => double.NegativeInfinity,
        _ => null,
    };

    private static object? ReadStructure(Shape shape, JsonElement value)
    {
        if (value.ValueKind != JsonValueKind.Object) return Models.JsonTraits.ToValue(value);
        if (shape.IsUnion && UnknownUnionMember(shape, value) is { } unknown)
            return new ValueMap
            {
                ["SDK_UNKNOWN_MEMBER"] = new ValueMap { ["name"] = unknown },
            };
        var result = new ValueMap();
        foreach (var member in shape.Members)
        {
            if (!value.TryGetProperty(member.Value.LocationName ?? member.Key, out var raw) || raw.ValueKind == JsonValueKind.Null) continue;
            result[member.Key] = Read(member.Value, raw);
        }
        return result;
    }

    /// <summary>A union must set exactly one member; a member name the model lacks is returned (newer service than model).</summary>
    private static string? UnknownUnionMember(Shape shape, JsonElement value)
    {
        string? set = null;
        var count = 0;
        foreach (var property in value.EnumerateObject())
        {
            if (property.Name == "__type" || property.Value.ValueKind == JsonValueKind.Null) continue;
            set = property.Name;
            count++;
        }
        if (count != 1) throw new FormatException($"Invalid service response: {shape.Name} must have one and only one member set.");
        foreach (var member in shape.Members)
            if ((member.Value.LocationName ?? member.Key) == set) return null;
        return set;
    }
}
