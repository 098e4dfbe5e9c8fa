namespace AwsCore.Http;

/// <summary>
/// CRC-64/NVME (the "CRC64NVME" flexible checksum): reflected polynomial 0x9A6C9329AC4BC9B5, initial value and
/// final xor all ones; slicing-by-8 tables.
/// </summary>
internal sealed class Crc64NvmeChecksum : Checksum
{
    public const ulong Polynomial = 0x9A6C9329AC4BC9B5;

    private static readonly ulong[] Tables = BuildTables();

    private ulong _state = ulong.MaxValue;

    public ulong Value => ~_state;

    public override unsafe void Update(byte[] buffer, int offset, int count)
    {
        if (offset < 0 || count < 0 || offset + count > buffer.Length) throw new ArgumentOutOfRangeException(nameof(count));
        if (count == 0) return;
        var state = _state;
        fixed (ulong* t = Tables)
        fixed (byte* start = &buffer[offset])
        {
            var p = start;
            var end = start + count;
            while (end - p >= 8)
            {
                state ^= p[0] | (ulong)p[1] << 8 | (ulong)p[2] << 16 | (ulong)p[3] << 24
                         | (ulong)p[4] << 32 | (ulong)p[5] << 40 | (ulong)p[6] << 48 | (ulong)p[7] << 56;
                state = t[7 * 256 + (state & 0xFF)] ^ t[6 * 256 + ((state >> 8) & 0xFF)] ^ t[5 * 256 + ((state >> 16) & 0xFF)]
                        ^ t[4 * 256 + ((state >> 24) & 0xFF)] ^ t[3 * 256 + ((state >> 32) & 0xFF)] ^ t[2 * 256 + ((state >> 40) & 0xFF)]
                        ^ t[256 + ((state >> 48) & 0xFF)] ^ t[state >> 56];
                p += 8;
            }
            for (; p < end; p++) state = t[(state ^ *p) & 0xFF] ^ (state >> 8);
        }
        _state = state;
    }

    public override byte[] Digest()
    {
        var value = Value;
        var digest = new byte[8];
        for (var i = 0; i < 8; i++) digest[i] = (byte)(value >> (56 - 8 * i));
        return digest;
    }

    /// <summary>Eight tables of 256, one after another, as for CRC-32.</summary>
    private static ulong[] BuildTables()
    {
        var tables = new ulong[8 * 256];
        for (ulong n = 0; n < 256; n++)
        {
            var c = n;
            for (var bit = 0; bit < 8; bit++) c = (c & 1) != 0 ? Polynomial ^ (c >> 1) : c >> 1;
            tables[n] = c;
        }
        for (var n = 0; n < 256; n++)
            for (var k = 1; k < 8; k++)
            {
                var previous = tables[(k - 1) * 256 + n];
                tables[k * 256 + n] = (previous >> 8) ^ tables[previous & 0xFF];
            }
        return tables;
    }
}
