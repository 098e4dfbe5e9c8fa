using System.Collections;
using AwsCore.Models;

namespace AwsCore.Jmes;

/// <summary>
/// How the interpreter sees the value tree (docs/conventions.md): any dictionary kind is an object, any
/// non-string enumerable an array, any numeric CLR type a number. The common parsed kinds take the fast paths.
/// </summary>
internal static class JmesValue
{
    public static JmesType TypeOf(object? value) => value switch
    {
        null => JmesType.Null,
        string => JmesType.String,
        bool => JmesType.Boolean,
        ValueMap or Dictionary<string, object?> => JmesType.Object,
        List<object?> => JmesType.Array,
        _ => TypeOfSlow(value),
    };

    private static JmesType TypeOfSlow(object value)
    {
        if (JmesNumber.IsNumber(value)) return JmesType.Number;
        if (value is Expref) return JmesType.Expref;
        if (value is byte[] or Stream) return JmesType.Unknown;
        if (value is IDictionary or IDictionary<string, object?> or IReadOnlyDictionary<string, object?>) return JmesType.Object;
        if (value is IEnumerable) return JmesType.Array;
        return JmesType.Unknown;
    }

    /// <summary>The field's value, or null when <paramref name="value"/> is not an object or lacks the key.</summary>
    public static object? GetField(object? value, string name)
    {
        if (value is ValueMap parsed) return parsed.TryGetValue(name, out var found) ? found : null;
        if (value is Dictionary<string, object?> dict) return dict.TryGetValue(name, out var entry) ? entry : null;
        if (value is null or string or List<object?>) return null;
        return GetFieldSlow(value, name);
    }

    public static bool TryGetField(object? value, string name, out object? found)
    {
        switch (value)
        {
            case ValueMap parsed: return parsed.TryGetValue(name, out found);
            case Dictionary<string, object?> dict: return dict.TryGetValue(name, out found);
            case IDictionary<string, object?> generic: return generic.TryGetValue(name, out found);
            case IReadOnlyDictionary<string, object?> readOnly: return readOnly.TryGetValue(name, out found);
            case IDictionary plain when plain.Contains(name):
                found = plain[name];
                return true;
            default:
                found = null;
                return false;
        }
    }

    private static object? GetFieldSlow(object value, string name) =>
        TryGetField(value, name, out var found) ? found : null;

    /// <summary>The array as an indexable list (the value itself when it already is one), or null when not an array.</summary>
    public static IList<object?>? AsList(object? value)
    {
        if (value is List<object?> list) return list;
        if (value is null or string) return null;
        if (TypeOfSlow(value) != JmesType.Array) return null;
        if (value is IList<object?> generic) return generic;
        var copy = new List<object?>();
        foreach (var item in (IEnumerable)value) copy.Add(item);
        return copy;
    }

    /// <summary>The object's entries in their own order, or null when not an object.</summary>
    public static IEnumerable<KeyValuePair<string, object?>>? Entries(object? value) => value switch
    {
        ValueMap parsed => parsed,
        Dictionary<string, object?> dict => dict,
        IDictionary<string, object?> generic => generic,
        IReadOnlyDictionary<string, object?> readOnly => readOnly,
        IDictionary plain => PlainEntries(plain),
        _ => null,
    };

    private static IEnumerable<KeyValuePair<string, object?>> PlainEntries(IDictionary plain)
    {
        foreach (DictionaryEntry entry in plain)
            yield return new KeyValuePair<string, object?>(Convert.ToString(entry.Key, System.Globalization.CultureInfo.InvariantCulture) ?? "", entry.Value);
    }

    public static int ObjectCount(object value) => value switch
    {
        ValueMap parsed => parsed.Count,
        Dictionary<string, object?> dict => dict.Count,
        ICollection collection => collection.Count,
        IReadOnlyCollection<KeyValuePair<string, object?>> readOnly => readOnly.Count,
        ICollection<KeyValuePair<string, object?>> generic => generic.Count,
        _ => Entries(value)!.Count(),
    };

    /// <summary>JMESPath truthiness: false, null, "", [] and {} are false; everything else (0 included) is true.</summary>
    public static bool IsTruthy(object? value)
    {
        switch (value)
        {
            case null: return false;
            case bool b: return b;
            case string s: return s.Length > 0;
            case ValueMap parsed: return parsed.Count > 0;
            case Dictionary<string, object?> dict: return dict.Count > 0;
            case List<object?> list: return list.Count > 0;
        }
        var type = TypeOfSlow(value);
        if (type == JmesType.Object) return ObjectCount(value) > 0;
        if (type != JmesType.Array) return true;
        if (value is ICollection collection) return collection.Count > 0;
        var enumerator = ((IEnumerable)value).GetEnumerator();
        try { return enumerator.MoveNext(); }
        finally { (enumerator as IDisposable)?.Dispose(); }
    }

    /// <summary>Deep JMESPath equality: numbers by value, strings ordinal, arrays in order, objects by key set.</summary>
    public static bool DeepEquals(object? left, object? right)
    {
        if (ReferenceEquals(left, right)) return true;
        var type = TypeOf(left);
        if (type != TypeOf(right)) return false;
        switch (type)
        {
            case JmesType.Null: return true;
            case JmesType.Boolean: return (bool)left! == (bool)right!;
            case JmesType.String: return string.Equals((string)left!, (string)right!, StringComparison.Ordinal);
            case JmesType.Number: return JmesNumber.Compare(left!, right!) == 0;
            case JmesType.Array: return ArraysEqual(AsList(left)!, AsList(right)!);
            case JmesType.Object: return ObjectsEqual(left!, right!);
            case JmesType.Unknown:
                if (left is byte[] a && right is byte[] b) return a.AsSpan().SequenceEqual(b);
                return Equals(left, right);
            default: return false;
        }
    }

    private static bool ArraysEqual(IList<object?> left, IList<object?> right)
    {
        if (left.Count != right.Count) return false;
        for (var i = 0; i < left.Count; i++)
            if (!DeepEquals(left[i], right[i])) return false;
        return true;
    }

    private static bool ObjectsEqual(object left, object right)
    {
        if (ObjectCount(left) != ObjectCount(right)) return false;
        foreach (var entry in Entries(left)!)
            if (!TryGetField(right, entry.Key, out var other) || !DeepEquals(entry.Value, other)) return false;
        return true;
    }

    /// <summary>The name JMESPath's type() and its error messages use.</summary>
    public static string TypeName(JmesType type) => type switch
    {
        JmesType.Null => "null",
        JmesType.Boolean => "boolean",
        JmesType.Number => "number",
        JmesType.String => "string",
        JmesType.Array => "array",
        JmesType.Object => "object",
        JmesType.Expref => "expref",
        _ => "unknown",
    };
}
