#if NET
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;
using ArmCrc32 = System.Runtime.Intrinsics.Arm.Crc32;
#endif

namespace AwsCore.Http;

/// <summary>
/// CRC-32 (IEEE 802.3, zlib's crc32) and CRC-32C (Castagnoli, iSCSI): reflected, initial value and final xor all ones.
/// Software path: slicing-by-8 tables. On .NET 10, the CPU's instructions where it has them: SSE4.2 for CRC-32C,
/// carry-less multiplication (PCLMULQDQ) folding for CRC-32, ARMv8 CRC for both.
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
        if (TryUpdateInHardware(buffer, ref offset, ref count)) return;
#endif
        _state = UpdateSoftware(_tables, _state, buffer, offset, count);
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
        fixed (uint* t = tables)
        fixed (byte* start = &buffer[offset])
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
    private unsafe bool TryUpdateInHardware(byte[] buffer, ref int offset, ref int count)
    {
        if (count == 0) return true;
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
            return true;
        }
        if (!_castagnoli && Pclmulqdq.IsSupported && Sse2.IsSupported && count >= 64)
        {
            var folded = count & ~15;
            fixed (byte* start = &buffer[offset]) _state = FoldIeee(start, folded, _state);
            _state = UpdateSoftware(_tables, _state, buffer, offset + folded, count - folded);
            return true;
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
            return true;
        }
        return false;
    }

    // Folding constants for the reflected IEEE polynomial, from Intel's "Fast CRC Computation for Generic Polynomials
    // Using PCLMULQDQ" (as zlib's and Chromium's SIMD CRC-32 use them): x^(4*128+32), x^(4*128-32), x^(128+32),
    // x^(128-32) and x^64 mod P, then P and the Barrett constant.
    private static readonly Vector128<ulong> K1K2 = Vector128.Create(0x0154442bd4UL, 0x01c6e41596UL);
    private static readonly Vector128<ulong> K3K4 = Vector128.Create(0x01751997d0UL, 0x00ccaa009eUL);
    private static readonly Vector128<ulong> K5K0 = Vector128.Create(0x0163cd6124UL, 0UL);
    private static readonly Vector128<ulong> PolyMu = Vector128.Create(0x01db710641UL, 0x01f7011641UL);

    /// <summary>CRC-32 state over <paramref name="length"/> bytes (at least 64, a multiple of 16) by folding 64 bytes at a time.</summary>
    private static unsafe uint FoldIeee(byte* p, int length, uint state)
    {
        var x1 = Sse2.LoadVector128(p).AsUInt64();
        var x2 = Sse2.LoadVector128(p + 16).AsUInt64();
        var x3 = Sse2.LoadVector128(p + 32).AsUInt64();
        var x4 = Sse2.LoadVector128(p + 48).AsUInt64();
        x1 = Sse2.Xor(x1, Vector128.CreateScalar(state).AsUInt64());
        var k = K1K2;
        p += 64;
        length -= 64;
        while (length >= 64)
        {
            x1 = Fold(x1, k, Sse2.LoadVector128(p).AsUInt64());
            x2 = Fold(x2, k, Sse2.LoadVector128(p + 16).AsUInt64());
            x3 = Fold(x3, k, Sse2.LoadVector128(p + 32).AsUInt64());
            x4 = Fold(x4, k, Sse2.LoadVector128(p + 48).AsUInt64());
            p += 64;
            length -= 64;
        }
        k = K3K4;
        x1 = Fold(x1, k, x2);
        x1 = Fold(x1, k, x3);
        x1 = Fold(x1, k, x4);
        while (length >= 16)
        {
            x1 = Fold(x1, k, Sse2.LoadVector128(p).AsUInt64());
            p += 16;
            length -= 16;
        }

        // 128 bits to 64, then a Barrett reduction to 32.
        var lowMask = Vector128.Create(uint.MaxValue, 0u, uint.MaxValue, 0u).AsUInt64();
        var t = Pclmulqdq.CarrylessMultiply(x1, k, 0x10);
        x1 = Sse2.Xor(Sse2.ShiftRightLogical128BitLane(x1, 8), t);
        t = Sse2.ShiftRightLogical128BitLane(x1, 4);
        x1 = Sse2.Xor(Pclmulqdq.CarrylessMultiply(Sse2.And(x1, lowMask), K5K0, 0x00), t);
        t = Pclmulqdq.CarrylessMultiply(Sse2.And(x1, lowMask), PolyMu, 0x10);
        t = Pclmulqdq.CarrylessMultiply(Sse2.And(t, lowMask), PolyMu, 0x00);
        return Sse2.Xor(x1, t).AsUInt32().GetElement(1);
    }

    private static Vector128<ulong> Fold(Vector128<ulong> x, Vector128<ulong> k, Vector128<ulong> next) =>
        Sse2.Xor(Sse2.Xor(Pclmulqdq.CarrylessMultiply(x, k, 0x11), Pclmulqdq.CarrylessMultiply(x, k, 0x00)), next);
#endif
}
