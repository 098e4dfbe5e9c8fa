namespace AwsCore.Protocols.Json;

/// <summary>
/// The keys a map shape's JSON responses carry, kept per shape so that keys that repeat across responses and items (a
/// DynamoDB table's attribute names, tag keys) are one string each instead of a new one per occurrence. A small table
/// of recently seen keys, indexed by a hash of their UTF-8 bytes; a colliding key replaces the older one. Entries are
/// immutable, so readers on any thread share the table without locks.
/// </summary>
internal sealed class MapKeyTable
{
    private const int Slots = 64;
    private const int MaxLength = 48;

    private readonly Entry?[] _entries = new Entry?[Slots];

    /// <summary>The kept string whose UTF-8 bytes are <paramref name="utf8"/> (unescaped), if there is one.</summary>
    public bool TryGet(ReadOnlySpan<byte> utf8, out string text)
    {
        var entry = utf8.Length <= MaxLength ? _entries[Slot(utf8)] : null;
        if (entry is not null && utf8.SequenceEqual(entry.Utf8))
        {
            text = entry.Text;
            return true;
        }
        text = null!;
        return false;
    }

    /// <summary>Keeps <paramref name="text"/>, decoded from <paramref name="utf8"/>, for the next response.</summary>
    public void Remember(ReadOnlySpan<byte> utf8, string text)
    {
        if (utf8.Length <= MaxLength) _entries[Slot(utf8)] = new Entry(utf8.ToArray(), text);
    }

    private static int Slot(ReadOnlySpan<byte> utf8)
    {
        var hash = 2166136261u;
        foreach (var b in utf8) hash = (hash ^ b) * 16777619u;
        return (int)((hash ^ (hash >> 15)) & (Slots - 1));
    }

    private sealed class Entry
    {
        public Entry(byte[] utf8, string text)
        {
            Utf8 = utf8;
            Text = text;
        }

        public byte[] Utf8 { get; }
        public string Text { get; }
    }
}
