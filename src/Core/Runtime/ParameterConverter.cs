using System.Text;
using AwsCore.Models;

namespace AwsCore.Runtime;

/// <summary>
/// Turns user input in any accepted form (docs/conventions.md: any dictionary kind, any enumerable, any number, ...)
/// into the canonical value tree the serializers read, guided by the shape:
/// structures and maps become <c>Dictionary&lt;string, object?&gt;</c> (the caller's order kept), lists <c>List&lt;object?&gt;</c>,
/// integers <c>int</c>, longs <c>long</c>, floats and doubles <c>double</c>, timestamps <c>DateTime</c> (UTC),
/// blobs <c>byte[]</c> (a string as UTF-8; a <c>Stream</c> stays a stream), documents the same tree with numbers as
/// <c>long</c> or <c>double</c>. Null members of a structure are dropped (unset).
/// It never throws for a value it cannot convert: that value is left as it was, for <see cref="ParameterValidator"/>
/// to report with its path. Run it before validating. Stateless and thread-safe.
/// </summary>
public static class ParameterConverter
{
    /// <summary>
    /// Converts an operation's whole input. Null is an empty input. With <paramref name="ignoreMemberNameCase"/>,
    /// a member name that matches exactly one member of the shape case-insensitively is renamed to the model's
    /// spelling (PowerShell hashtables are case-insensitive; botocore itself is not).
    /// </summary>
    public static object ConvertInput(object? parameters, Shape? inputShape, bool ignoreMemberNameCase = false)
    {
        if (parameters is null) return new Dictionary<string, object?>(StringComparer.Ordinal);
        if (inputShape is null) return parameters;
        return new Converter(ignoreMemberNameCase).Convert(parameters, inputShape) ?? new Dictionary<string, object?>(StringComparer.Ordinal);
    }

    /// <summary>Converts one value for <paramref name="shape"/>; see the type's remarks for what each type becomes.</summary>
    public static object? Convert(object? value, Shape shape, bool ignoreMemberNameCase = false) =>
        new Converter(ignoreMemberNameCase).Convert(value, shape);

    /// <summary>Converts a document value: dictionaries and lists rebuilt, integral numbers to long, other numbers to double.</summary>
    public static object? ConvertDocument(object? value)
    {
        switch (value)
        {
            case null or string or bool:
                return value;
            case var _ when InputValues.IsIntegral(value):
                return InputValues.TryGetInt64(value, out var whole) ? whole : value;
            case float or double or decimal:
                return InputValues.ToDouble(value);
            case var _ when InputValues.TryGetEntries(value, out var entries):
                var map = new Dictionary<string, object?>(entries.Count, StringComparer.Ordinal);
                foreach (var entry in entries)
                {
                    if (entry.Key is not string key || map.ContainsKey(key)) return value;
                    map[key] = ConvertDocument(entry.Value);
                }
                return map;
            case var _ when InputValues.IsList(value):
                var items = InputValues.ToItems(value);
                var list = new List<object?>(items.Count);
                foreach (var item in items) list.Add(ConvertDocument(item));
                return list;
            default:
                return value;
        }
    }

    private readonly struct Converter
    {
        private readonly bool _ignoreCase;

        public Converter(bool ignoreCase) => _ignoreCase = ignoreCase;

        public object? Convert(object? value, Shape shape)
        {
            if (value is null) return null;
            if (shape.Type == ShapeType.Structure && shape.IsDocument) return ConvertDocument(value);
            if (shape.JsonValue && shape.Type == ShapeType.String) return value is string ? value : ConvertDocument(value);
            switch (shape.Type)
            {
                case ShapeType.Structure: return ConvertStructure(value, shape);
                case ShapeType.Map: return ConvertMap(value, shape);
                case ShapeType.List: return ConvertList(value, shape);
                case ShapeType.String: return value is Enum e ? e.ToString() : value;
                case ShapeType.Integer:
                    return InputValues.TryGetInt64(value, out var i) && i >= int.MinValue && i <= int.MaxValue ? (int)i : value;
                case ShapeType.Long:
                    return InputValues.TryGetInt64(value, out var l) ? l : value;
                case ShapeType.Float:
                case ShapeType.Double:
                    return InputValues.IsNumber(value) ? InputValues.ToDouble(value) : value;
                case ShapeType.Timestamp:
                    return TimestampInput.TryParse(value, out var utc) ? utc : value;
                case ShapeType.Blob:
                    return value switch
                    {
                        string text => Encoding.UTF8.GetBytes(text),
                        ArraySegment<byte> segment => segment.ToArray(),
                        ReadOnlyMemory<byte> memory => memory.ToArray(),
                        Memory<byte> memory => memory.ToArray(),
                        _ => value,
                    };
                default:
                    return value;
            }
        }

        private object ConvertStructure(object value, Shape shape)
        {
            if (!InputValues.TryGetEntries(value, out var entries)) return value;
            var members = shape.Members;
            var result = new Dictionary<string, object?>(entries.Count, StringComparer.Ordinal);
            var keyed = new List<KeyValuePair<string, object?>>(entries.Count);
            foreach (var entry in entries)
            {
                if (entry.Key is not string name) return value;
                if (entry.Value is null) continue;
                keyed.Add(new KeyValuePair<string, object?>(name, entry.Value));
            }
            foreach (var pair in keyed)
            {
                var name = pair.Key;
                if (!members.ContainsKey(name) && _ignoreCase && MatchIgnoringCase(name, members) is { } modelName
                    && !keyed.Any(k => k.Key == modelName))
                    name = modelName;
                if (result.ContainsKey(name)) return value;
                result[name] = members.TryGetValue(name, out var memberShape) ? Convert(pair.Value, memberShape) : pair.Value;
            }
            return result;
        }

        private static string? MatchIgnoringCase(string name, IReadOnlyDictionary<string, Shape> members)
        {
            string? found = null;
            foreach (var candidate in members.Keys)
            {
                if (!string.Equals(candidate, name, StringComparison.OrdinalIgnoreCase)) continue;
                if (found != null) return null;
                found = candidate;
            }
            return found;
        }

        private object ConvertMap(object value, Shape shape)
        {
            if (!InputValues.TryGetEntries(value, out var entries)) return value;
            var valueShape = shape.MapValue;
            var result = new Dictionary<string, object?>(entries.Count, StringComparer.Ordinal);
            foreach (var entry in entries)
            {
                var key = entry.Key is Enum e ? e.ToString() : entry.Key;
                if (key is not string text || result.ContainsKey(text)) return value;
                result[text] = Convert(entry.Value, valueShape);
            }
            return result;
        }

        private object ConvertList(object value, Shape shape)
        {
            if (!InputValues.IsList(value)) return value;
            var items = InputValues.ToItems(value);
            var member = shape.ListMember;
            var result = new List<object?>(items.Count);
            foreach (var item in items) result.Add(Convert(item, member));
            return result;
        }
    }
}
