using System.Text;

namespace AwsCore.Protocols.EventStream;

/// <summary>
/// Reads event-stream messages one at a time from a stream: a 12-byte prelude (total length, headers length, CRC-32 of
/// the first 8 bytes), the headers, the payload, and a CRC-32 of everything before it. Only the current message is held
/// in memory. Both CRCs are checked.
/// </summary>
public sealed class EventStreamDecoder
{
    private const int PreludeLength = 12;
    private const int MaxHeadersLength = 128 * 1024;
    private const int MaxPayloadLength = 24 * 1024 * 1024;
    private static readonly DateTime Epoch = new(1970, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    private readonly Stream _stream;
    private long _offset;

    public EventStreamDecoder(Stream stream) => _stream = stream ?? throw new ArgumentNullException(nameof(stream));

    /// <summary>The next message, or null at a clean end of stream (between messages).</summary>
    public EventStreamMessage? ReadMessage()
    {
        var prelude = new byte[PreludeLength];
        var got = ReadFully(prelude, 0, PreludeLength);
        if (got == 0) return null;
        if (got < PreludeLength) throw Error($"stream ended inside a message prelude ({got} of {PreludeLength} bytes)");
        var message = Frame(prelude, out var totalLength);
        var rest = ReadFully(message, PreludeLength, totalLength - PreludeLength);
        if (rest < totalLength - PreludeLength) throw Error($"stream ended inside a message ({PreludeLength + rest} of {totalLength} bytes)");
        return Decode(message, totalLength);
    }

#if NET
    /// <summary>The next message read asynchronously, or null at a clean end of stream.</summary>
    public async ValueTask<EventStreamMessage?> ReadMessageAsync(CancellationToken cancellationToken = default)
    {
        var prelude = new byte[PreludeLength];
        var got = await _stream.ReadAtLeastAsync(prelude, PreludeLength, throwOnEndOfStream: false, cancellationToken).ConfigureAwait(false);
        if (got == 0) return null;
        if (got < PreludeLength) throw Error($"stream ended inside a message prelude ({got} of {PreludeLength} bytes)");
        var message = Frame(prelude, out var totalLength);
        var want = totalLength - PreludeLength;
        var rest = await _stream.ReadAtLeastAsync(message.AsMemory(PreludeLength, want), want, throwOnEndOfStream: false, cancellationToken).ConfigureAwait(false);
        if (rest < want) throw Error($"stream ended inside a message ({PreludeLength + rest} of {totalLength} bytes)");
        return Decode(message, totalLength);
    }
#endif

    /// <summary>Decodes one complete message held in <paramref name="data"/> (for tests and callers that already framed it).</summary>
    public static EventStreamMessage DecodeMessage(byte[] data)
    {
        if (data.Length < PreludeLength) throw new EventStreamFormatException($"event stream: {data.Length} bytes is shorter than a prelude");
        var decoder = new EventStreamDecoder(Stream.Null);
        var message = decoder.Frame(data, out var total);
        if (total != data.Length) throw new EventStreamFormatException($"event stream: prelude says {total} bytes, message has {data.Length}");
        Buffer.BlockCopy(data, PreludeLength, message, PreludeLength, total - PreludeLength);
        return decoder.Decode(message, total);
    }

    /// <summary>Checks the prelude and allocates the whole message buffer with the prelude copied in.</summary>
    private byte[] Frame(byte[] prelude, out int totalLength)
    {
        var total = ReadUInt32(prelude, 0);
        var headersLength = ReadUInt32(prelude, 4);
        var preludeCrc = ReadUInt32(prelude, 8);
        var actualCrc = Crc32.Compute(prelude, 0, 8);
        if (actualCrc != preludeCrc) throw Error($"prelude checksum mismatch: expected 0x{preludeCrc:x8}, calculated 0x{actualCrc:x8}");
        if (headersLength > MaxHeadersLength) throw Error($"header length of {headersLength} exceeded the maximum of {MaxHeadersLength}");
        if (total < PreludeLength + 4 + headersLength) throw Error($"total length {total} is too small for {headersLength} bytes of headers");
        var payloadLength = total - headersLength - PreludeLength - 4;
        if (payloadLength > MaxPayloadLength) throw Error($"payload length of {payloadLength} exceeded the maximum of {MaxPayloadLength}");
        totalLength = (int)total;
        var message = new byte[totalLength];
        Buffer.BlockCopy(prelude, 0, message, 0, PreludeLength);
        return message;
    }

    private EventStreamMessage Decode(byte[] message, int totalLength)
    {
        var expected = ReadUInt32(message, totalLength - 4);
        var actual = Crc32.Compute(message, 0, totalLength - 4);
        if (expected != actual) throw Error($"message checksum mismatch: expected 0x{expected:x8}, calculated 0x{actual:x8}");
        var headersLength = (int)ReadUInt32(message, 4);
        var headers = ParseHeaders(message, PreludeLength, headersLength);
        var payloadStart = PreludeLength + headersLength;
        var payload = new byte[totalLength - payloadStart - 4];
        Buffer.BlockCopy(message, payloadStart, payload, 0, payload.Length);
        _offset += totalLength;
        return new EventStreamMessage(headers, payload);
    }

    private Dictionary<string, object> ParseHeaders(byte[] data, int start, int length)
    {
        var headers = new Dictionary<string, object>(StringComparer.Ordinal);
        var p = start;
        var end = start + length;
        while (p < end)
        {
            var nameLength = data[p++];
            Need(p, nameLength, end);
            var name = Encoding.UTF8.GetString(data, p, nameLength);
            p += nameLength;
            Need(p, 1, end);
            var type = data[p++];
            object value;
            switch (type)
            {
                case 0: value = true; break;
                case 1: value = false; break;
                case 2: Need(p, 1, end); value = (sbyte)data[p]; p += 1; break;
                case 3: Need(p, 2, end); value = (short)((data[p] << 8) | data[p + 1]); p += 2; break;
                case 4: Need(p, 4, end); value = (int)ReadUInt32(data, p); p += 4; break;
                case 5: Need(p, 8, end); value = ReadInt64(data, p); p += 8; break;
                case 6:
                case 7:
                {
                    Need(p, 2, end);
                    var n = (data[p] << 8) | data[p + 1];
                    p += 2;
                    Need(p, n, end);
                    if (type == 6)
                    {
                        var bytes = new byte[n];
                        Buffer.BlockCopy(data, p, bytes, 0, n);
                        value = bytes;
                    }
                    else value = Encoding.UTF8.GetString(data, p, n);
                    p += n;
                    break;
                }
                case 8: Need(p, 8, end); value = Epoch.AddTicks(ReadInt64(data, p) * TimeSpan.TicksPerMillisecond); p += 8; break;
                case 9:
                {
                    Need(p, 16, end);
                    var hex = new StringBuilder(32);
                    for (var i = 0; i < 16; i++) hex.Append(data[p + i].ToString("x2"));
                    value = Guid.ParseExact(hex.ToString(), "N");
                    p += 16;
                    break;
                }
                default: throw Error($"header '{name}' has unknown type {type}");
            }
            headers[name] = value;
        }
        return headers;
    }

    private void Need(int position, int count, int end)
    {
        if (position + count > end) throw Error("a header runs past the end of the headers section");
    }

    private int ReadFully(byte[] buffer, int offset, int count)
    {
        var total = 0;
        while (total < count)
        {
            var n = _stream.Read(buffer, offset + total, count - total);
            if (n == 0) break;
            total += n;
        }
        return total;
    }

    private static uint ReadUInt32(byte[] d, int p) => (uint)((d[p] << 24) | (d[p + 1] << 16) | (d[p + 2] << 8) | d[p + 3]);

    private static long ReadInt64(byte[] d, int p) => ((long)ReadUInt32(d, p) << 32) | ReadUInt32(d, p + 4);

    private EventStreamFormatException Error(string message) => new($"event stream (message at byte {_offset}): {message}");
}
