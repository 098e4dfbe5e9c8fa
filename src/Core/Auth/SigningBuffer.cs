using System.Text;

namespace AwsCore.Auth;

/// <summary>
/// The bytes a signature hashes (canonical request, then string to sign), written as UTF-8 straight into one
/// reusable buffer per thread instead of going through a StringBuilder and an encoding pass.
/// </summary>
internal static class SigningBuffer
{
    private const int InitialSize = 1024;
    private const int KeptSize = 16 * 1024;

    [ThreadStatic] private static Writer? t_writer;

    /// <summary>This thread's writer, emptied. A signature uses it from start to end without calling out, so it is never shared.</summary>
    public static Writer Rent()
    {
        var writer = t_writer;
        if (writer is null || writer.Capacity > KeptSize) t_writer = writer = new Writer(InitialSize);
        writer.Clear();
        return writer;
    }

    /// <summary>A growable UTF-8 byte buffer with the appends signing needs.</summary>
    internal sealed class Writer
    {
        private const string HexDigits = "0123456789abcdef";
        private static readonly UTF8Encoding Utf8 = new(false);

        private byte[] _bytes;
        private int _length;

        public Writer(int size) => _bytes = new byte[size];

        /// <summary>The underlying array; the text is its first <see cref="Length"/> bytes.</summary>
        public byte[] Bytes => _bytes;

        public int Length => _length;

        public int Capacity => _bytes.Length;

        public void Clear() => _length = 0;

        public void Append(char ascii)
        {
            if (Length == _bytes.Length) Grow(1);
            _bytes[_length++] = (byte)ascii;
        }

        /// <summary>Appends the text as UTF-8.</summary>
        public void Append(string text)
        {
            Reserve(text.Length * 3);
#if NET
            // Signing text is almost all ASCII: the static transcoder is cheaper per call than the encoder.
            if (System.Text.Ascii.FromUtf16(text, _bytes.AsSpan(_length), out var written) == System.Buffers.OperationStatus.Done) _length += written;
            else _length += Utf8.GetBytes(text, _bytes.AsSpan(_length));
#else
            var bytes = _bytes;
            var length = Length;
            for (var i = 0; i < text.Length; i++)
            {
                var c = text[i];
                if (c >= 0x80)
                {
                    _length = length + Utf8.GetBytes(text, i, text.Length - i, bytes, length);
                    return;
                }
                bytes[length++] = (byte)c;
            }
            _length = length;
#endif
        }

        /// <summary>Appends ASCII text upper-cased (an HTTP method); other characters as UTF-8, unchanged.</summary>
        public void AppendUpperInvariant(string text)
        {
            for (var i = 0; i < text.Length; i++)
            {
                if (text[i] >= 0x80)
                {
                    Append(text.ToUpperInvariant());
                    return;
                }
            }
            Reserve(text.Length);
            foreach (var c in text) _bytes[_length++] = (byte)(c >= 'a' && c <= 'z' ? c - 32 : c);
        }

        /// <summary>Appends a header value trimmed, with every run of whitespace (Python's str.split() set) folded into one space.</summary>
        public void AppendFolded(string value)
        {
#if NET
            if (IsFolded(value))
            {
                Append(value);
                return;
            }
#endif
            Reserve(value.Length * 3);
            var bytes = _bytes;
            var length = Length;
            var pendingSpace = false;
            var any = false;
            for (var i = 0; i < value.Length; i++)
            {
                var c = value[i];
                if (c < 0x80 ? c <= ' ' && IsPythonSpace(c) : IsPythonSpace(c))
                {
                    pendingSpace = any;
                    continue;
                }
                if (pendingSpace) bytes[length++] = (byte)' ';
                pendingSpace = false;
                any = true;
                if (c < 0x80)
                {
                    bytes[length++] = (byte)c;
                    continue;
                }
                // One character, or a surrogate pair, as UTF-8 (a lone surrogate becomes U+FFFD as the encoder makes it).
                var count = char.IsHighSurrogate(c) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]) ? 2 : 1;
                length += Utf8.GetBytes(value, i, count, bytes, length);
                i += count - 1;
            }
            _length = length;
        }

        /// <summary>Appends the bytes as lowercase hex.</summary>
        public void AppendHex(ReadOnlySpan<byte> data)
        {
            Reserve(data.Length * 2);
#if NET
            Convert.TryToHexStringLower(data, _bytes.AsSpan(_length), out var written);
            _length += written;
#else
            var bytes = _bytes;
            var length = Length;
            foreach (var b in data)
            {
                bytes[length++] = (byte)HexDigits[b >> 4];
                bytes[length++] = (byte)HexDigits[b & 0xF];
            }
            _length = length;
#endif
        }

        /// <summary>The text written so far.</summary>
        public string ToText() => Utf8.GetString(_bytes, 0, Length);

        public override string ToString() => $"SigningBuffer({Length} bytes)";

        private void Reserve(int extra)
        {
            if (Length + extra > _bytes.Length) Grow(extra);
        }

        private void Grow(int extra)
        {
            var bigger = new byte[Math.Max(_bytes.Length * 2, Length + extra)];
            Buffer.BlockCopy(_bytes, 0, bigger, 0, Length);
            _bytes = bigger;
        }

#if NET
        /// <summary>
        /// True for printable ASCII with no space at either end and no two spaces in a row: folding would not change it.
        /// (Anything else, including non-ASCII text that needs no folding, takes the character loop.)
        /// </summary>
        private static bool IsFolded(string value) =>
            value.Length == 0 ||
            (value[0] != ' ' && value[value.Length - 1] != ' ' && value.AsSpan().IndexOfAnyExceptInRange(' ', '~') < 0 &&
             !value.Contains("  ", StringComparison.Ordinal));
#endif

        private static bool IsPythonSpace(char c) => char.IsWhiteSpace(c) || (c >= '\x1c' && c <= '\x1f');
    }
}
