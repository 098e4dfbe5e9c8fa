namespace AwsCore.Protocols;

/// <summary>
/// Name/value pairs in first-insertion order where setting an existing name replaces its value in place
/// (the behaviour of the Python dicts botocore builds query bodies and query strings in).
/// </summary>
internal sealed class OrderedFields<T>
{
    private readonly List<KeyValuePair<string, T>> _items = new();
    private readonly Dictionary<string, int> _index = new(StringComparer.Ordinal);

    public int Count => _items.Count;

    public List<KeyValuePair<string, T>> Items => _items;

    public void Set(string name, T value)
    {
        if (_index.TryGetValue(name, out var i)) _items[i] = new KeyValuePair<string, T>(name, value);
        else
        {
            _index[name] = _items.Count;
            _items.Add(new KeyValuePair<string, T>(name, value));
        }
    }
}
