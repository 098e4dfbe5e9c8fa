using System.Numerics;
using System.Text;

namespace AwsCore.Protocols.Cbor;

/// <summary>
/// Decodes one RFC 8949 data item into plain .NET values: unsigned and negative integers as <see cref="long"/>
/// (<see cref="ulong"/> or <see cref="BigInteger"/> beyond its range), byte strings as byte[], text as string,
/// arrays as List&lt;object?&gt;, maps as Dictionary&lt;object, object?&gt; (string keys stay strings), half and single
/// floats as <see cref="float"/>, doubles as <see cref="double"/>, true/false/null/undefined, and tags as
/// <see cref="CborTag"/> (interpreting tags is the caller's business). Truncated or malformed input throws
/// <see cref="CborFormatException"/>.
/// </summary>
public static class CborDecoder
{
    private const int Indefinite = 31;
    private const byte Break = 0xFF;

    /// <summary>Decodes the single data item that fills <paramref name="data"/>; trailing bytes are an error.</summary>
    public static object? Decode(byte[] data)
    {
        var reader = new Reader(data);
        var value = reader.ReadItem(0);
        if (reader.Position != data.Length)
            throw new CborFormatException($"CBOR: {data.Length - reader.Position} unexpected byte(s) after the data item at offset {reader.Position}");
        return value;
    }

    private sealed class Reader
    {
        private const int MaxDepth = 256;
        private readonly byte[] _data;

        public Reader(byte[] data) => _data = data;

        public int Position { get; private set; }

        public object? ReadItem(int depth)
        {
            if (depth > MaxDepth) throw Error("nesting deeper than 256 levels");
            var initial = ReadByte("unexpected end of payload");
            var major = initial >> 5;
            var info = initial & 0x1F;
            switch (major)
            {
                case 0:
                {
                    var v = ReadArgument(info, major);
                    return v <= long.MaxValue ? (object)(long)v : v;
                }
                case 1:
                {
                    var v = ReadArgument(info, major);
                    return v <= long.MaxValue ? (object)(-1L - (long)v) : -BigInteger.One - v;
                }
                case 2:
                    return info == Indefinite ? ReadChunks(2) : ReadSlice(ReadLength(info, major));
                case 3:
                {
                    var bytes = info == Indefinite ? ReadChunks(3) : ReadSlice(ReadLength(info, major));
                    return Utf8(bytes);
                }
                case 4:
                {
                    if (info == Indefinite)
                    {
                        var items = new List<object?>();
                        while (!TryReadBreak()) items.Add(ReadItem(depth + 1));
                        return items;
                    }
                    var count = ReadLength(info, major);
                    var list = new List<object?>(Math.Min(count, 1024));
                    for (var i = 0; i < count; i++) list.Add(ReadItem(depth + 1));
                    return list;
                }
                case 5:
                {
                    var map = new Dictionary<object, object?>();
                    if (info == Indefinite)
                    {
                        while (!TryReadBreak()) ReadPair(map, depth);
                        return map;
                    }
                    var count = ReadLength(info, major);
                    for (var i = 0; i < count; i++) ReadPair(map, depth);
                    return map;
                }
                case 6:
                {
                    var id = ReadArgument(info, major);
                    return new CborTag(id, ReadItem(depth + 1));
                }
                default:
                    return ReadSimple(info);
            }
        }

        private void ReadPair(Dictionary<object, object?> map, int depth)
        {
            var key = ReadItem(depth + 1) ?? throw Error("null map key");
            map[key] = ReadItem(depth + 1);
        }

        private object? ReadSimple(int info)
        {
            switch (info)
            {
                case 20: return false;
                case 21: return true;
                case 22:
                case 23: return null;
                case 25: return HalfToSingle((ushort)ReadBigEndian(2, "incomplete float16"));
                case 26:
                {
                    var bits = (int)ReadBigEndian(4, "incomplete float32");
                    return BitConverter.ToSingle(BitConverter.GetBytes(bits), 0);
                }
                case 27: return BitConverter.Int64BitsToDouble((long)ReadBigEndian(8, "incomplete float64"));
                case Indefinite: throw Error("unexpected break marker");
                default:
                    throw Error(info < 25 ? $"unsupported simple value {info}" : $"unexpected minor value {info} for major type 7");
            }
        }

        private byte[] ReadChunks(int major)
        {
            using var buffer = new MemoryStream();
            while (!TryReadBreak())
            {
                var initial = ReadByte("expected break marker");
                var chunkMajor = initial >> 5;
                var info = initial & 0x1F;
                if (chunkMajor != major) throw Error($"unexpected major type {chunkMajor} in indefinite slice");
                if (info == Indefinite) throw Error("nested indefinite slice");
                var chunk = ReadSlice(ReadLength(info, chunkMajor));
                buffer.Write(chunk, 0, chunk.Length);
            }
            return buffer.ToArray();
        }

        private bool TryReadBreak()
        {
            if (Position >= _data.Length) throw Error("expected break marker");
            if (_data[Position] != Break) return false;
            Position++;
            return true;
        }

        private int ReadLength(int info, int major)
        {
            var length = ReadArgument(info, major);
            if (length > (ulong)(_data.Length - Position))
                throw Error($"slice len {length} greater than remaining buf len {_data.Length - Position}");
            return (int)length;
        }

        private ulong ReadArgument(int info, int major)
        {
            if (info < 24) return (ulong)info;
            return info switch
            {
                24 => ReadBigEndian(1, null),
                25 => ReadBigEndian(2, null),
                26 => ReadBigEndian(4, null),
                27 => ReadBigEndian(8, null),
                _ => throw Error($"unexpected minor value {info} for major type {major}"),
            };
        }

        private ulong ReadBigEndian(int count, string? what)
        {
            if (_data.Length - Position < count)
                throw Error(what ?? $"arg len {count} greater than remaining buf len {_data.Length - Position}");
            ulong value = 0;
            for (var i = 0; i < count; i++) value = (value << 8) | _data[Position++];
            return value;
        }

        private byte[] ReadSlice(int length)
        {
            var slice = new byte[length];
            Buffer.BlockCopy(_data, Position, slice, 0, length);
            Position += length;
            return slice;
        }

        private byte ReadByte(string what)
        {
            if (Position >= _data.Length) throw Error(what);
            return _data[Position++];
        }

        private string Utf8(byte[] bytes)
        {
            try
            {
                return StrictUtf8.GetString(bytes);
            }
            catch (DecoderFallbackException)
            {
                throw Error("text string is not valid UTF-8");
            }
        }

        private CborFormatException Error(string message) => new($"CBOR: {message} (offset {Position})");
    }

    private static readonly Encoding StrictUtf8 = new UTF8Encoding(false, true);

    /// <summary>IEEE 754 binary16 to single precision (exact: every half value is a float).</summary>
    private static float HalfToSingle(ushort half)
    {
        var sign = (half >> 15) != 0 ? -1f : 1f;
        var exponent = (half >> 10) & 0x1F;
        var mantissa = half & 0x3FF;
        if (exponent == 0) return sign * mantissa * (float)Math.Pow(2, -24);
        if (exponent == 31) return mantissa == 0 ? sign * float.PositiveInfinity : float.NaN;
        return sign * (1 + mantissa / 1024f) * (float)Math.Pow(2, exponent - 15);
    }
}
