using System.Text;
using System.Text.Json;

namespace AwsCore.Protocols.Json;

/// <summary>
/// Rewrites compact JSON the way botocore's bodies are written (Python's json.dumps with its defaults): ", " between
/// items, ": " after keys, and every character outside printable ASCII escaped as \uXXXX (lower-case hex, UTF-16
/// units). Byte-identical bodies give byte-identical payload hashes and signatures.
/// </summary>
internal static class PythonJsonFormat
{
    public static byte[] Reformat(byte[] compact)
    {
        var reader = new Utf8JsonReader(compact);
        var sb = new StringBuilder(compact.Length + compact.Length / 4);
        var needsSeparator = false;
        while (reader.Read())
        {
            switch (reader.TokenType)
            {
                case JsonTokenType.StartObject:
                case JsonTokenType.StartArray:
                    if (needsSeparator) sb.Append(", ");
                    sb.Append(reader.TokenType == JsonTokenType.StartObject ? '{' : '[');
                    needsSeparator = false;
                    break;
                case JsonTokenType.EndObject:
                    sb.Append('}');
                    needsSeparator = true;
                    break;
                case JsonTokenType.EndArray:
                    sb.Append(']');
                    needsSeparator = true;
                    break;
                case JsonTokenType.PropertyName:
                    if (needsSeparator) sb.Append(", ");
                    AppendString(sb, reader.GetString()!);
                    sb.Append(": ");
                    needsSeparator = false;
                    break;
                default:
                    if (needsSeparator) sb.Append(", ");
                    if (reader.TokenType == JsonTokenType.String) AppendString(sb, reader.GetString()!);
                    else sb.Append(Encoding.UTF8.GetString(reader.ValueSpan.ToArray()));
                    needsSeparator = true;
                    break;
            }
        }
        return Encoding.ASCII.GetBytes(sb.ToString());
    }

    private static void AppendString(StringBuilder sb, string value)
    {
        sb.Append('"');
        foreach (var c in value)
        {
            switch (c)
            {
                case '"': sb.Append("\\\""); break;
                case '\\': sb.Append("\\\\"); break;
                case '\n': sb.Append("\\n"); break;
                case '\r': sb.Append("\\r"); break;
                case '\t': sb.Append("\\t"); break;
                case '\b': sb.Append("\\b"); break;
                case '\f': sb.Append("\\f"); break;
                default:
                    if (c >= ' ' && c <= '~') sb.Append(c);
                    else sb.Append("\\u").Append(((int)c).ToString("x4", System.Globalization.CultureInfo.InvariantCulture));
                    break;
            }
        }
        sb.Append('"');
    }
}
