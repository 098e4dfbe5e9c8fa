#if NET
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;
#endif

namespace AwsCore.Http;

/// <summary>
/// CRC-64/NVME (the "CRC64NVME" flexible checksum): reflected polynomial 0x9A6C9329AC4BC9B5, initial value and
/// final xor all ones; slicing-by-8 tables, and on .NET 10 with PCLMULQDQ, folding 64 bytes at a time.
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
        fixed (byte* start = &buffer[offset])
        {
            var p = start;
#if NET
            if (Pclmulqdq.IsSupported && Sse2.IsSupported && count >= 64)
            {
                var folded = count & ~15;
                _state = Fold(p, folded, _state);
                p += folded;
                count -= folded;
            }
#endif
            _state = UpdateTable(_state, p, count);
        }
    }

    private static unsafe ulong UpdateTable(ulong state, byte* p, int count)
    {
        fixed (ulong* t = Tables)
        {
            var end = p + count;
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
        return state;
    }

    /// <summary>The table-only path, for tests to compare the folding path with.</summary>
    internal static unsafe ulong UpdateSoftware(ulong state, byte[] buffer, int offset, int count)
    {
        if (count == 0) return state;
        fixed (byte* p = &buffer[offset]) return UpdateTable(state, p, count);
    }

#if NET
    // In the reflected bit order a 128-bit block R = H*x^64 + L (H in the low qword) moves D bits further along the
    // message as H*(x^(D+64) mod P) + L*(x^D mod P). A carry-less product of two reflected 64-bit values lands one bit
    // short in a 128-bit frame, so the constants are taken one power lower: x^(D+63) and x^(D-1), bit-reversed.
    private static readonly Vector128<ulong> Fold512 = Vector128.Create(Reflected(XPowerModP(512 + 63)), Reflected(XPowerModP(512 - 1)));
    private static readonly Vector128<ulong> Fold128 = Vector128.Create(Reflected(XPowerModP(128 + 63)), Reflected(XPowerModP(128 - 1)));

    /// <summary>CRC state over <paramref name="length"/> bytes (at least 64, a multiple of 16): four lanes folded 64 bytes at a time, then one.</summary>
    private static unsafe ulong Fold(byte* p, int length, ulong state)
    {
        var x1 = Sse2.Xor(Sse2.LoadVector128(p).AsUInt64(), Vector128.CreateScalar(state));
        var x2 = Sse2.LoadVector128(p + 16).AsUInt64();
        var x3 = Sse2.LoadVector128(p + 32).AsUInt64();
        var x4 = Sse2.LoadVector128(p + 48).AsUInt64();
        p += 64;
        length -= 64;
        var k = Fold512;
        while (length >= 64)
        {
            x1 = FoldInto(x1, k, Sse2.LoadVector128(p).AsUInt64());
            x2 = FoldInto(x2, k, Sse2.LoadVector128(p + 16).AsUInt64());
            x3 = FoldInto(x3, k, Sse2.LoadVector128(p + 32).AsUInt64());
            x4 = FoldInto(x4, k, Sse2.LoadVector128(p + 48).AsUInt64());
            p += 64;
            length -= 64;
        }
        k = Fold128;
        x1 = FoldInto(x1, k, x2);
        x1 = FoldInto(x1, k, x3);
        x1 = FoldInto(x1, k, x4);
        for (; length >= 16; p += 16, length -= 16) x1 = FoldInto(x1, k, Sse2.LoadVector128(p).AsUInt64());

        // The last 16 bytes stand for the whole message: their CRC from a zero state is the message's.
        var last = stackalloc byte[16];
        Sse2.Store(last, x1.AsByte());
        return UpdateTable(0, last, 16);
    }

    private static Vector128<ulong> FoldInto(Vector128<ulong> x, Vector128<ulong> k, Vector128<ulong> next) =>
        Sse2.Xor(Sse2.Xor(Pclmulqdq.CarrylessMultiply(x, k, 0x00), Pclmulqdq.CarrylessMultiply(x, k, 0x11)), next);

    /// <summary>x^n mod P in the normal bit order (bit i is the coefficient of x^i).</summary>
    private static ulong XPowerModP(int n)
    {
        var normal = BitReversal.Reverse64(Polynomial);
        ulong r = 1;
        for (var i = 0; i < n; i++)
        {
            var carry = r >> 63;
            r <<= 1;
            if (carry != 0) r ^= normal;
        }
        return r;
    }

    /// <summary>A polynomial of degree at most 63 in the reflected order (bit j is the coefficient of x^(63-j)).</summary>
    private static ulong Reflected(ulong normal) => BitReversal.Reverse64(normal);
#endif

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
