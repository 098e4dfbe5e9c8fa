using System.Collections;

namespace AwsCore.Commands;

/// <summary>Recognizes the dictionary and list kinds the value tree accepts as input.</summary>
internal static class ValueKinds
{
    /// <summary>The entries of any dictionary kind the value tree accepts, or null when <paramref name="value"/> is none.</summary>
    public static IEnumerable<KeyValuePair<object, object?>>? Entries(object value)
    {
        switch (value)
        {
            case IDictionary d:
                return EnumerateDictionary(d);
            case IDictionary<string, object?> g:
                return g.Select(p => new KeyValuePair<object, object?>(p.Key, p.Value));
            case IReadOnlyDictionary<string, object?> r:
                return r.Select(p => new KeyValuePair<object, object?>(p.Key, p.Value));
            default:
                return null;
        }
    }

    /// <summary>True for sequences other than strings, byte arrays and dictionaries.</summary>
    public static bool IsList(object value) =>
        value is IEnumerable && value is not string && value is not byte[] && Entries(value) is null;

    public static bool IsIntegral(object value) =>
        value is sbyte or byte or short or ushort or int or uint or long or ulong;

    public static bool IsNumber(object value) => IsIntegral(value) || value is float or double or decimal;

    /// <summary>A CLR type name the way users know it from PowerShell errors ("Int32", "Hashtable").</summary>
    public static string Describe(object? value) => value is null ? "null" : value.GetType().Name;

    private static IEnumerable<KeyValuePair<object, object?>> EnumerateDictionary(IDictionary d)
    {
        foreach (DictionaryEntry e in d) yield return new KeyValuePair<object, object?>(e.Key, e.Value);
    }
}
