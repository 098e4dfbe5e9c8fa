using System.Collections;

namespace AwsCore.Models;

/// <summary>
/// A structure or map of the value tree as the response parsers build it: string keys compared ordinally, entries kept
/// in the order they were first added (wire order, as botocore's dicts keep it), a replaced value keeping its place
/// and a removed entry closing the gap. Responses are mostly small structures (a DynamoDB attribute value has one
/// member), so an entry costs no more than its key and value, a map of up to 16 entries is searched in order, and
/// only a larger one is given a hash index. Not thread-safe for writers, as Dictionary is not.
/// </summary>
public sealed class ValueMap : IDictionary<string, object?>, IReadOnlyDictionary<string, object?>, IDictionary
{
    private const int ScanLimit = 16;

    private KeyValuePair<string, object?>[] _entries;
    private int _count;
    private int _version;
    private HashIndex? _index;

    /// <summary>An empty map.</summary>
    public ValueMap() => _entries = Array.Empty<KeyValuePair<string, object?>>();

    /// <summary>An empty map with room for <paramref name="capacity"/> entries.</summary>
    public ValueMap(int capacity)
    {
        if (capacity < 0) throw new ArgumentOutOfRangeException(nameof(capacity), "capacity must not be negative");
        _entries = capacity == 0 ? Array.Empty<KeyValuePair<string, object?>>() : new KeyValuePair<string, object?>[capacity];
    }

    /// <summary>A map of <paramref name="entries"/> in their order; a repeated key keeps its first place and last value.</summary>
    public ValueMap(IEnumerable<KeyValuePair<string, object?>> entries)
        : this(entries is ICollection<KeyValuePair<string, object?>> sized ? sized.Count : 0)
    {
        if (entries is null) throw new ArgumentNullException(nameof(entries));
        foreach (var entry in entries) this[entry.Key] = entry.Value;
    }

    /// <summary>The number of entries.</summary>
    public int Count => _count;

    /// <summary>The value of <paramref name="key"/>; setting it adds the entry at the end or replaces the value in place.</summary>
    /// <exception cref="KeyNotFoundException">Getting a key the map lacks.</exception>
    public object? this[string key]
    {
        get
        {
            var at = IndexOf(key);
            if (at < 0) throw new KeyNotFoundException($"The key '{key}' is not in the map.");
            return _entries[at].Value;
        }
        set
        {
            var at = IndexOf(key);
            // A replaced value leaves enumerations running, as Dictionary's does since .NET Core 3.0.
            if (at >= 0) _entries[at] = new KeyValuePair<string, object?>(_entries[at].Key, value);
            else Append(key, value);
        }
    }

    /// <summary>The keys in order.</summary>
    public KeyCollection Keys => new(this);

    /// <summary>The values in key order.</summary>
    public ValueCollection Values => new(this);

    /// <summary>Adds an entry at the end.</summary>
    /// <exception cref="ArgumentException">The key is already in the map.</exception>
    public void Add(string key, object? value)
    {
        if (IndexOf(key) >= 0) throw new ArgumentException($"An entry with the key '{key}' is already in the map.", nameof(key));
        Append(key, value);
    }

    /// <summary>Adds an entry at the end unless the key is already in the map; true when it was added.</summary>
    public bool TryAdd(string key, object? value)
    {
        if (IndexOf(key) >= 0) return false;
        Append(key, value);
        return true;
    }

    public bool ContainsKey(string key) => IndexOf(key) >= 0;

    public bool TryGetValue(string key, out object? value)
    {
        var at = IndexOf(key);
        if (at < 0)
        {
            value = null;
            return false;
        }
        value = _entries[at].Value;
        return true;
    }

    /// <summary>Removes the entry of <paramref name="key"/>; the entries after it move up one place.</summary>
    public bool Remove(string key)
    {
        var at = IndexOf(key);
        if (at < 0) return false;
        RemoveAt(at);
        return true;
    }

    public void Clear()
    {
        Array.Clear(_entries, 0, _count);
        _count = 0;
        _index = null;
        _version++;
    }

    public Enumerator GetEnumerator() => new(this, asEntries: false);

    private int IndexOf(string key)
    {
        if (key is null) throw new ArgumentNullException(nameof(key));
        if (_count <= ScanLimit)
        {
            var entries = _entries;
            for (var i = 0; i < _count; i++)
            {
                var candidate = entries[i].Key;
                if ((object)candidate == key || (candidate.Length == key.Length && string.Equals(candidate, key))) return i;
            }
            return -1;
        }
        var index = Volatile.Read(ref _index);
        if (index is null)
        {
            // Readers on several threads may each build one; every one is complete before it is published.
            index = new HashIndex(_entries, _count);
            Volatile.Write(ref _index, index);
        }
        return index.Find(_entries, key);
    }

    private void Append(string key, object? value)
    {
        if (_count == _entries.Length)
        {
            var grown = new KeyValuePair<string, object?>[_count < 2 ? 4 : _count * 2];
            Array.Copy(_entries, grown, _count);
            _entries = grown;
            _index = null;
        }
        _entries[_count] = new KeyValuePair<string, object?>(key, value);
        _index?.Add(_entries, _count);
        _count++;
        _version++;
    }

    private void RemoveAt(int at)
    {
        _count--;
        if (at < _count) Array.Copy(_entries, at + 1, _entries, at, _count - at);
        _entries[_count] = default;
        _index = null;
        _version++;
    }

    private static string KeyOf(object key) =>
        key as string ?? throw new ArgumentException($"A ValueMap key must be a string, not {key?.GetType().Name ?? "null"}.", nameof(key));

    /// <summary>
    /// Open hashing over the entries array of a map past <see cref="ScanLimit"/>: one bucket head per power-of-two slot and
    /// one chain link per entry, both 1-based so that 0 is the end. Sized for the entries array it was built over; a map
    /// that grows or removes an entry drops it and builds a new one on the next lookup.
    /// </summary>
    private sealed class HashIndex
    {
        private readonly int[] _heads;
        private readonly int[] _next;
        private readonly int[] _hashes;
        private readonly int _mask;

        public HashIndex(KeyValuePair<string, object?>[] entries, int count)
        {
            var slots = 1;
            while (slots < entries.Length * 2) slots <<= 1;
            _heads = new int[slots];
            _mask = slots - 1;
            _next = new int[entries.Length];
            _hashes = new int[entries.Length];
            for (var i = 0; i < count; i++) Add(entries, i);
        }

        public void Add(KeyValuePair<string, object?>[] entries, int at)
        {
            var hash = StringComparer.Ordinal.GetHashCode(entries[at].Key);
            _hashes[at] = hash;
            ref var head = ref _heads[hash & _mask];
            _next[at] = head;
            head = at + 1;
        }

        public int Find(KeyValuePair<string, object?>[] entries, string key)
        {
            var hash = StringComparer.Ordinal.GetHashCode(key);
            for (var link = _heads[hash & _mask]; link != 0; link = _next[link - 1])
            {
                var at = link - 1;
                if (_hashes[at] == hash && string.Equals(entries[at].Key, key)) return at;
            }
            return -1;
        }
    }

    /// <summary>Walks the entries in order; adding, removing or clearing meanwhile ends it with an InvalidOperationException.</summary>
    public struct Enumerator : IEnumerator<KeyValuePair<string, object?>>, IDictionaryEnumerator
    {
        private readonly ValueMap _map;
        private readonly int _version;
        private readonly bool _asEntries;
        private int _next;
        private KeyValuePair<string, object?> _current;

        // asEntries: a non-generic IDictionary enumeration, whose Current is a DictionaryEntry as Hashtable's is.
        internal Enumerator(ValueMap map, bool asEntries)
        {
            _map = map;
            _version = map._version;
            _asEntries = asEntries;
            _next = 0;
            _current = default;
        }

        public readonly KeyValuePair<string, object?> Current => _current;

        readonly object IEnumerator.Current => _asEntries ? new DictionaryEntry(_current.Key, _current.Value) : _current;

        readonly DictionaryEntry IDictionaryEnumerator.Entry => new(_current.Key, _current.Value);

        readonly object IDictionaryEnumerator.Key => _current.Key;

        readonly object? IDictionaryEnumerator.Value => _current.Value;

        public bool MoveNext()
        {
            if (_version != _map._version) throw new InvalidOperationException("The map was changed while it was being enumerated.");
            if (_next >= _map._count)
            {
                _current = default;
                return false;
            }
            _current = _map._entries[_next++];
            return true;
        }

        public void Reset()
        {
            if (_version != _map._version) throw new InvalidOperationException("The map was changed while it was being enumerated.");
            _next = 0;
            _current = default;
        }

        public readonly void Dispose()
        {
        }
    }

    /// <summary>The keys of a map in order, a live read-only view.</summary>
    public readonly struct KeyCollection : ICollection<string>, IReadOnlyCollection<string>, ICollection
    {
        private readonly ValueMap _map;

        internal KeyCollection(ValueMap map) => _map = map;

        public int Count => _map._count;

        public bool Contains(string item) => _map.ContainsKey(item);

        public IEnumerator<string> GetEnumerator()
        {
            foreach (var entry in _map) yield return entry.Key;
        }

        public void CopyTo(string[] array, int arrayIndex)
        {
            CheckRoom(array, arrayIndex, _map._count);
            for (var i = 0; i < _map._count; i++) array[arrayIndex + i] = _map._entries[i].Key;
        }

        bool ICollection<string>.IsReadOnly => true;

        bool ICollection.IsSynchronized => false;

        object ICollection.SyncRoot => _map;

        void ICollection.CopyTo(Array array, int index)
        {
            CheckRoom(array, index, _map._count);
            for (var i = 0; i < _map._count; i++) array.SetValue(_map._entries[i].Key, index + i);
        }

        IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

        void ICollection<string>.Add(string item) => throw ReadOnlyView();

        void ICollection<string>.Clear() => throw ReadOnlyView();

        bool ICollection<string>.Remove(string item) => throw ReadOnlyView();
    }

    /// <summary>The values of a map in key order, a live read-only view.</summary>
    public readonly struct ValueCollection : ICollection<object?>, IReadOnlyCollection<object?>, ICollection
    {
        private readonly ValueMap _map;

        internal ValueCollection(ValueMap map) => _map = map;

        public int Count => _map._count;

        public bool Contains(object? item)
        {
            for (var i = 0; i < _map._count; i++)
                if (Equals(_map._entries[i].Value, item)) return true;
            return false;
        }

        public IEnumerator<object?> GetEnumerator()
        {
            foreach (var entry in _map) yield return entry.Value;
        }

        public void CopyTo(object?[] array, int arrayIndex)
        {
            CheckRoom(array, arrayIndex, _map._count);
            for (var i = 0; i < _map._count; i++) array[arrayIndex + i] = _map._entries[i].Value;
        }

        bool ICollection<object?>.IsReadOnly => true;

        bool ICollection.IsSynchronized => false;

        object ICollection.SyncRoot => _map;

        void ICollection.CopyTo(Array array, int index)
        {
            CheckRoom(array, index, _map._count);
            for (var i = 0; i < _map._count; i++) array.SetValue(_map._entries[i].Value, index + i);
        }

        IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

        void ICollection<object?>.Add(object? item) => throw ReadOnlyView();

        void ICollection<object?>.Clear() => throw ReadOnlyView();

        bool ICollection<object?>.Remove(object? item) => throw ReadOnlyView();
    }

    private static void CheckRoom(Array array, int index, int count)
    {
        if (array is null) throw new ArgumentNullException(nameof(array));
        if (index < 0 || index > array.Length) throw new ArgumentOutOfRangeException(nameof(index), "index is outside the array");
        if (array.Length - index < count) throw new ArgumentException("The array is too small for the map's entries.", nameof(array));
    }

    private static NotSupportedException ReadOnlyView() => new("The keys and values of a ValueMap are a read-only view; change the map itself.");

    // The generic and non-generic dictionary interfaces, over the members above.

    ICollection<string> IDictionary<string, object?>.Keys => Keys;

    ICollection<object?> IDictionary<string, object?>.Values => Values;

    IEnumerable<string> IReadOnlyDictionary<string, object?>.Keys => Keys;

    IEnumerable<object?> IReadOnlyDictionary<string, object?>.Values => Values;

    bool ICollection<KeyValuePair<string, object?>>.IsReadOnly => false;

    void ICollection<KeyValuePair<string, object?>>.Add(KeyValuePair<string, object?> item) => Add(item.Key, item.Value);

    bool ICollection<KeyValuePair<string, object?>>.Contains(KeyValuePair<string, object?> item) =>
        TryGetValue(item.Key, out var value) && EqualityComparer<object?>.Default.Equals(value, item.Value);

    bool ICollection<KeyValuePair<string, object?>>.Remove(KeyValuePair<string, object?> item)
    {
        var at = IndexOf(item.Key);
        if (at < 0 || !EqualityComparer<object?>.Default.Equals(_entries[at].Value, item.Value)) return false;
        RemoveAt(at);
        return true;
    }

    void ICollection<KeyValuePair<string, object?>>.CopyTo(KeyValuePair<string, object?>[] array, int arrayIndex)
    {
        CheckRoom(array, arrayIndex, _count);
        Array.Copy(_entries, 0, array, arrayIndex, _count);
    }

    IEnumerator<KeyValuePair<string, object?>> IEnumerable<KeyValuePair<string, object?>>.GetEnumerator() => GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    object? IDictionary.this[object key]
    {
        get => key is string name && TryGetValue(name, out var value) ? value : null;
        set => this[KeyOf(key)] = value;
    }

    ICollection IDictionary.Keys => Keys;

    ICollection IDictionary.Values => Values;

    bool IDictionary.IsReadOnly => false;

    bool IDictionary.IsFixedSize => false;

    bool ICollection.IsSynchronized => false;

    object ICollection.SyncRoot => this;

    void IDictionary.Add(object key, object? value) => Add(KeyOf(key), value);

    bool IDictionary.Contains(object key) => key is string name && ContainsKey(name);

    IDictionaryEnumerator IDictionary.GetEnumerator() => new Enumerator(this, asEntries: true);

    void IDictionary.Remove(object key)
    {
        if (key is string name) Remove(name);
    }

    void ICollection.CopyTo(Array array, int index)
    {
        CheckRoom(array, index, _count);
        var plain = array as DictionaryEntry[];
        for (var i = 0; i < _count; i++)
        {
            var entry = _entries[i];
            if (plain is not null) plain[index + i] = new DictionaryEntry(entry.Key, entry.Value);
            else array.SetValue(entry, index + i);
        }
    }
}
