using System.Buffers.Binary;
using System.Text;

namespace AwsCore.Tests.Protocols;

/// <summary>Builds event-stream frames byte by byte, independently of the decoder under test.</summary>
internal static class EventStreamFrames
{
    public static byte[] Message(IEnumerable<(string Name, byte Type, byte[] Value)> headers, byte[] payload)
    {
        var h = new MemoryStream();
        foreach (var (name, type, value) in headers)
        {
            var n = Encoding.UTF8.GetBytes(name);
            h.WriteByte((byte)n.Length);
            h.Write(n);
            h.WriteByte(type);
            h.Write(value);
        }
        var headerBytes = h.ToArray();
        var total = 12 + headerBytes.Length + payload.Length + 4;
        var message = new byte[total];
        BinaryPrimitives.WriteUInt32BigEndian(message.AsSpan(0), (uint)total);
        BinaryPrimitives.WriteUInt32BigEndian(message.AsSpan(4), (uint)headerBytes.Length);
        BinaryPrimitives.WriteUInt32BigEndian(message.AsSpan(8), Crc(message.AsSpan(0, 8)));
        headerBytes.CopyTo(message, 12);
        payload.CopyTo(message, 12 + headerBytes.Length);
        BinaryPrimitives.WriteUInt32BigEndian(message.AsSpan(total - 4), Crc(message.AsSpan(0, total - 4)));
        return message;
    }

    public static (string, byte, byte[]) String(string name, string value)
    {
        var bytes = Encoding.UTF8.GetBytes(value);
        var v = new byte[2 + bytes.Length];
        BinaryPrimitives.WriteUInt16BigEndian(v, (ushort)bytes.Length);
        bytes.CopyTo(v, 2);
        return (name, 7, v);
    }

    public static byte[] Event(string eventType, byte[] payload, string contentType = "application/octet-stream", params (string, byte, byte[])[] extra) =>
        Message(new[] { String(":message-type", "event"), String(":event-type", eventType), String(":content-type", contentType) }.Concat(extra), payload);

    public static byte[] Exception(string exceptionType, string json) =>
        Message(new[] { String(":message-type", "exception"), String(":exception-type", exceptionType), String(":content-type", "application/json") }, Encoding.UTF8.GetBytes(json));

    /// <summary>Bit-at-a-time CRC-32 (reflected 0xEDB88320), deliberately unlike the decoder's table version.</summary>
    private static uint Crc(ReadOnlySpan<byte> data)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in data)
        {
            crc ^= b;
            for (var k = 0; k < 8; k++) crc = (crc & 1) != 0 ? (crc >> 1) ^ 0xEDB88320u : crc >> 1;
        }
        return ~crc;
    }
}
