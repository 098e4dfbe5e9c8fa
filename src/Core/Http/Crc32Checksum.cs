#if NET
using ArmCrc32 = System.Runtime.Intrinsics.Arm.Crc32;
using System.Runtime.Intrinsics.X86;
#endif

namespace AwsCore.Http;

/// <summary>
/// CRC-32 (IEEE 802.3, zlib's crc32) and CRC-32C (Castagnoli, iSCSI): reflected, initial value and final xor all ones.
/// Software path: slicing-by-8 tables. On .NET 10, the CPU's CRC instructions where it has them (SSE4.2 for
/// CRC-32C, ARMv8 CRC for both).
/// </summary>
internal sealed class Crc32Checksum : Checksum
{
    public const uint IeeePolynomial = 0xEDB88320;
    public const uint CastagnoliPolynomial = 0x82F63B78;

    private static readonly uint[][] IeeeTables = BuildTables(IeeePolynomial);
    private static readonly uint[][] CastagnoliTables = BuildTables(CastagnoliPolynomial);

    private readonly uint[][] _tables;
    private readonly bool _castagnoli;
    private uint _state = 0xFFFFFFFF;

    private Crc32Checksum(bool castagnoli)
    {
        _castagnoli = castagnoli;
        _tables = castagnoli ? CastagnoliTables : IeeeTables;
    }

    public static Crc32Checksum Crc32() => new(castagnoli: false);

    public static Crc32Checksum Crc32C() => new(castagnoli: true);

    /// <summary>The CRC as a number (what zlib.crc32 returns).</summary>
    public uint Value => ~_state;

    public override void Update(byte[] buffer, int offset, int count)
    {
        if (offset < 0 || count < 0 || offset + count > buffer.Length) throw new ArgumentOutOfRangeException(nameof(count));
#if NET
        if (TryUpdateInHardware(buffer, ref offset, ref count)) return;
#endif
        _state = UpdateSoftware(_tables, _state, buffer, offset, count);
    }

    public override byte[] Digest()
    {
        var value = Value;
        return new[] { (byte)(value >> 24), (byte)(value >> 16), (byte)(value >> 8), (byte)value };
    }

    internal static uint UpdateSoftware(uint[][] tables, uint state, byte[] buffer, int offset, int count)
    {
        var t0 = tables[0];
        var t1 = tables[1];
        var t2 = tables[2];
        var t3 = tables[3];
        var t4 = tables[4];
        var t5 = tables[5];
        var t6 = tables[6];
        var t7 = tables[7];
        var i = offset;
        var end = offset + count;
        while (end - i >= 8)
        {
            var low = state ^ (buffer[i] | (uint)buffer[i + 1] << 8 | (uint)buffer[i + 2] << 16 | (uint)buffer[i + 3] << 24);
            state = t7[low & 0xFF] ^ t6[(low >> 8) & 0xFF] ^ t5[(low >> 16) & 0xFF] ^ t4[low >> 24]
                    ^ t3[buffer[i + 4]] ^ t2[buffer[i + 5]] ^ t1[buffer[i + 6]] ^ t0[buffer[i + 7]];
            i += 8;
        }
        for (; i < end; i++) state = t0[(state ^ buffer[i]) & 0xFF] ^ (state >> 8);
        return state;
    }

    /// <summary>Table k gives the CRC contribution of a byte followed by k zero bytes.</summary>
    internal static uint[][] BuildTables(uint polynomial)
    {
        var tables = new uint[8][];
        for (var k = 0; k < 8; k++) tables[k] = new uint[256];
        for (uint n = 0; n < 256; n++)
        {
            var c = n;
            for (var bit = 0; bit < 8; bit++) c = (c & 1) != 0 ? polynomial ^ (c >> 1) : c >> 1;
            tables[0][n] = c;
        }
        for (var n = 0; n < 256; n++)
            for (var k = 1; k < 8; k++)
                tables[k][n] = (tables[k - 1][n] >> 8) ^ tables[0][tables[k - 1][n] & 0xFF];
        return tables;
    }

#if NET
    private bool TryUpdateInHardware(byte[] buffer, ref int offset, ref int count)
    {
        if (_castagnoli && Sse42.X64.IsSupported)
        {
            ulong state = _state;
            var i = offset;
            var end = offset + count;
            for (; end - i >= 8; i += 8) state = Sse42.X64.Crc32(state, BitConverter.ToUInt64(buffer, i));
            var small = (uint)state;
            for (; i < end; i++) small = Sse42.Crc32(small, buffer[i]);
            _state = small;
            return true;
        }
        if (ArmCrc32.Arm64.IsSupported)
        {
            var state = _state;
            var i = offset;
            var end = offset + count;
            for (; end - i >= 8; i += 8)
            {
                var word = BitConverter.ToUInt64(buffer, i);
                state = _castagnoli ? ArmCrc32.Arm64.ComputeCrc32C(state, word) : ArmCrc32.Arm64.ComputeCrc32(state, word);
            }
            for (; i < end; i++)
                state = _castagnoli ? ArmCrc32.ComputeCrc32C(state, buffer[i]) : ArmCrc32.ComputeCrc32(state, buffer[i]);
            _state = state;
            return true;
        }
        return false;
    }
#endif
}
