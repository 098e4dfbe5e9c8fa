using System.Globalization;
using System.Numerics;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Xml.Linq;
using AwsCore.Protocols;
using AwsCore.Protocols.Cbor;

namespace AwsCore.Conformance.Suites;

/// <summary>Value conversions and Python-equality comparisons used by the protocol suites.</summary>
public static class ProtocolValues
{
    /// <summary>JSON to the input value tree; top-level "NaN"/"Infinity"/"-Infinity" strings become doubles as the botocore runner does.</summary>
    public static Dictionary<string, object?> Params(JsonNode? node)
    {
        var result = new Dictionary<string, object?>(StringComparer.Ordinal);
        if (node is not JsonObject obj) return result;
        foreach (var pair in obj)
        {
            var value = Plain(pair.Value);
            result[pair.Key] = value switch
            {
                "NaN" => double.NaN,
                "Infinity" => double.PositiveInfinity,
                "-Infinity" => double.NegativeInfinity,
                _ => value,
            };
        }
        return result;
    }

    public static object? Plain(JsonNode? node)
    {
        switch (node)
        {
            case null: return null;
            case JsonObject obj:
                var map = new Dictionary<string, object?>(StringComparer.Ordinal);
                foreach (var pair in obj) map[pair.Key] = Plain(pair.Value);
                return map;
            case JsonArray array:
                return array.Select(Plain).ToList();
            default:
                var element = node.GetValue<JsonElement>();
                return element.ValueKind switch
                {
                    JsonValueKind.String => element.GetString(),
                    JsonValueKind.True => true,
                    JsonValueKind.False => false,
                    JsonValueKind.Number => element.TryGetInt64(out var l) ? (object)l : element.GetDouble(),
                    _ => null,
                };
        }
    }

    /// <summary>A parsed value in the form the botocore runner compares: timestamps as epoch seconds, bytes and streams as UTF-8 text, special floats as strings.</summary>
    public static object? Normalize(object? value)
    {
        switch (value)
        {
            case null: return null;
            case DateTime dt: return Timestamps.ToEpochSeconds(dt);
            case byte[] bytes: return Encoding.UTF8.GetString(bytes);
            case Stream stream:
                using (var copy = new MemoryStream())
                {
                    stream.CopyTo(copy);
                    return Encoding.UTF8.GetString(copy.ToArray());
                }
            case double d when double.IsNaN(d): return "NaN";
            case double d when double.IsPositiveInfinity(d): return "Infinity";
            case double d when double.IsNegativeInfinity(d): return "-Infinity";
            case float f: return Normalize((double)f);
            case IDictionary<string, object?> map:
                return map.ToDictionary(p => p.Key, p => Normalize(p.Value), StringComparer.Ordinal);
            case Dictionary<object, object?> cborMap:
                return cborMap.ToDictionary(p => Convert.ToString(p.Key, CultureInfo.InvariantCulture)!, p => Normalize(p.Value), StringComparer.Ordinal);
            case CborTag tag: return Normalize(tag.Id == 1 ? tag.Value : tag);
            case System.Collections.IEnumerable list when value is not string:
                return list.Cast<object?>().Select(Normalize).ToList();
            default: return value;
        }
    }

    /// <summary>Python ==: dicts by key set, lists in order, numbers across int/float, everything else by value.</summary>
    public static string? Compare(object? actual, object? expected, string path)
    {
        if (actual is null || expected is null)
            return actual is null && expected is null ? null : $"{path}: {Show(actual)} != {Show(expected)}";
        if (IsNumber(actual) && IsNumber(expected))
        {
            var a = ToDouble(actual);
            var e = ToDouble(expected);
            return a == e || Math.Abs(a - e) <= 1e-12 * Math.Max(1, Math.Abs(e)) ? null : $"{path}: {Show(actual)} != {Show(expected)}";
        }
        if (actual is Dictionary<string, object?> am && expected is Dictionary<string, object?> em)
        {
            foreach (var key in am.Keys.Union(em.Keys))
            {
                if (!am.ContainsKey(key)) return $"{path}.{key}: missing (expected {Show(em[key])})";
                if (!em.ContainsKey(key)) return $"{path}.{key}: unexpected {Show(am[key])}";
                if (Compare(am[key], em[key], $"{path}.{key}") is { } problem) return problem;
            }
            return null;
        }
        if (actual is List<object?> al && expected is List<object?> el)
        {
            if (al.Count != el.Count) return $"{path}: {al.Count} items != {el.Count}";
            for (var i = 0; i < al.Count; i++)
                if (Compare(al[i], el[i], $"{path}[{i}]") is { } problem) return problem;
            return null;
        }
        if (actual is byte[] ab && expected is byte[] eb) return ab.SequenceEqual(eb) ? null : $"{path}: bytes differ";
        return Equals(actual, expected) ? null : $"{path}: {Show(actual)} != {Show(expected)}";
    }

    private static bool IsNumber(object v) => v is int or long or double or float or ulong or BigInteger or short or byte;

    private static double ToDouble(object v) => v is BigInteger b ? (double)b : Convert.ToDouble(v, CultureInfo.InvariantCulture);

    public static string Show(object? v) => v switch
    {
        null => "null",
        string s => "\"" + s + "\"",
        Dictionary<string, object?> d => "{" + string.Join(", ", d.Select(p => $"{p.Key}: {Show(p.Value)}")) + "}",
        List<object?> l => "[" + string.Join(", ", l.Select(Show)) + "]",
        double d => d.ToString("R", CultureInfo.InvariantCulture),
        _ => Convert.ToString(v, CultureInfo.InvariantCulture) ?? "",
    };

    /// <summary>XML compared as ElementTree.canonicalize(strip_text=True) would: expanded names, sorted attributes, trimmed text.</summary>
    public static string CanonicalXml(string xml)
    {
        var root = XElement.Parse(xml, LoadOptions.PreserveWhitespace);
        var sb = new StringBuilder();
        Write(root, sb);
        return sb.ToString();
    }

    private static void Write(XElement e, StringBuilder sb)
    {
        sb.Append('<').Append(e.Name.ToString());
        foreach (var a in e.Attributes().Where(a => !a.IsNamespaceDeclaration).OrderBy(a => a.Name.ToString(), StringComparer.Ordinal))
            sb.Append(' ').Append(a.Name.ToString()).Append("=\"").Append(a.Value).Append('"');
        sb.Append('>');
        foreach (var node in e.Nodes())
        {
            if (node is XElement child) Write(child, sb);
            else if (node is XText text) sb.Append(text.Value.Trim());
        }
        sb.Append("</").Append(e.Name.ToString()).Append('>');
    }
}
