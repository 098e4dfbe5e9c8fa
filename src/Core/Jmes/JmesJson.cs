using System.Globalization;
using System.Text;
using System.Text.Json;

namespace AwsCore.Jmes;

/// <summary>
/// JSON in and out of the value tree for JMESPath: literals (<c>`...`</c>, quoted identifiers) are read into
/// Dictionary/List/long/double/string/bool/null; to_string() writes compact JSON the way Python's json.dumps does
/// (ASCII-only escapes, no spaces), so results match botocore's.
/// </summary>
internal static class JmesJson
{
    private static readonly JsonDocumentOptions Strict = new() { AllowTrailingCommas = false, CommentHandling = JsonCommentHandling.Disallow, MaxDepth = 256 };

    /// <summary>Parses one JSON value; false when <paramref name="text"/> is not valid JSON.</summary>
    public static bool TryParse(string text, out object? value)
    {
        try
        {
            using var document = JsonDocument.Parse(text, Strict);
            value = ToTree(document.RootElement);
            return true;
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException or ArgumentException)
        {
            value = null;
            return false;
        }
    }

    public static object? ToTree(JsonElement element)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                var dict = new Dictionary<string, object?>(StringComparer.Ordinal);
                foreach (var property in element.EnumerateObject()) dict[property.Name] = ToTree(property.Value);
                return dict;
            case JsonValueKind.Array:
                var list = new List<object?>(element.GetArrayLength());
                foreach (var item in element.EnumerateArray()) list.Add(ToTree(item));
                return list;
            case JsonValueKind.String: return element.GetString();
            case JsonValueKind.Number:
                var raw = element.GetRawText();
                var integral = raw.IndexOfAny(new[] { '.', 'e', 'E' }) < 0;
                if (integral && element.TryGetInt64(out var l)) return l;
                return element.GetDouble();
            case JsonValueKind.True: return true;
            case JsonValueKind.False: return false;
            default: return null;
        }
    }

    /// <summary>
    /// JSON of a tree value as Python's json.dumps writes it: compact (separators ',' and ':', as to_string uses)
    /// or, when <paramref name="spaced"/>, with json.dumps' default ', ' and ': ' (as botocore's pagination tokens use).
    /// </summary>
    public static string Serialize(object? value, bool spaced = false)
    {
        var builder = new StringBuilder();
        Write(builder, value, spaced ? ", " : ",", spaced ? ": " : ":");
        return builder.ToString();
    }

    private static void Write(StringBuilder output, object? value, string comma, string colon)
    {
        switch (JmesValue.TypeOf(value))
        {
            case JmesType.Null: output.Append("null"); return;
            case JmesType.Boolean: output.Append((bool)value! ? "true" : "false"); return;
            case JmesType.String: WriteString(output, (string)value!); return;
            case JmesType.Number: WriteNumber(output, value!); return;
            case JmesType.Array:
                output.Append('[');
                var first = true;
                foreach (var item in JmesValue.AsList(value)!)
                {
                    if (!first) output.Append(comma);
                    first = false;
                    Write(output, item, comma, colon);
                }
                output.Append(']');
                return;
            case JmesType.Object:
                output.Append('{');
                var firstEntry = true;
                foreach (var entry in JmesValue.Entries(value)!)
                {
                    if (!firstEntry) output.Append(comma);
                    firstEntry = false;
                    WriteString(output, entry.Key);
                    output.Append(colon);
                    Write(output, entry.Value, comma, colon);
                }
                output.Append('}');
                return;
            default:
                WriteString(output, DisplayString(value!));
                return;
        }
    }

    /// <summary>Values JSON has no form for are written as their text (Python's default=str).</summary>
    private static string DisplayString(object value) => value switch
    {
        // Python's str() of botocore's timezone-aware datetimes.
        DateTime time => time.ToString(time.Millisecond == 0 && time.Ticks % TimeSpan.TicksPerSecond == 0 ? "yyyy-MM-dd HH:mm:ss" : "yyyy-MM-dd HH:mm:ss.ffffff", CultureInfo.InvariantCulture)
            + (time.Kind == DateTimeKind.Utc ? "+00:00" : ""),
        DateTimeOffset offset => offset.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture) + offset.ToString("zzz", CultureInfo.InvariantCulture),
        byte[] bytes => Convert.ToBase64String(bytes),
        Expref => "expref",
        _ => Convert.ToString(value, CultureInfo.InvariantCulture) ?? "",
    };

    private static void WriteString(StringBuilder output, string text)
    {
        output.Append('"');
        foreach (var c in text)
        {
            switch (c)
            {
                case '"': output.Append("\\\""); break;
                case '\\': output.Append("\\\\"); break;
                case '\n': output.Append("\\n"); break;
                case '\r': output.Append("\\r"); break;
                case '\t': output.Append("\\t"); break;
                case '\b': output.Append("\\b"); break;
                case '\f': output.Append("\\f"); break;
                default:
                    if (c < 0x20 || c > 0x7E) output.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                    else output.Append(c);
                    break;
            }
        }
        output.Append('"');
    }

    private static void WriteNumber(StringBuilder output, object number)
    {
        if (JmesNumber.TryGetInteger(number, out var integer)) { output.Append(integer.ToString(CultureInfo.InvariantCulture)); return; }
        if (number is ulong big) { output.Append(big.ToString(CultureInfo.InvariantCulture)); return; }
        output.Append(PythonFloat(JmesNumber.ToDouble(number)));
    }

    /// <summary>Python's repr(float): shortest round-trip digits, positional from 1e-4 up to 1e16, else d.ddde+XX.</summary>
    internal static string PythonFloat(double value)
    {
        if (double.IsNaN(value)) return "NaN";
        if (double.IsPositiveInfinity(value)) return "Infinity";
        if (double.IsNegativeInfinity(value)) return "-Infinity";
        if (value == 0) return (1 / value) < 0 ? "-0.0" : "0.0";

        var shortest = value.ToString("R", CultureInfo.InvariantCulture);
        // Digits and decimal exponent of the shortest form.
        var negative = shortest[0] == '-';
        var body = negative ? shortest.Substring(1) : shortest;
        var exponent = 0;
        var ePos = body.IndexOfAny(new[] { 'E', 'e' });
        if (ePos >= 0)
        {
            exponent = int.Parse(body.Substring(ePos + 1), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
            body = body.Substring(0, ePos);
        }
        var dot = body.IndexOf('.');
        var intPart = dot >= 0 ? body.Substring(0, dot) : body;
        var fracPart = dot >= 0 ? body.Substring(dot + 1) : "";
        var allDigits = intPart + fracPart;
        var digits = allDigits.TrimStart('0');
        var leadingZeros = allDigits.Length - digits.Length;
        // Where the decimal point falls, counted from the first significant digit.
        var pointPosition = intPart.Length + exponent - leadingZeros;
        digits = digits.TrimEnd('0');
        var decimalExponent = pointPosition - 1;

        var text = new StringBuilder();
        if (negative) text.Append('-');
        if (decimalExponent >= -4 && decimalExponent < 16)
        {
            if (pointPosition <= 0) text.Append("0.").Append('0', -pointPosition).Append(digits);
            else if (pointPosition >= digits.Length) text.Append(digits).Append('0', pointPosition - digits.Length).Append(".0");
            else text.Append(digits, 0, pointPosition).Append('.').Append(digits, pointPosition, digits.Length - pointPosition);
        }
        else
        {
            text.Append(digits[0]);
            if (digits.Length > 1) text.Append('.').Append(digits, 1, digits.Length - 1);
            text.Append('e').Append(decimalExponent < 0 ? '-' : '+').Append(Math.Abs(decimalExponent).ToString("00", CultureInfo.InvariantCulture));
        }
        return text.ToString();
    }
}
