using System.Collections;
using System.Globalization;
using System.Numerics;

namespace AwsCore.Protocols;

/// <summary>Reads the accepted input forms of the value tree (docs/conventions.md) as the kinds a shape needs.</summary>
internal static class InputValues
{
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

    public static List<object?> List(object? value)
    {
        if (value is null || value is string || value is byte[] || value is not IEnumerable enumerable)
            throw Expected("a list", value);
        var list = new List<object?>();
        foreach (var item in enumerable) list.Add(item);
        return list;
    }

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

    public static bool IsNumber(object? value) => Runtime.InputValues.IsNumber(value);

    public static bool IsIntegral(object? value) => Runtime.InputValues.IsIntegral(value);

    public static long Integer(object? value)
    {
        try
        {
            return value switch
            {
                long l => l,
                int i => i,
                short s => s,
                byte b => b,
                sbyte sb => sb,
                ushort us => us,
                uint ui => ui,
                ulong ul => checked((long)ul),
                BigInteger big => (long)big,
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
        _ when IsIntegral(value) => Convert.ToDouble(value, CultureInfo.InvariantCulture),
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
                return dt.Kind switch
                {
                    DateTimeKind.Utc => dt,
                    DateTimeKind.Local => dt.ToUniversalTime(),
                    _ => DateTime.SpecifyKind(dt, DateTimeKind.Utc),
                };
            case DateTimeOffset dto:
                return dto.UtcDateTime;
            case string s:
                return Timestamps.TryParse(s, out var parsed) ? parsed : throw Expected("a timestamp (ISO 8601, RFC 822 or epoch seconds)", value);
            default:
                if (IsNumber(value)) return Timestamps.FromEpochSeconds(Double(value));
                throw Expected("a timestamp", value);
        }
    }

    public static InputPathException Expected(string what, object? value) =>
        new($"expected {what}, got {(value is null ? "null" : value.GetType().Name)}");
}
