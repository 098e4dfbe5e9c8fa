using System.Numerics;
using AwsCore.Models;
using AwsCore.Protocols.Cbor;

namespace AwsCore.Protocols.RpcV2;

/// <summary>Reads decoded CBOR as the value tree of a shape (botocore's RpcV2CBORParser): members by name, null map values dropped.</summary>
internal static class CborShapeReader
{
    public static object? Read(Shape shape, object? value)
    {
        if (value is null) return null;
        switch (shape.Type)
        {
            case ShapeType.Structure:
                if (shape.IsDocument) return Plain(value);
                return ReadStructure(shape, value);
            case ShapeType.Map:
                if (value is not Dictionary<object, object?> map) return Plain(value);
                var result = new ValueMap();
                foreach (var pair in map)
                    if (pair.Value is not null) result[Convert.ToString(pair.Key, System.Globalization.CultureInfo.InvariantCulture)!] = Read(shape.MapValue, pair.Value);
                return result;
            case ShapeType.List:
                if (value is not List<object?> list) return Plain(value);
                var items = new List<object?>(list.Count);
                foreach (var item in list) items.Add(Read(shape.ListMember, item));
                return items;
            case ShapeType.Timestamp:
                return Timestamp(value);
            case ShapeType.Integer:
                return value is long i && i >= int.MinValue && i <= int.MaxValue ? (int)i : Plain(value);
            case ShapeType.Float:
            case ShapeType.Double:
                return value switch { float f => (double)f, double d => d, long l => (double)l, _ => Plain(value) };
            default:
                return Plain(value);
        }
    }

    public static ValueMap ReadStructure(Shape shape, object? value)
    {
        var parsed = new ValueMap();
        if (value is not Dictionary<object, object?> map) return parsed;
        if (shape.IsUnion)
        {
            var set = map.Where(p => !Equals(p.Key, "__type") && p.Value is not null).ToList();
            if (set.Count != 1) throw new FormatException($"Invalid service response: {shape.Name} must have one and only one member set.");
        }
        foreach (var member in shape.Members)
            if (map.TryGetValue(member.Key, out var raw) && raw is not null)
                parsed[member.Key] = Read(member.Value, raw);
        return parsed;
    }

    private static object? Timestamp(object value) => value switch
    {
        CborTag { Id: 1 } tag => Timestamp(tag.Value!),
        long l => Timestamps.FromEpochSeconds(l),
        double d => Timestamps.FromEpochSeconds(d),
        float f => Timestamps.FromEpochSeconds(f),
        string s => Timestamps.Parse(s),
        _ => throw new FormatException($"Unable to parse datetime value: {value}"),
    };

    /// <summary>A decoded value with no shape to guide it: tag 1 becomes a timestamp, bignum tags a BigInteger, floats doubles.</summary>
    public static object? Plain(object? value)
    {
        switch (value)
        {
            case float f: return (double)f;
            case CborTag { Id: 1 } tag: return Timestamp(tag.Value!);
            case CborTag { Id: 2, Value: byte[] bytes }: return BigNumber(bytes);
            case CborTag { Id: 3, Value: byte[] bytes }: return -BigInteger.One - BigNumber(bytes);
            case CborTag tag: throw new FormatException($"Found CBOR tag not supported: {tag.Id}");
            case Dictionary<object, object?> map:
                var result = new ValueMap();
                foreach (var pair in map)
                    if (pair.Value is not null) result[Convert.ToString(pair.Key, System.Globalization.CultureInfo.InvariantCulture)!] = Plain(pair.Value);
                return result;
            case List<object?> list:
                return list.Select(Plain).ToList();
            default:
                return value;
        }
    }

    private static BigInteger BigNumber(byte[] bigEndian)
    {
        var little = new byte[bigEndian.Length + 1];
        for (var i = 0; i < bigEndian.Length; i++) little[i] = bigEndian[bigEndian.Length - 1 - i];
        return new BigInteger(little);
    }
}
