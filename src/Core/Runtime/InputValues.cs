using System.Collections;
using System.Globalization;

namespace AwsCore.Runtime;

/// <summary>
/// Recognises the input forms of the value tree (docs/conventions.md): which CLR values count as a dictionary,
/// a list, an integral or any number, and how a value's type is named in messages.
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
        value is sbyte or byte or short or ushort or int or uint or long or ulong or System.Numerics.BigInteger;

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
            case System.Numerics.BigInteger v when v >= long.MinValue && v <= long.MaxValue: result = (long)v; return true;
            default: result = 0; return false;
        }
    }

    /// <summary>Any number as a double (used for range checks and float/double members).</summary>
    public static double ToDouble(object value) => value switch
    {
        System.Numerics.BigInteger big => (double)big,
        _ => System.Convert.ToDouble(value, CultureInfo.InvariantCulture),
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
}
