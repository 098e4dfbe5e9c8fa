using System.Numerics;
using System.Text.Json;
using AwsCore.Protocols.Cbor;

namespace AwsCore.Conformance.Suites;

/// <summary>
/// botocore's CBOR decode cases: decode-success-tests.json (hex input -> typed expectation such as {"uint": 1},
/// {"float32": bits}, {"tag": {"id", "value"}}) and decode-error-tests.json (hex input that must be rejected).
/// </summary>
public sealed class CborSuite : ConformanceSuite
{
    public override string Name => "cbor";

    public override void Run(string directory, CaseReporter reporter)
    {
        using (var success = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(directory, "decode-success-tests.json"))))
        {
            foreach (var test in success.RootElement.EnumerateArray())
            {
                var name = "success: " + test.GetProperty("description").GetString();
                reporter.Run(name, () =>
                {
                    var decoded = CborDecoder.Decode(FromHex(test.GetProperty("input").GetString()!));
                    var problem = Compare(decoded, test.GetProperty("expect"), "$");
                    if (problem != null) throw new InvalidOperationException(problem);
                });
            }
        }
        using var errors = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(directory, "decode-error-tests.json")));
        foreach (var test in errors.RootElement.EnumerateArray())
        {
            var name = "error: " + test.GetProperty("description").GetString();
            reporter.Run(name, () =>
            {
                try
                {
                    var decoded = CborDecoder.Decode(FromHex(test.GetProperty("input").GetString()!));
                    throw new InvalidOperationException($"decoded to {decoded ?? "null"} instead of being rejected");
                }
                catch (CborFormatException)
                {
                }
            });
        }
    }

    private static string? Compare(object? actual, JsonElement expect, string path)
    {
        var kind = expect.EnumerateObject().First();
        var e = kind.Value;
        switch (kind.Name)
        {
            case "uint":
            case "negint":
                var wanted = BigInteger.Parse(e.GetRawText(), System.Globalization.CultureInfo.InvariantCulture);
                BigInteger? got = actual switch { long l => l, ulong u => u, BigInteger b => b, _ => null };
                return got == wanted ? null : $"{path}: expected integer {wanted}, got {Describe(actual)}";
            case "bool":
                return actual is bool b1 && b1 == e.GetBoolean() ? null : $"{path}: expected {e.GetBoolean()}, got {Describe(actual)}";
            case "null":
                return actual is null ? null : $"{path}: expected null, got {Describe(actual)}";
            case "float32":
                return actual is float f && (uint)BitConverter.ToInt32(BitConverter.GetBytes(f), 0) == e.GetUInt32()
                    ? null : $"{path}: expected float32 bits {e.GetUInt32()}, got {Describe(actual)}";
            case "float64":
                return actual is double d && (ulong)BitConverter.DoubleToInt64Bits(d) == e.GetUInt64()
                    ? null : $"{path}: expected float64 bits {e.GetUInt64()}, got {Describe(actual)}";
            case "bytestring":
                var bytes = e.EnumerateArray().Select(x => (byte)x.GetInt32()).ToArray();
                return actual is byte[] a && a.SequenceEqual(bytes) ? null : $"{path}: expected bytes [{string.Join(",", bytes)}], got {Describe(actual)}";
            case "string":
                return actual is string s && s == e.GetString() ? null : $"{path}: expected \"{e.GetString()}\", got {Describe(actual)}";
            case "list":
                if (actual is not List<object?> list) return $"{path}: expected a list, got {Describe(actual)}";
                var items = e.EnumerateArray().ToArray();
                if (items.Length != list.Count) return $"{path}: expected {items.Length} items, got {list.Count}";
                for (var i = 0; i < items.Length; i++)
                    if (Compare(list[i], items[i], $"{path}[{i}]") is { } p) return p;
                return null;
            case "map":
                if (actual is not Dictionary<object, object?> map) return $"{path}: expected a map, got {Describe(actual)}";
                var props = e.EnumerateObject().ToArray();
                if (props.Length != map.Count) return $"{path}: expected {props.Length} entries, got {map.Count}";
                foreach (var prop in props)
                {
                    if (!map.TryGetValue(prop.Name, out var v)) return $"{path}: missing key {prop.Name}";
                    if (Compare(v, prop.Value, $"{path}.{prop.Name}") is { } p) return p;
                }
                return null;
            case "tag":
                if (actual is not CborTag tag) return $"{path}: expected a tag, got {Describe(actual)}";
                var id = e.GetProperty("id").GetUInt64();
                return tag.Id != id ? $"{path}: expected tag {id}, got {tag.Id}" : Compare(tag.Value, e.GetProperty("value"), $"{path}.tag");
            default:
                return $"{path}: unknown expectation kind '{kind.Name}'";
        }
    }

    private static string Describe(object? value) => value is null ? "null" : $"{value} ({value.GetType().Name})";

    private static byte[] FromHex(string hex)
    {
        var bytes = new byte[hex.Length / 2];
        for (var i = 0; i < bytes.Length; i++) bytes[i] = Convert.ToByte(hex.Substring(i * 2, 2), 16);
        return bytes;
    }
}
