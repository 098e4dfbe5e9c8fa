namespace AwsCore.Http;

/// <summary>
/// CRC-64/NVME (the "CRC64NVME" flexible checksum): reflected polynomial 0x9A6C9329AC4BC9B5, initial value and
/// final xor all ones; slicing-by-8 tables.
/// </summary>
internal sealed class Crc64NvmeChecksum : Checksum
{
    public const ulong Polynomial = 0x9A6C9329AC4BC9B5;

    private static readonly ulong[][] Tables = BuildTables();

    private ulong _state = ulong.MaxValue;

    public ulong Value => ~_state;

    public override void Update(byte[] buffer, int offset, int count)
    {
        if (offset < 0 || count < 0 || offset + count > buffer.Length) throw new ArgumentOutOfRangeException(nameof(count));
        var t = Tables;
        var state = _state;
        var i = offset;
        var end = offset + count;
        while (end - i >= 8)
        {
            ulong word = 0;
            for (var b = 7; b >= 0; b--) word = (word << 8) | buffer[i + b];
            state ^= word;
            state = t[7][state & 0xFF] ^ t[6][(state >> 8) & 0xFF] ^ t[5][(state >> 16) & 0xFF] ^ t[4][(state >> 24) & 0xFF]
                    ^ t[3][(state >> 32) & 0xFF] ^ t[2][(state >> 40) & 0xFF] ^ t[1][(state >> 48) & 0xFF] ^ t[0][state >> 56];
            i += 8;
        }
        for (; i < end; i++) state = t[0][(state ^ buffer[i]) & 0xFF] ^ (state >> 8);
        _state = state;
    }

    public override byte[] Digest()
    {
        var value = Value;
        var digest = new byte[8];
        for (var i = 0; i < 8; i++) digest[i] = (byte)(value >> (56 - 8 * i));
        return digest;
    }

    private static ulong[][] BuildTables()
    {
        var tables = new ulong[8][];
        for (var k = 0; k < 8; k++) tables[k] = new ulong[256];
        for (ulong n = 0; n < 256; n++)
        {
            var c = n;
            for (var bit = 0; bit < 8; bit++) c = (c & 1) != 0 ? Polynomial ^ (c >> 1) : c >> 1;
            tables[0][n] = c;
        }
        for (var n = 0; n < 256; n++)
            for (var k = 1; k < 8; k++)
                tables[k][n] = (tables[k - 1][n] >> 8) ^ tables[0][tables[k - 1][n] & 0xFF];
        return tables;
    }
}
