using System.Text;

namespace AwsCore.Protocols.Cbor;

/// <summary>Writes RFC 8949 data items with definite lengths and the shortest argument encoding.</summary>
internal sealed class CborWriter
{
    private byte[] _buffer;
    private int _length;

    public CborWriter(int capacity = 256) => _buffer = new byte[capacity];

    public byte[] ToArray()
    {
        var result = new byte[_length];
        Buffer.BlockCopy(_buffer, 0, result, 0, _length);
        return result;
    }

    public void WriteInteger(long value)
    {
        if (value >= 0) WriteHead(0, (ulong)value);
        else WriteHead(1, (ulong)(-1 - value));
    }

    public void WriteUnsigned(ulong value) => WriteHead(0, value);

    public void WriteBytes(byte[] value)
    {
        WriteHead(2, (ulong)value.Length);
        WriteRaw(value, 0, value.Length);
    }

    public void WriteString(string value)
    {
        var count = Encoding.UTF8.GetByteCount(value);
        WriteHead(3, (ulong)count);
        Ensure(count);
        _length += Encoding.UTF8.GetBytes(value, 0, value.Length, _buffer, _length);
    }

    public void WriteArrayHeader(int count) => WriteHead(4, (ulong)count);

    public void WriteMapHeader(int count) => WriteHead(5, (ulong)count);

    public void WriteTag(ulong tag) => WriteHead(6, tag);

    public void WriteBoolean(bool value) => WriteByte(value ? (byte)0xF5 : (byte)0xF4);

    public void WriteNull() => WriteByte(0xF6);

    /// <summary>NaN and the infinities as half floats (as botocore sends them); other values as float32.</summary>
    public void WriteSingle(float value)
    {
        if (WriteSpecial(value)) return;
        WriteByte(0xFA);
        var bits = (uint)BitConverter.ToInt32(BitConverter.GetBytes(value), 0);
        WriteBigEndian(bits, 4);
    }

    /// <summary>NaN and the infinities as half floats (as botocore sends them); other values as float64.</summary>
    public void WriteDouble(double value)
    {
        if (WriteSpecial(value)) return;
        WriteByte(0xFB);
        WriteBigEndian((ulong)BitConverter.DoubleToInt64Bits(value), 8);
    }

    private bool WriteSpecial(double value)
    {
        ushort half;
        if (double.IsNaN(value)) half = 0x7E00;
        else if (double.IsPositiveInfinity(value)) half = 0x7C00;
        else if (double.IsNegativeInfinity(value)) half = 0xFC00;
        else return false;
        WriteByte(0xF9);
        WriteBigEndian(half, 2);
        return true;
    }

    private void WriteHead(int major, ulong argument)
    {
        var m = (byte)(major << 5);
        if (argument < 24) WriteByte((byte)(m | (byte)argument));
        else if (argument <= byte.MaxValue) { WriteByte((byte)(m | 24)); WriteBigEndian(argument, 1); }
        else if (argument <= ushort.MaxValue) { WriteByte((byte)(m | 25)); WriteBigEndian(argument, 2); }
        else if (argument <= uint.MaxValue) { WriteByte((byte)(m | 26)); WriteBigEndian(argument, 4); }
        else { WriteByte((byte)(m | 27)); WriteBigEndian(argument, 8); }
    }

    private void WriteBigEndian(ulong value, int count)
    {
        Ensure(count);
        for (var i = count - 1; i >= 0; i--) _buffer[_length++] = (byte)(value >> (8 * i));
    }

    private void WriteByte(byte value)
    {
        Ensure(1);
        _buffer[_length++] = value;
    }

    private void WriteRaw(byte[] data, int offset, int count)
    {
        Ensure(count);
        Buffer.BlockCopy(data, offset, _buffer, _length, count);
        _length += count;
    }

    private void Ensure(int extra)
    {
        if (_length + extra <= _buffer.Length) return;
        var size = Math.Max(_buffer.Length * 2, _length + extra);
        Array.Resize(ref _buffer, size);
    }
}
