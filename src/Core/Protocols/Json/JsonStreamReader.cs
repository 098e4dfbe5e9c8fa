using System.Text;
using System.Text.Json;
using AwsCore.Models;

namespace AwsCore.Protocols.Json;

/// <summary>
/// Reads a JSON body straight from UTF-8 bytes as the value tree of a shape with Utf8JsonReader (no DOM): the fast
/// path of <see cref="JsonShapeReader"/>, with the same results.
/// </summary>
internal static class JsonStreamReader
{
    /// <summary>Parses <paramref name="body"/> as structure <paramref name="shape"/>; false when the body is not JSON.</summary>
    public static bool TryReadStructure(byte[] body, Shape shape, out ValueMap result)
    {
        result = null!;
        try
        {
            var reader = new Utf8JsonReader(body);
            if (body.Length > 0 && reader.Read())
            {
                if (reader.TokenType == JsonTokenType.StartObject)
                {
                    result = ReadStructure(ref reader, shape, room: 1);
                    return true;
                }
                reader.Skip();
            }
            result = new ValueMap();
            return true;
        }
        catch (JsonException)
        {
            return false;
        }
    }

    private static object? Read(ref Utf8JsonReader reader, Shape shape)
    {
        if (reader.TokenType == JsonTokenType.Null) return null;
        switch (shape.Type)
        {
            case ShapeType.Structure:
                if (shape.IsDocument || reader.TokenType != JsonTokenType.StartObject) return Plain(ref reader);
                return ReadStructure(ref reader, shape);
            case ShapeType.Map:
                return reader.TokenType == JsonTokenType.StartObject ? ReadMap(ref reader, shape) : Plain(ref reader);
            case ShapeType.List:
                return reader.TokenType == JsonTokenType.StartArray ? ReadList(ref reader, shape) : Plain(ref reader);
            case ShapeType.String:
                return reader.TokenType == JsonTokenType.String ? Text(ref reader) : Plain(ref reader);
            case ShapeType.Blob:
                return reader.TokenType == JsonTokenType.String ? reader.GetBytesFromBase64() : Plain(ref reader);
            case ShapeType.Timestamp:
                return reader.TokenType == JsonTokenType.Number
                    ? Timestamps.FromEpochSeconds(reader.GetDouble())
                    : Timestamps.Parse(reader.GetString() ?? "");
            case ShapeType.Integer:
                return reader.TokenType == JsonTokenType.Number && reader.TryGetInt32(out var i) ? i : Plain(ref reader);
            case ShapeType.Long:
                return reader.TokenType == JsonTokenType.Number && reader.TryGetInt64(out var l) ? l : Plain(ref reader);
            case ShapeType.Float:
            case ShapeType.Double:
                if (reader.TokenType == JsonTokenType.Number) return reader.GetDouble();
                if (reader.TokenType == JsonTokenType.String && JsonShapeReader.SpecialFloat(reader.GetString()!) is { } special) return special;
                return Plain(ref reader);
            default:
                return Plain(ref reader);
        }
    }

    private static ValueMap ReadMap(ref Utf8JsonReader reader, Shape shape)
    {
        var cache = ShapeCache.For(shape);
        var map = new ValueMap(cache.SizeHint);
        var keys = cache.MapKeys;
        var valueShape = shape.MapValue;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var key = Key(ref reader, keys);
            reader.Read();
            map[key] = Read(ref reader, valueShape);
        }
        cache.SizeHint = map.Count;
        return map;
    }

    private static List<object?> ReadList(ref Utf8JsonReader reader, Shape shape)
    {
        var cache = ShapeCache.For(shape);
        var list = new List<object?>(cache.SizeHint);
        var member = shape.ListMember;
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray) list.Add(Read(ref reader, member));
        cache.SizeHint = list.Count;
        return list;
    }

    // room: entries to leave room for after the members (an output's ResponseMetadata).
    private static ValueMap ReadStructure(ref Utf8JsonReader reader, Shape shape, int room = 0)
    {
        var cache = ShapeCache.For(shape);
        var members = cache.JsonMembers(shape);
        var result = new ValueMap(cache.SizeHint + room);
        string? unknown = null;
        var set = 0;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var member = FindMember(ref reader, members);
            if (member is null)
            {
                SkipUnknown(ref reader, ref set, ref unknown);
                continue;
            }
            reader.Read();
            if (reader.TokenType == JsonTokenType.Null) continue;
            set++;
            var value = Read(ref reader, member.Shape);
            if (value is not null) result[member.Name] = value;
        }
        cache.SizeHint = result.Count;
        if (shape.IsUnion)
        {
            if (set != 1) throw new FormatException($"Invalid service response: {shape.Name} must have one and only one member set.");
            if (unknown is not null)
                return new ValueMap
                {
                    ["SDK_UNKNOWN_MEMBER"] = new ValueMap { ["name"] = unknown },
                };
        }
        return result;
    }

    /// <summary>The member whose wire name is the current property name, or null.</summary>
    private static JsonMember? FindMember(ref Utf8JsonReader reader, JsonMember[] members)
    {
        if (!reader.ValueIsEscaped && !reader.HasValueSequence)
        {
            var span = reader.ValueSpan;
            if (span.IsEmpty) return null;
            var first = span[0];
            foreach (var candidate in members)
            {
                var name = candidate.WireName;
                if (name.Length == span.Length && name[0] == first && span.SequenceEqual(name)) return candidate;
            }
            return null;
        }
        foreach (var candidate in members)
            if (reader.ValueTextEquals(candidate.WireName)) return candidate;
        return null;
    }

    /// <summary>
    /// Skips a property the shape does not model, remembering its name for a union's SDK_UNKNOWN_MEMBER; "__type"
    /// (a type tag some services send) and null values do not count as a set member.
    /// </summary>
    private static void SkipUnknown(ref Utf8JsonReader reader, ref int set, ref string? unknown)
    {
        var isType = reader.ValueTextEquals(TypeProperty);
        var name = isType ? null : reader.GetString();
        reader.Read();
        if (reader.TokenType != JsonTokenType.Null && !isType)
        {
            set++;
            unknown = name;
        }
        reader.Skip();
    }

    /// <summary>The current string or property name; plain ASCII (the usual case) is widened without UTF-8 decoding.</summary>
    private static string Text(ref Utf8JsonReader reader)
    {
#if NET
        if (!reader.ValueIsEscaped && !reader.HasValueSequence && System.Text.Ascii.IsValid(reader.ValueSpan))
            return Encoding.Latin1.GetString(reader.ValueSpan);
#endif
        return reader.GetString()!;
    }

    /// <summary>A map key, the same string as last time when the table has seen it.</summary>
    private static string Key(ref Utf8JsonReader reader, MapKeyTable keys)
    {
        if (reader.ValueIsEscaped || reader.HasValueSequence) return reader.GetString()!;
        var span = reader.ValueSpan;
        if (keys.TryGet(span, out var known)) return known;
        var key = Text(ref reader);
        keys.Remember(span, key);
        return key;
    }

    private static readonly object True = true;
    private static readonly object False = false;

    private static readonly byte[] TypeProperty = Encoding.UTF8.GetBytes("__type");

    /// <summary>A JSON value with no shape to guide it: objects, arrays, strings, long/double, bool, null.</summary>
    private static object? Plain(ref Utf8JsonReader reader)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.StartObject:
                var map = new ValueMap();
                while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
                {
                    var key = Text(ref reader);
                    reader.Read();
                    map[key] = Plain(ref reader);
                }
                return map;
            case JsonTokenType.StartArray:
                var list = new List<object?>();
                while (reader.Read() && reader.TokenType != JsonTokenType.EndArray) list.Add(Plain(ref reader));
                return list;
            case JsonTokenType.String: return Text(ref reader);
            case JsonTokenType.Number: return reader.TryGetInt64(out var l) ? (object)l : reader.GetDouble();
            case JsonTokenType.True: return True;
            case JsonTokenType.False: return False;
            default: return null;
        }
    }
}
