using System.Collections;
using System.Diagnostics.CodeAnalysis;

namespace AwsCore.Models;

/// <summary>A read-only name-to-shape map that enumerates in model order (Dictionary does not promise order).</summary>
internal sealed class OrderedMembers : IReadOnlyDictionary<string, Shape>
{
    private readonly List<KeyValuePair<string, Shape>> _items = new();
    private readonly Dictionary<string, Shape> _index = new(StringComparer.Ordinal);

    public void Add(string name, Shape shape)
    {
        _index.Add(name, shape);
        _items.Add(new KeyValuePair<string, Shape>(name, shape));
    }

    public Shape this[string key] => _index.TryGetValue(key, out var s) ? s : throw new KeyNotFoundException($"no member '{key}'");
    public IEnumerable<string> Keys => _items.Select(i => i.Key);
    public IEnumerable<Shape> Values => _items.Select(i => i.Value);
    public int Count => _items.Count;
    public bool ContainsKey(string key) => _index.ContainsKey(key);
    public bool TryGetValue(string key, [MaybeNullWhen(false)] out Shape value) => _index.TryGetValue(key, out value);
    public IEnumerator<KeyValuePair<string, Shape>> GetEnumerator() => _items.GetEnumerator();
    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
