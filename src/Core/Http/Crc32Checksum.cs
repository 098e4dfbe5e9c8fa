#if NET
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;
using ArmCrc32 = System.Runtime.Intrinsics.Arm.Crc32;
#endif

namespace AwsCore.Http;

/// <summary>
/// CRC-32 (IEEE 802.3, zlib's crc32) and CRC-32C (Castagnoli, iSCSI): reflected, initial value and final xor all ones.
/// Software path: slicing-by-8 tables. On .NET 10, the CPU's instructions where it has them: carry-less
/// multiplication (PCLMULQDQ) folding 64 bytes at a time for both, SSE4.2 for CRC-32C tails, ARMv8 CRC for both.
/// </summary>
internal sealed class Crc32Checksum : Checksum
{
    public const uint IeeePolynomial = 0xEDB88320;
    public const uint CastagnoliPolynomial = 0x82F63B78;

    private static readonly uint[] IeeeTables = BuildTables(IeeePolynomial);
    private static readonly uint[] CastagnoliTables = BuildTables(CastagnoliPolynomial);

    private readonly uint[] _tables;
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
        UpdateFast(buffer, offset, count);
#else
        _state = UpdateSoftware(_tables, _state, buffer, offset, count);
#endif
    }

    public override byte[] Digest()
    {
        var value = Value;
        return new[] { (byte)(value >> 24), (byte)(value >> 16), (byte)(value >> 8), (byte)value };
    }

    /// <summary>Slicing-by-8 over flat tables (table k at [k * 256]): eight bytes per step, one lookup per byte.</summary>
    internal static unsafe uint UpdateSoftware(uint[] tables, uint state, byte[] buffer, int offset, int count)
    {
        if (count == 0) return state;
        fixed (byte* start = &buffer[offset]) return UpdateTable(tables, state, start, count);
    }

    private static unsafe uint UpdateTable(uint[] tables, uint state, byte* start, int count)
    {
        fixed (uint* t = tables)
        {
            var p = start;
            var end = start + count;
            while (end - p >= 8)
            {
                var low = state ^ (p[0] | (uint)p[1] << 8 | (uint)p[2] << 16 | (uint)p[3] << 24);
                state = t[7 * 256 + (low & 0xFF)] ^ t[6 * 256 + ((low >> 8) & 0xFF)] ^ t[5 * 256 + ((low >> 16) & 0xFF)] ^ t[4 * 256 + (low >> 24)]
                        ^ t[3 * 256 + p[4]] ^ t[2 * 256 + p[5]] ^ t[256 + p[6]] ^ t[p[7]];
                p += 8;
            }
            for (; p < end; p++) state = t[(state ^ *p) & 0xFF] ^ (state >> 8);
        }
        return state;
    }

    /// <summary>Eight tables of 256, one after another; table k gives the CRC contribution of a byte followed by k zero bytes.</summary>
    internal static uint[] BuildTables(uint polynomial)
    {
        var tables = new uint[8 * 256];
        for (uint n = 0; n < 256; n++)
        {
            var c = n;
            for (var bit = 0; bit < 8; bit++) c = (c & 1) != 0 ? polynomial ^ (c >> 1) : c >> 1;
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

#if NET
    private unsafe void UpdateFast(byte[] buffer, int offset, int count)
    {
        if (count == 0) return;
        if (Pclmulqdq.IsSupported && Sse2.IsSupported && count >= 64)
        {
            var folded = count & ~15;
            fixed (byte* start = &buffer[offset])
                _state = _castagnoli ? Fold(start, folded, _state, CastagnoliFold512, CastagnoliFold128, CastagnoliTables)
                                     : Fold(start, folded, _state, IeeeFold512, IeeeFold128, IeeeTables);
            offset += folded;
            count -= folded;
            if (count == 0) return;
        }
        if (_castagnoli && Sse42.X64.IsSupported)
        {
            fixed (byte* start = &buffer[offset])
            {
                ulong state = _state;
                var p = start;
                var end = start + count;
                for (; end - p >= 8; p += 8) state = Sse42.X64.Crc32(state, *(ulong*)p);
                var small = (uint)state;
                for (; p < end; p++) small = Sse42.Crc32(small, *p);
                _state = small;
            }
            return;
        }
        if (ArmCrc32.Arm64.IsSupported)
        {
            fixed (byte* start = &buffer[offset])
            {
                var state = _state;
                var p = start;
                var end = start + count;
                for (; end - p >= 8; p += 8)
                    state = _castagnoli ? ArmCrc32.Arm64.ComputeCrc32C(state, *(ulong*)p) : ArmCrc32.Arm64.ComputeCrc32(state, *(ulong*)p);
                for (; p < end; p++)
                    state = _castagnoli ? ArmCrc32.ComputeCrc32C(state, *p) : ArmCrc32.ComputeCrc32(state, *p);
                _state = state;
            }
            return;
        }
        _state = UpdateSoftware(_tables, _state, buffer, offset, count);
    }

    // In the reflected bit order a 128-bit block R = H*x^64 + L (H in the low qword) moves D bits further along the
    // message as H*(x^(D+64) mod P) + L*(x^D mod P). A carry-less product of two reflected 64-bit values lands one bit
    // short in a 128-bit frame, so the constants are taken one power lower: x^(D+63) and x^(D-1), bit-reversed in 64 bits.
    private static readonly Vector128<ulong> IeeeFold512 = FoldConstants(IeeePolynomial, 512);
    private static readonly Vector128<ulong> IeeeFold128 = FoldConstants(IeeePolynomial, 128);
    private static readonly Vector128<ulong> CastagnoliFold512 = FoldConstants(CastagnoliPolynomial, 512);
    private static readonly Vector128<ulong> CastagnoliFold128 = FoldConstants(CastagnoliPolynomial, 128);

    /// <summary>CRC state over <paramref name="length"/> bytes (at least 64, a multiple of 16): four lanes folded 64 bytes at a time, then one.</summary>
    private static unsafe uint Fold(byte* p, int length, uint state, Vector128<ulong> fold512, Vector128<ulong> fold128, uint[] tables)
    {
        var x1 = Sse2.Xor(Sse2.LoadVector128(p).AsUInt64(), Vector128.CreateScalar(state).AsUInt64());
        var x2 = Sse2.LoadVector128(p + 16).AsUInt64();
        var x3 = Sse2.LoadVector128(p + 32).AsUInt64();
        var x4 = Sse2.LoadVector128(p + 48).AsUInt64();
        p += 64;
        length -= 64;
        while (length >= 64)
        {
            x1 = FoldInto(x1, fold512, Sse2.LoadVector128(p).AsUInt64());
            x2 = FoldInto(x2, fold512, Sse2.LoadVector128(p + 16).AsUInt64());
            x3 = FoldInto(x3, fold512, Sse2.LoadVector128(p + 32).AsUInt64());
            x4 = FoldInto(x4, fold512, Sse2.LoadVector128(p + 48).AsUInt64());
            p += 64;
            length -= 64;
        }
        x1 = FoldInto(x1, fold128, x2);
        x1 = FoldInto(x1, fold128, x3);
        x1 = FoldInto(x1, fold128, x4);
        for (; length >= 16; p += 16, length -= 16) x1 = FoldInto(x1, fold128, Sse2.LoadVector128(p).AsUInt64());

        // The last 16 bytes stand for the whole message: their CRC from a zero state is the message's.
        var last = stackalloc byte[16];
        Sse2.Store(last, x1.AsByte());
        return UpdateTable(tables, 0, last, 16);
    }

    private static Vector128<ulong> FoldInto(Vector128<ulong> x, Vector128<ulong> k, Vector128<ulong> next) =>
        Sse2.Xor(Sse2.Xor(Pclmulqdq.CarrylessMultiply(x, k, 0x00), Pclmulqdq.CarrylessMultiply(x, k, 0x11)), next);

    private static Vector128<ulong> FoldConstants(uint reflectedPolynomial, int distance) =>
        Vector128.Create(BitReversal.Reverse64(XPowerModP(reflectedPolynomial, distance + 63)), BitReversal.Reverse64(XPowerModP(reflectedPolynomial, distance - 1)));

    /// <summary>x^n mod P in the normal bit order (bit i is the coefficient of x^i).</summary>
    private static ulong XPowerModP(uint reflectedPolynomial, int n)
    {
        ulong normal = BitReversal.Reverse64(reflectedPolynomial) >> 32;
        ulong r = 1;
        for (var i = 0; i < n; i++)
        {
            r <<= 1;
            if ((r & 0x1_0000_0000UL) != 0) r ^= 0x1_0000_0000UL | normal;
        }
        return r;
    }
#endif
}
