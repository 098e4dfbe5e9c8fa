#if NET
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Security.Cryptography;

namespace AwsCore.Auth;

/// <summary>
/// SHA-256 through libcrypto's low-level SHA256_Init/Update/Final on a caller-owned context. Hashing a few hundred
/// bytes this way costs a third of what IncrementalHash does (no EVP context set-up or provider dispatch), and a
/// context can be copied: an HMAC key's ipad and opad states are absorbed once and copied per message.
/// Available where libcrypto (OpenSSL 1.1 or 3) loads and exports the three functions; elsewhere
/// <see cref="IsAvailable"/> is false and callers use IncrementalHash.
/// </summary>
[SkipLocalsInit]
internal static unsafe class NativeSha256
{
    /// <summary>Bytes reserved for a SHA256_CTX (112 in OpenSSL 1.1 and 3, rounded up).</summary>
    public const int ContextSize = 128;

    public const int DigestSize = 32;

    public const int BlockSize = 64;

    /// <summary>Inputs up to this length are hashed without the GC transition: the call takes well under a microsecond.</summary>
    private const int ShortInput = 1024;

    private static readonly string[] Candidates = OperatingSystem.IsLinux() ? new[] { "libcrypto.so.3", "libcrypto.so.1.1" }
        : OperatingSystem.IsMacOS() ? new[] { "libcrypto.3.dylib", "/opt/homebrew/opt/openssl@3/lib/libcrypto.3.dylib", "/usr/local/opt/openssl@3/lib/libcrypto.3.dylib" }
        : Array.Empty<string>();

    private static readonly Exports? Loaded = TryLoad(Candidates);

    public static bool IsAvailable => Loaded is not null;

    /// <summary>Resolves the three functions from the first of <paramref name="libraries"/> that loads and has them all.</summary>
    internal static Exports? TryLoad(IEnumerable<string> libraries)
    {
        foreach (var library in libraries)
        {
            if (!NativeLibrary.TryLoad(library, out var handle)) continue;
            if (NativeLibrary.TryGetExport(handle, "SHA256_Init", out var init) &&
                NativeLibrary.TryGetExport(handle, "SHA256_Update", out var update) &&
                NativeLibrary.TryGetExport(handle, "SHA256_Final", out var final))
            {
                var exports = new Exports(init, update, final);
                if (exports.SelfTest()) return exports;
            }
            NativeLibrary.Free(handle);
        }
        return null;
    }

    /// <summary>SHA-256 of <paramref name="data"/> into <paramref name="digest"/> (32 bytes), through <paramref name="memo"/> when given.</summary>
    public static void Hash(ReadOnlySpan<byte> data, Span<byte> digest, FirstBlockMemo? memo = null)
    {
        var exports = Loaded ?? throw new PlatformNotSupportedException("libcrypto's SHA256 functions are not available");
        byte* context = stackalloc byte[ContextSize];
        exports.Init(context);
        if (memo is null) exports.Update(context, data);
        else memo.Absorb(exports, context, InitialState, data);
        exports.Final(context, digest);
    }

    /// <summary>Stands for SHA256_Init's state in <see cref="FirstBlockMemo"/> (an HMAC's inner state is its midstates array).</summary>
    private static readonly object InitialState = new();

    /// <summary>The contexts after absorbing key^ipad and key^opad (RFC 2104), ipad first; copied per message by <see cref="Hmac"/>.</summary>
    public static byte[] HmacMidstates(byte[] key)
    {
        var exports = Loaded ?? throw new PlatformNotSupportedException("libcrypto's SHA256 functions are not available");
        Span<byte> block = stackalloc byte[BlockSize];
        block.Clear(); // the key is zero-padded to a block (and locals are not zeroed here)
        if (key.Length > BlockSize) Hash(key, block);
        else key.CopyTo(block);
        var states = new byte[2 * ContextSize];
        fixed (byte* inner = states)
        {
            var outer = inner + ContextSize;
            for (var i = 0; i < BlockSize; i++) block[i] ^= 0x36;
            exports.Init(inner);
            exports.Update(inner, block);
            for (var i = 0; i < BlockSize; i++) block[i] ^= 0x36 ^ 0x5c;
            exports.Init(outer);
            exports.Update(outer, block);
        }
        block.Clear();
        return states;
    }

    /// <summary>HMAC-SHA256 of <paramref name="message"/> from the midstates made by <see cref="HmacMidstates"/>.</summary>
    public static void Hmac(byte[] midstates, ReadOnlySpan<byte> message, Span<byte> mac, FirstBlockMemo? memo = null)
    {
        var exports = Loaded ?? throw new PlatformNotSupportedException("libcrypto's SHA256 functions are not available");
        byte* context = stackalloc byte[ContextSize];
        Span<byte> inner = stackalloc byte[DigestSize];
        var contextSpan = new Span<byte>(context, ContextSize);
        midstates.AsSpan(0, ContextSize).CopyTo(contextSpan);
        if (memo is null) exports.Update(context, message);
        else memo.Absorb(exports, context, midstates, message);
        exports.Final(context, inner);
        midstates.AsSpan(ContextSize, ContextSize).CopyTo(contextSpan);
        exports.Update(context, inner);
        exports.Final(context, mac);
    }

    /// <summary>
    /// The context after a message's first 64-byte block, kept for the next message that starts from the same state with
    /// the same block, which then skips compressing it: canonical requests of one operation at one endpoint share
    /// their method, path and first headers, and strings to sign under one key share algorithm, time and scope.
    /// One per thread and use; it holds key-derived state, so it is never printed.
    /// </summary>
    internal sealed class FirstBlockMemo
    {
        private readonly byte[] _block = new byte[BlockSize];
        private readonly byte[] _context = new byte[ContextSize];
        private object? _start;

        /// <summary>Absorbs <paramref name="data"/> into <paramref name="context"/>, which holds the state <paramref name="start"/> stands for.</summary>
        public void Absorb(Exports exports, byte* context, object start, ReadOnlySpan<byte> data)
        {
            if (data.Length <= BlockSize)
            {
                exports.Update(context, data);
                return;
            }
            var first = data.Slice(0, BlockSize);
            var contextSpan = new Span<byte>(context, ContextSize);
            if (ReferenceEquals(_start, start) && first.SequenceEqual(_block))
            {
                _context.CopyTo(contextSpan);
            }
            else
            {
                exports.Update(context, first);
                contextSpan.CopyTo(_context);
                first.CopyTo(_block);
                _start = start;
            }
            exports.Update(context, data.Slice(BlockSize));
        }

        public override string ToString() => "FirstBlockMemo";
    }

    /// <summary>The resolved functions. The short-input entry points skip the GC transition (the calls are brief and never block or call back).</summary>
    internal sealed class Exports
    {
        private readonly delegate* unmanaged[SuppressGCTransition]<byte*, int> _init;
        private readonly delegate* unmanaged[SuppressGCTransition]<byte*, byte*, nuint, int> _updateShort;
        private readonly delegate* unmanaged<byte*, byte*, nuint, int> _updateLong;
        private readonly delegate* unmanaged[SuppressGCTransition]<byte*, byte*, int> _final;

        public Exports(IntPtr init, IntPtr update, IntPtr final)
        {
            _init = (delegate* unmanaged[SuppressGCTransition]<byte*, int>)init;
            _updateShort = (delegate* unmanaged[SuppressGCTransition]<byte*, byte*, nuint, int>)update;
            _updateLong = (delegate* unmanaged<byte*, byte*, nuint, int>)update;
            _final = (delegate* unmanaged[SuppressGCTransition]<byte*, byte*, int>)final;
        }

        public void Init(byte* context)
        {
            if (_init(context) != 1) throw new CryptographicException("SHA256_Init failed");
        }

        public void Update(byte* context, ReadOnlySpan<byte> data)
        {
            if (data.Length > ShortInput)
            {
                UpdateLong(context, data);
                return;
            }
            fixed (byte* bytes = data)
            {
                if (_updateShort(context, bytes, (nuint)data.Length) != 1) throw new CryptographicException("SHA256_Update failed");
            }
        }

        // Kept out of line: a call with the GC transition makes the JIT set up a P/Invoke frame in its caller's prologue,
        // which would cost every short hash too.
        [MethodImpl(MethodImplOptions.NoInlining)]
        private void UpdateLong(byte* context, ReadOnlySpan<byte> data)
        {
            fixed (byte* bytes = data)
            {
                if (_updateLong(context, bytes, (nuint)data.Length) != 1) throw new CryptographicException("SHA256_Update failed");
            }
        }

        public void Final(byte* context, Span<byte> digest)
        {
            if (digest.Length < DigestSize) throw new ArgumentException("a SHA-256 digest needs 32 bytes", nameof(digest));
            fixed (byte* output = digest)
            {
                if (_final(output, context) != 1) throw new CryptographicException("SHA256_Final failed");
            }
        }

        /// <summary>Checks the library against SHA-256("abc") (FIPS 180-2) before trusting it.</summary>
        public bool SelfTest()
        {
            byte* context = stackalloc byte[ContextSize];
            Span<byte> digest = stackalloc byte[DigestSize];
            Init(context);
            Update(context, "abc"u8);
            Final(context, digest);
            return Convert.ToHexStringLower(digest) == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad";
        }
    }
}
#endif
