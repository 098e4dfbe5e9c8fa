using AwsCore.Models;
using AwsCore.Protocols.Cbor;

namespace AwsCore.Protocols.RpcV2;

/// <summary>Writes a value tree as the CBOR of a shape (smithy-rpc-v2-cbor): structures as maps without null members, timestamps as tag 1 epoch seconds.</summary>
internal static class CborBodyWriter
{
    public static byte[] Write(Shape shape, object value)
    {
        var writer = new CborWriter();
        WriteValue(writer, shape, value);
        return writer.ToArray();
    }

    private static void WriteValue(CborWriter writer, Shape shape, object? value)
    {
        if (value is null)
        {
            writer.WriteNull();
            return;
        }
        switch (shape.Type)
        {
            case ShapeType.Structure:
                var members = InputValues.Map(value).Where(e => e.Value is not null).ToList();
                writer.WriteMapHeader(members.Count);
                foreach (var entry in members)
                {
                    try
                    {
                        var member = shape.Members.TryGetValue(entry.Key, out var m)
                            ? m
                            : throw new InputPathException($"unknown parameter; {shape.Name} has: {string.Join(", ", shape.Members.Keys)}");
                        writer.WriteString(member.LocationName ?? entry.Key);
                        WriteValue(writer, member, entry.Value);
                    }
                    catch (InputPathException e)
                    {
                        throw e.Within(entry.Key);
                    }
                }
                break;
            case ShapeType.Map:
                var entries = InputValues.Map(value);
                writer.WriteMapHeader(entries.Count);
                foreach (var entry in entries)
                {
                    writer.WriteString(entry.Key);
                    try
                    {
                        WriteValue(writer, shape.MapValue, entry.Value);
                    }
                    catch (InputPathException e)
                    {
                        throw e.Within(entry.Key);
                    }
                }
                break;
            case ShapeType.List:
                var items = InputValues.List(value);
                writer.WriteArrayHeader(items.Count);
                for (var i = 0; i < items.Count; i++)
                {
                    try
                    {
                        WriteValue(writer, shape.ListMember, items[i]);
                    }
                    catch (InputPathException e)
                    {
                        throw e.Within("[" + i + "]");
                    }
                }
                break;
            case ShapeType.Timestamp:
                writer.WriteTag(1);
                writer.WriteInteger(Timestamps.UnixSeconds(InputValues.Timestamp(value)));
                break;
            case ShapeType.Blob:
                writer.WriteBytes(InputValues.Blob(value));
                break;
            case ShapeType.Boolean:
                writer.WriteBoolean(InputValues.Boolean(value));
                break;
            case ShapeType.Float:
                writer.WriteSingle((float)InputValues.Double(value));
                break;
            case ShapeType.Double:
                writer.WriteDouble(InputValues.Double(value));
                break;
            case ShapeType.Integer:
            case ShapeType.Long:
                writer.WriteInteger(InputValues.Integer(value));
                break;
            default:
                writer.WriteString(InputValues.String(value));
                break;
        }
    }
}
