using System.Collections;
using System.Globalization;
using System.Numerics;

namespace AwsCore.Protocols;

/// <summary>
/// The accepted input forms of the value tree (docs/conventions.md). The Is/Try members recognise them (which CLR
/// values count as a dictionary, a list, an integral or any number) for the parameter converter and validator; the
/// reading members (Map, List, String, Integer, ...) give the kind a shape needs to the serializers, throwing an
/// <see cref="InputPathException"/> ("expected a string, got Int32") for anything else.
/// </summary>
internal static class InputValues
{
    /// <summary>The entries of any accepted dictionary kind, keys as given; false for anything else.</summary>
    public static bool TryGetEntries(object? value, out List<KeyValuePair<object, object?>> entries)
    {
        entries = null!;
        switch (value)
        {
            case IDictionary dictionary:
                entries = new List<KeyValuePair<object, object?>>(dictionary.Count);
                foreach (DictionaryEntry entry in dictionary)
                    entries.Add(new KeyValuePair<object, object?>(entry.Key, entry.Value));
                return true;
            case IDictionary<string, object?> generic:
                entries = new List<KeyValuePair<object, object?>>(generic.Count);
                foreach (var entry in generic) entries.Add(new KeyValuePair<object, object?>(entry.Key, entry.Value));
                return true;
            case IReadOnlyDictionary<string, object?> readOnly:
                entries = new List<KeyValuePair<object, object?>>(readOnly.Count);
                foreach (var entry in readOnly) entries.Add(new KeyValuePair<object, object?>(entry.Key, entry.Value));
                return true;
            default:
                return false;
        }
    }

    public static bool IsDictionary(object? value) =>
        value is IDictionary or IDictionary<string, object?> or IReadOnlyDictionary<string, object?>;

    /// <summary>Any IEnumerable that is not a string, a byte[] or a dictionary.</summary>
    public static bool IsList(object? value) =>
        value is IEnumerable and not string and not byte[] && !IsDictionary(value);

    public static List<object?> ToItems(object list)
    {
        if (list is ICollection collection)
        {
            var sized = new List<object?>(collection.Count);
            foreach (var item in collection) sized.Add(item);
            return sized;
        }
        var items = new List<object?>();
        foreach (var item in (IEnumerable)list) items.Add(item);
        return items;
    }

    public static bool IsIntegral(object? value) =>
        value is sbyte or byte or short or ushort or int or uint or long or ulong or BigInteger;

    public static bool IsNumber(object? value) =>
        IsIntegral(value) || value is float or double or decimal;

    /// <summary>An integral value as a long; false when it does not fit (a ulong above long.MaxValue, a huge BigInteger).</summary>
    public static bool TryGetInt64(object? value, out long result)
    {
        switch (value)
        {
            case sbyte v: result = v; return true;
            case byte v: result = v; return true;
            case short v: result = v; return true;
            case ushort v: result = v; return true;
            case int v: result = v; return true;
            case uint v: result = v; return true;
            case long v: result = v; return true;
            case ulong v when v <= long.MaxValue: result = (long)v; return true;
            case BigInteger v when v >= long.MinValue && v <= long.MaxValue: result = (long)v; return true;
            default: result = 0; return false;
        }
    }

    /// <summary>Any number as a double (used for range checks and float/double members).</summary>
    public static double ToDouble(object value) => value switch
    {
        BigInteger big => (double)big,
        _ => Convert.ToDouble(value, CultureInfo.InvariantCulture),
    };

    /// <summary>A DateTime as UTC: a local time converted, an unspecified one taken as UTC.</summary>
    public static DateTime Utc(DateTime value) => value.Kind switch
    {
        DateTimeKind.Utc => value,
        DateTimeKind.Local => value.ToUniversalTime(),
        _ => DateTime.SpecifyKind(value, DateTimeKind.Utc),
    };

    /// <summary>The name of a value's type as messages show it: "Int32", "Hashtable", "null".</summary>
    public static string TypeName(object? value) => value is null ? "null" : value.GetType().Name;

    /// <summary>Length as Python's len() counts it: code points, a surrogate pair counting once.</summary>
    public static int CodePointLength(string value)
    {
        var length = value.Length;
        for (var i = 0; i < value.Length - 1; i++)
            if (char.IsHighSurrogate(value[i]) && char.IsLowSurrogate(value[i + 1]))
            {
                length--;
                i++;
            }
        return length;
    }

    public static List<KeyValuePair<string, object?>> Map(object? value)
    {
        switch (value)
        {
            case IDictionary<string, object?> generic:
                return generic.ToList();
            case IReadOnlyDictionary<string, object?> readOnly:
                return readOnly.ToList();
            case IDictionary dictionary:
                var list = new List<KeyValuePair<string, object?>>(dictionary.Count);
                foreach (DictionaryEntry entry in dictionary)
                    list.Add(new KeyValuePair<string, object?>(entry.Key as string ?? Convert.ToString(entry.Key, CultureInfo.InvariantCulture) ?? "", entry.Value));
                return list;
            default:
                throw Expected("a map (dictionary)", value);
        }
    }

    /// <summary>The items of any IEnumerable that is not a string or a byte[] (a dictionary gives its entries).</summary>
    public static List<object?> List(object? value) =>
        value is IEnumerable and not string and not byte[] ? ToItems(value) : throw Expected("a list", value);

    public static string String(object? value) => value switch
    {
        string s => s,
        char c => c.ToString(),
        bool b => b ? "true" : "false",
        Enum e => e.ToString(),
        _ when IsNumber(value) => NumberText(value!),
        _ => throw Expected("a string", value),
    };

    public static bool Boolean(object? value) => value switch
    {
        bool b => b,
        string s when s.Equals("true", StringComparison.OrdinalIgnoreCase) => true,
        string s when s.Equals("false", StringComparison.OrdinalIgnoreCase) => false,
        _ => throw Expected("a boolean", value),
    };

    public static long Integer(object? value)
    {
        if (TryGetInt64(value, out var whole)) return whole;
        try
        {
            return value switch
            {
                _ when IsIntegral(value) => throw new OverflowException(),
                double d when d == Math.Floor(d) && !double.IsInfinity(d) => checked((long)d),
                float f when f == Math.Floor(f) && !float.IsInfinity(f) => checked((long)f),
                decimal m when m == decimal.Floor(m) => (long)m,
                string s when long.TryParse(s, NumberStyles.Integer, CultureInfo.InvariantCulture, out var parsed) => parsed,
                _ => throw Expected("an integer", value),
            };
        }
        catch (OverflowException)
        {
            throw new InputPathException($"{value} is out of range for a 64-bit integer");
        }
    }

    public static double Double(object? value) => value switch
    {
        double d => d,
        float f => double.Parse(f.ToString("R", CultureInfo.InvariantCulture), CultureInfo.InvariantCulture),
        decimal m => (double)m,
        string s when double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed) => parsed,
        string s when s is "NaN" or "Infinity" or "-Infinity" => s == "NaN" ? double.NaN : s[0] == '-' ? double.NegativeInfinity : double.PositiveInfinity,
        _ when IsIntegral(value) => ToDouble(value!),
        _ => throw Expected("a number", value),
    };

    /// <summary>The text Python's str() gives a number: integers as integers, floats in repr form.</summary>
    public static string NumberText(object value) => value switch
    {
        double d => PythonFloat.Repr(d),
        float f => PythonFloat.Repr(Double(f)),
        decimal m => m.ToString(CultureInfo.InvariantCulture),
        _ => Convert.ToString(value, CultureInfo.InvariantCulture)!,
    };

    public static byte[] Blob(object? value)
    {
        switch (value)
        {
            case byte[] bytes: return bytes;
            case string s: return System.Text.Encoding.UTF8.GetBytes(s);
            case ArraySegment<byte> segment: return segment.ToArray();
            case ReadOnlyMemory<byte> memory: return memory.ToArray();
            case Stream stream:
                using (var copy = new MemoryStream())
                {
                    stream.CopyTo(copy);
                    return copy.ToArray();
                }
            default: throw Expected("a blob (byte[], string or Stream)", value);
        }
    }

    public static DateTime Timestamp(object? value)
    {
        switch (value)
        {
            case DateTime dt:
                return Utc(dt);
            case DateTimeOffset dto:
                return dto.UtcDateTime;
            case string s:
                return Timestamps.TryParse(s, out var parsed) ? parsed : throw Expected("a timestamp (ISO 8601, RFC 822 or epoch seconds)", value);
            default:
                if (IsNumber(value)) return Timestamps.FromEpochSeconds(Double(value));
                throw Expected("a timestamp", value);
        }
    }

    public static InputPathException Expected(string what, object? value) => new($"expected {what}, got {TypeName(value)}");
}
