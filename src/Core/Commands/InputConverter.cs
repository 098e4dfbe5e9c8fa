using System.Globalization;
using AwsCore.Models;

namespace AwsCore.Commands;

/// <summary>
/// Turns what a PowerShell user passes (hashtables, objects the Module has flattened into dictionaries, arrays,
/// numbers, dates) into the value tree an operation's input shape expects, walking the shape alongside the value.
/// Member names match case-insensitively, as PowerShell users expect; a single value given for a list becomes a
/// one-item list; <c>$null</c> members are left out. Every error names the parameter path.
/// </summary>
public sealed class InputConverter
{
    private readonly Func<object, object?>? _unwrap;

    /// <summary>
    /// Creates a converter; <paramref name="unwrap"/> (the Module's PSObject flattening) is applied to every value
    /// before it is looked at, so nested wrapped objects convert too.
    /// </summary>
    public InputConverter(Func<object, object?>? unwrap = null) => _unwrap = unwrap;

    /// <summary>
    /// Converts a whole input (a dictionary, or null for none) against the operation's input shape (null when the
    /// operation takes none). <paramref name="path"/> names the root in errors ("Parameter").
    /// </summary>
    /// <exception cref="ParameterConversionException">A value does not fit its member's shape, or a key is no member.</exception>
    public Dictionary<string, object?> ConvertInput(Shape? inputShape, object? parameters, string path = "Parameter")
    {
        var value = Unwrap(parameters);
        if (value is null) return new Dictionary<string, object?>(StringComparer.Ordinal);
        if (inputShape is null)
        {
            if (ValueKinds.Entries(value) is { } entries && !entries.Any(e => Unwrap(e.Value) is not null))
                return new Dictionary<string, object?>(StringComparer.Ordinal);
            throw new ParameterConversionException(path, "this operation takes no input");
        }
        return ConvertStructure(value, inputShape, path);
    }

    /// <summary>Converts one value against <paramref name="shape"/>; null stays null.</summary>
    public object? Convert(object? value, Shape shape, string path)
    {
        value = Unwrap(value);
        if (value is null) return null;
        if (shape.IsDocument) return ConvertDocument(value, path);
        return shape.Type switch
        {
            ShapeType.Structure => ConvertStructure(value, shape, path),
            ShapeType.Map => ConvertMap(value, shape, path),
            ShapeType.List => ConvertList(value, shape, path),
            ShapeType.String => ConvertString(value, shape, path),
            ShapeType.Integer => (int)ConvertIntegral(value, int.MinValue, int.MaxValue, "an integer", path),
            ShapeType.Long => ConvertIntegral(value, long.MinValue, long.MaxValue, "a long integer", path),
            ShapeType.Float or ShapeType.Double => ConvertFloating(value, path),
            ShapeType.Boolean => value is bool b ? b : throw Mismatch(path, "a boolean", value),
            ShapeType.Timestamp => ConvertTimestamp(value, path),
            ShapeType.Blob => value is byte[] or string or Stream ? value : throw Mismatch(path, "a byte[], a string or a Stream", value),
            ShapeType.BigInteger or ShapeType.BigDecimal => ValueKinds.IsNumber(value) || value is string ? value : throw Mismatch(path, "a number", value),
            _ => throw new ParameterConversionException(path, $"shape '{shape.Name}' has an unsupported type '{shape.TypeName}'"),
        };
    }

    private object? Unwrap(object? value) => value is not null && _unwrap is not null ? _unwrap(value) : value;

    private Dictionary<string, object?> ConvertStructure(object value, Shape shape, string path)
    {
        var entries = ValueKinds.Entries(value)
            ?? throw Mismatch(path, $"a hashtable or an object with properties ({shape.Name})", value);
        var members = shape.Members;
        var result = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var entry in entries)
        {
            var key = entry.Key as string ?? throw new ParameterConversionException(path, $"member names must be strings, got {ValueKinds.Describe(entry.Key)}");
            var name = MemberName(key, members, shape, path);
            var memberPath = path + "." + name;
            if (result.ContainsKey(name))
                throw new ParameterConversionException(memberPath, "given more than once (member names are case-insensitive)");
            var converted = Convert(entry.Value, members[name], memberPath);
            if (converted is not null) result[name] = converted;
        }
        return result;
    }

    private static string MemberName(string key, IReadOnlyDictionary<string, Shape> members, Shape shape, string path)
    {
        if (members.ContainsKey(key)) return key;
        string? found = null;
        foreach (var name in members.Keys)
        {
            if (!string.Equals(name, key, StringComparison.OrdinalIgnoreCase)) continue;
            if (found is not null)
                throw new ParameterConversionException(path + "." + key, $"matches both '{found}' and '{name}'; use the exact case");
            found = name;
        }
        if (found is not null) return found;
        var close = NameSuggestions.Closest(key, members.Keys);
        var hint = close.Count > 0 ? $"; did you mean {string.Join(", ", close)}?" : members.Count == 0 ? "; it has no members" : $"; members: {string.Join(", ", members.Keys)}";
        throw new ParameterConversionException(path + "." + key, $"'{key}' is not a member of {shape.Name}{hint}");
    }

    private Dictionary<string, object?> ConvertMap(object value, Shape shape, string path)
    {
        var entries = ValueKinds.Entries(value) ?? throw Mismatch(path, $"a hashtable ({shape.Name})", value);
        var result = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var entry in entries)
        {
            var key = Unwrap(entry.Key) switch
            {
                string s => s,
                Enum e => e.ToString(),
                var other => throw new ParameterConversionException(path, $"map keys must be strings, got {ValueKinds.Describe(other)}"),
            };
            var entryPath = path + "." + key;
            // A null map value is kept: some maps (DynamoDB attribute updates) give it a meaning.
            result[key] = Convert(entry.Value, shape.MapValue, entryPath);
        }
        return result;
    }

    private List<object?> ConvertList(object value, Shape shape, string path)
    {
        var member = shape.ListMember;
        var result = new List<object?>();
        if (!ValueKinds.IsList(value))
        {
            result.Add(Convert(value, member, path + "[0]"));
            return result;
        }
        var i = 0;
        foreach (var item in (System.Collections.IEnumerable)value)
        {
            var itemPath = path + "[" + i.ToString(CultureInfo.InvariantCulture) + "]";
            result.Add(Convert(item, member, itemPath) ?? throw new ParameterConversionException(itemPath, "a list item cannot be null"));
            i++;
        }
        return result;
    }

    private static string ConvertString(object value, Shape shape, string path)
    {
        var text = value switch
        {
            string s => s,
            char c => c.ToString(),
            Enum e => e.ToString(),
            Guid g => g.ToString(),
            _ => throw Mismatch(path, "a string", value),
        };
        if (shape.Enum is { Count: > 0 } allowed && !allowed.Contains(text))
        {
            // The service decides: models list the values known when they were written, and new ones appear often.
            // Only a value that differs from a known one by case alone is corrected, since that is always a mistake.
            var exact = allowed.FirstOrDefault(a => string.Equals(a, text, StringComparison.OrdinalIgnoreCase));
            if (exact is not null) return exact;
        }
        return text;
    }

    private static long ConvertIntegral(object value, long min, long max, string expected, string path)
    {
        decimal number;
        if (value is float or double)
        {
            var d = System.Convert.ToDouble(value, CultureInfo.InvariantCulture);
            if (double.IsNaN(d) || double.IsInfinity(d) || Math.Abs(d) > 1e19)
                throw new ParameterConversionException(path, $"expected {expected}, got {d.ToString(CultureInfo.InvariantCulture)}");
            number = (decimal)d;
        }
        else if (value is decimal m) number = m;
        else if (value is ulong u) number = u;
        else if (ValueKinds.IsIntegral(value)) number = System.Convert.ToInt64(value, CultureInfo.InvariantCulture);
        else throw Mismatch(path, expected, value);

        if (number != decimal.Truncate(number))
            throw new ParameterConversionException(path, $"expected {expected}, got the fraction {number.ToString(CultureInfo.InvariantCulture)}");
        if (number < min || number > max)
            throw new ParameterConversionException(path, $"{number.ToString(CultureInfo.InvariantCulture)} is out of range for {expected} ({min}..{max})");
        return (long)number;
    }

    private static double ConvertFloating(object value, string path) =>
        ValueKinds.IsNumber(value) ? System.Convert.ToDouble(value, CultureInfo.InvariantCulture) : throw Mismatch(path, "a number", value);

    private static DateTime ConvertTimestamp(object value, string path)
    {
        switch (value)
        {
            case DateTime dt:
                return dt.Kind switch
                {
                    DateTimeKind.Local => dt.ToUniversalTime(),
                    DateTimeKind.Unspecified => DateTime.SpecifyKind(dt, DateTimeKind.Utc),
                    _ => dt,
                };
            case DateTimeOffset dto:
                return dto.UtcDateTime;
            case string s:
                if (DateTimeOffset.TryParse(s, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AllowWhiteSpaces, out var parsed))
                    return parsed.UtcDateTime;
                if (double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds))
                    return FromEpoch(seconds, path);
                throw new ParameterConversionException(path, $"'{s}' is not an ISO 8601 date and time nor epoch seconds");
            default:
                if (ValueKinds.IsNumber(value)) return FromEpoch(System.Convert.ToDouble(value, CultureInfo.InvariantCulture), path);
                throw Mismatch(path, "a DateTime, a DateTimeOffset, an ISO 8601 string or epoch seconds", value);
        }
    }

    private static DateTime FromEpoch(double seconds, string path)
    {
        // DateTime spans years 1..9999: about ±2.5e11 seconds around the epoch.
        if (double.IsNaN(seconds) || seconds < -62135596800d || seconds > 253402300799d)
            throw new ParameterConversionException(path, $"{seconds.ToString(CultureInfo.InvariantCulture)} epoch seconds is not a representable time");
        return new DateTime(1970, 1, 1, 0, 0, 0, DateTimeKind.Utc).AddTicks((long)Math.Round(seconds * TimeSpan.TicksPerSecond));
    }

    private object? ConvertDocument(object? value, string path)
    {
        value = Unwrap(value);
        switch (value)
        {
            case null or string or bool:
                return value;
            case float or double or decimal:
                return System.Convert.ToDouble(value, CultureInfo.InvariantCulture);
            case ulong u when u > long.MaxValue:
                return (double)u;
        }
        if (ValueKinds.IsIntegral(value)) return System.Convert.ToInt64(value, CultureInfo.InvariantCulture);
        if (ValueKinds.Entries(value) is { } entries)
        {
            var map = new Dictionary<string, object?>(StringComparer.Ordinal);
            foreach (var e in entries)
            {
                var key = Unwrap(e.Key) as string ?? throw new ParameterConversionException(path, $"document keys must be strings, got {ValueKinds.Describe(e.Key)}");
                map[key] = ConvertDocument(e.Value, path + "." + key);
            }
            return map;
        }
        if (ValueKinds.IsList(value))
        {
            var list = new List<object?>();
            var i = 0;
            foreach (var item in (System.Collections.IEnumerable)value)
                list.Add(ConvertDocument(item, path + "[" + (i++).ToString(CultureInfo.InvariantCulture) + "]"));
            return list;
        }
        throw Mismatch(path, "a document value (hashtable, array, string, number, boolean or null)", value);
    }

    private static ParameterConversionException Mismatch(string path, string expected, object value) =>
        new(path, $"expected {expected}, got {ValueKinds.Describe(value)}");
}
