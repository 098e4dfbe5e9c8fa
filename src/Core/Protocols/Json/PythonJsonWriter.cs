using System.Buffers;
using System.Buffers.Text;

namespace AwsCore.Protocols.Json;

/// <summary>
/// Writes JSON byte for byte as botocore does, through Python's json.dumps with its defaults: ", " between items and
/// ": " after keys ("," and ":" in compact mode, botocore's jsonvalue headers), every character outside printable
/// ASCII escaped as \uXXXX in lower-case hex (UTF-16 units), floats as Python's repr. Equal bytes give botocore's
/// payload hash and signature. Utf8JsonWriter has no option for these separators or this escaping, so bodies are
/// written here; JSON is still read only with Utf8JsonReader. One instance per thread, reused (see <see cref="Rent"/>).
/// </summary>
internal sealed class PythonJsonWriter
{
    private const int InitialCapacity = 1024;
    private const int RetainedCapacity = 1 << 20;

    [ThreadStatic]
    private static PythonJsonWriter? _cached;

    private byte[] _buffer = new byte[InitialCapacity];
    private int _length;
    private bool _afterValue;
    private bool _compact;

    /// <summary>This thread's writer, emptied; <paramref name="compact"/> drops the spaces after separators.</summary>
    public static PythonJsonWriter Rent(bool compact = false)
    {
        var writer = _cached ?? new PythonJsonWriter();
        _cached = null;
        writer._length = 0;
        writer._afterValue = false;
        writer._compact = compact;
        return writer;
    }

    /// <summary>Gives the writer back for the next body on this thread (an oversized buffer is let go).</summary>
    public static void Return(PythonJsonWriter writer)
    {
        if (writer._buffer.Length > RetainedCapacity) return;
        _cached = writer;
    }

    public byte[] ToArray() => _buffer.AsSpan(0, _length).ToArray();

    public void StartObject()
    {
        Separator();
        Put((byte)'{');
        _afterValue = false;
    }

    public void EndObject()
    {
        Put((byte)'}');
        _afterValue = true;
    }

    public void StartArray()
    {
        Separator();
        Put((byte)'[');
        _afterValue = false;
    }

    public void EndArray()
    {
        Put((byte)']');
        _afterValue = true;
    }

    /// <summary>A property name already quoted and escaped (see <see cref="Quote"/>), then the key separator.</summary>
    public void PropertyName(byte[] quoted)
    {
        Separator();
        var span = Reserve(quoted.Length + 2);
        quoted.CopyTo(span);
        span[quoted.Length] = (byte)':';
        _length += quoted.Length + 1;
        if (!_compact) _buffer[_length++] = (byte)' ';
        _afterValue = false;
    }

    public void PropertyName(string name)
    {
        Separator();
        WriteQuoted(name);
        Put((byte)':');
        if (!_compact) Put((byte)' ');
        _afterValue = false;
    }

    public void String(string value)
    {
        Separator();
        WriteQuoted(value);
        _afterValue = true;
    }

    public void Boolean(bool value) => Literal(value ? "true" : "false");

    public void Null() => Literal("null");

    public void Integer(long value)
    {
        Separator();
        var span = Reserve(20);
        Utf8Formatter.TryFormat(value, span, out var written);
        _length += written;
        _afterValue = true;
    }

    public void Integer(ulong value)
    {
        Separator();
        var span = Reserve(20);
        Utf8Formatter.TryFormat(value, span, out var written);
        _length += written;
        _afterValue = true;
    }

    /// <summary>A float as json.dumps writes one: repr, and NaN / Infinity / -Infinity bare.</summary>
    public void Float(double value)
    {
        if (double.IsNaN(value)) Literal("NaN");
        else if (double.IsPositiveInfinity(value)) Literal("Infinity");
        else if (double.IsNegativeInfinity(value)) Literal("-Infinity");
        else Literal(PythonFloat.Repr(value));
    }

    /// <summary>ASCII text written as it is (a number's digits).</summary>
    public void Literal(string ascii)
    {
        Separator();
        var span = Reserve(ascii.Length);
        for (var i = 0; i < ascii.Length; i++) span[i] = (byte)ascii[i];
        _length += ascii.Length;
        _afterValue = true;
    }

    /// <summary>The quoted, escaped form of a name, for <see cref="PropertyName(byte[])"/>.</summary>
    public static byte[] Quote(string name)
    {
        var writer = new PythonJsonWriter();
        writer.WriteQuoted(name);
        return writer.ToArray();
    }

    private void Separator()
    {
        if (!_afterValue) return;
        Put((byte)',');
        if (!_compact) Put((byte)' ');
    }

    private void WriteQuoted(string value)
    {
        // Worst case: every UTF-16 unit becomes \uXXXX.
        Reserve(value.Length * 6 + 2);
        var buffer = _buffer;
        var at = _length;
        buffer[at++] = (byte)'"';
        var i = 0;
#if NET
        // All but the shortest text: find the plain run with a vector search and narrow it in one go (the character
        // loop below costs about two nanoseconds a character).
        if (value.Length >= 4)
        {
            var run = value.AsSpan().IndexOfAnyExcept(Plain);
            if (run < 0) run = value.Length;
            System.Text.Ascii.FromUtf16(value.AsSpan(0, run), buffer.AsSpan(at), out var narrowed);
            at += narrowed;
            i = run;
        }
#endif
        for (; i < value.Length; i++)
        {
            var c = value[i];
            if (c >= ' ' && c <= '~' && c != '"' && c != '\\') buffer[at++] = (byte)c;
            else at += Escape(c, buffer.AsSpan(at));
        }
        buffer[at++] = (byte)'"';
        _length = at;
    }

#if NET
    private static readonly SearchValues<char> Plain = SearchValues.Create(
        " !#$%&'()*+,-./0123456789:;<=>?@ABCDEFGHIJKLMNOPQRSTUVWXYZ[]^_`abcdefghijklmnopqrstuvwxyz{|}~");
#endif

    private static int Escape(char c, Span<byte> into)
    {
        into[0] = (byte)'\\';
        switch (c)
        {
            case '"': into[1] = (byte)'"'; return 2;
            case '\\': into[1] = (byte)'\\'; return 2;
            case '\n': into[1] = (byte)'n'; return 2;
            case '\r': into[1] = (byte)'r'; return 2;
            case '\t': into[1] = (byte)'t'; return 2;
            case '\b': into[1] = (byte)'b'; return 2;
            case '\f': into[1] = (byte)'f'; return 2;
        }
        into[1] = (byte)'u';
        const string hex = "0123456789abcdef";
        into[2] = (byte)hex[c >> 12];
        into[3] = (byte)hex[(c >> 8) & 0xF];
        into[4] = (byte)hex[(c >> 4) & 0xF];
        into[5] = (byte)hex[c & 0xF];
        return 6;
    }

    private void Put(byte b)
    {
        if (_length == _buffer.Length) Grow(1);
        _buffer[_length++] = b;
    }

    private Span<byte> Reserve(int count)
    {
        if (_buffer.Length - _length < count) Grow(count);
        return _buffer.AsSpan(_length);
    }

    private void Grow(int count)
    {
        var bigger = new byte[Math.Max(_buffer.Length * 2, _length + count)];
        _buffer.AsSpan(0, _length).CopyTo(bigger);
        _buffer = bigger;
    }
}
