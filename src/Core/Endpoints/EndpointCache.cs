namespace AwsCore.Endpoints;

/// <summary>A small least-recently-used map from parameter values to resolved endpoints, guarded by one lock.</summary>
internal sealed class EndpointCache
{
    private readonly int _capacity;
    private readonly Dictionary<Key, LinkedListNode<KeyValuePair<Key, ResolvedEndpoint>>> _map = new();
    private readonly LinkedList<KeyValuePair<Key, ResolvedEndpoint>> _order = new();
    private readonly object _gate = new();
    private long _hits;

    public EndpointCache(int capacity) => _capacity = capacity;

    public long Hits => Interlocked.Read(ref _hits);

    public bool TryGet(Key key, out ResolvedEndpoint endpoint)
    {
        lock (_gate)
        {
            if (_map.TryGetValue(key, out var node))
            {
                if (node != _order.First)
                {
                    _order.Remove(node);
                    _order.AddFirst(node);
                }
                endpoint = node.Value.Value;
                _hits++;
                return true;
            }
        }
        endpoint = null!;
        return false;
    }

    public void Add(Key key, ResolvedEndpoint endpoint)
    {
        if (_capacity == 0) return;
        lock (_gate)
        {
            if (_map.ContainsKey(key)) return;
            if (_map.Count >= _capacity)
            {
                var last = _order.Last!;
                _order.RemoveLast();
                _map.Remove(last.Value.Key);
            }
            _map[key] = _order.AddFirst(new KeyValuePair<Key, ResolvedEndpoint>(key, endpoint));
        }
    }

    /// <summary>The values of the declared parameters in declaration order; lists compare by their items.</summary>
    internal sealed class Key : IEquatable<Key>
    {
        private readonly object?[] _values;
        private readonly int _hash;

        private Key(object?[] values)
        {
            _values = values;
            var hash = new HashCode();
            for (var i = 0; i < values.Length; i++)
            {
                var value = values[i];
                if (value is null) continue;
                hash.Add(i);
                if (value is IReadOnlyList<object?> list)
                    foreach (var item in list) hash.Add(item);
                else hash.Add(value);
            }
            _hash = hash.ToHashCode();
        }

        public static Key For(EndpointRuleSet ruleSet, IReadOnlyDictionary<string, object?> parameters)
        {
            var values = new object?[ruleSet.Parameters.Count];
            // Callers pass few values and rule sets declare many parameters: walk the values, not the declarations.
            if (parameters is Dictionary<string, object?> map)
            {
                foreach (var entry in map) Put(ruleSet, values, entry.Key, entry.Value);
            }
            else
            {
                foreach (var entry in parameters) Put(ruleSet, values, entry.Key, entry.Value);
            }
            return new Key(values);
        }

        private static void Put(EndpointRuleSet ruleSet, object?[] values, string name, object? value)
        {
            var index = ruleSet.IndexOf(name);
            if (index >= 0) values[index] = value is string or bool or null ? value : Snapshot(value);
        }

        // A caller may reuse and change its list; the key keeps its own copy.
        private static object? Snapshot(object? value) =>
            value is System.Collections.IEnumerable items ? items.Cast<object?>().ToList() : value;

        public bool Equals(Key? other)
        {
            if (other is null || other._hash != _hash || other._values.Length != _values.Length) return false;
            for (var i = 0; i < _values.Length; i++)
            {
                var a = _values[i];
                var b = other._values[i];
                if (a is IReadOnlyList<object?> la && b is IReadOnlyList<object?> lb)
                {
                    if (!la.SequenceEqual(lb)) return false;
                }
                else if (!Equals(a, b)) return false;
            }
            return true;
        }

        public override bool Equals(object? obj) => Equals(obj as Key);

        public override int GetHashCode() => _hash;
    }
}
