namespace AwsCore.Jmes;

/// <summary><c>[a, b]</c>: a new array of each expression's value (null when applied to null).</summary>
internal sealed class MultiSelectListNode : Node
{
    private readonly Node[] _items;

    public MultiSelectListNode(Node[] items) => _items = items;

    public override object? Evaluate(object? current)
    {
        if (current is null) return null;
        var result = new List<object?>(_items.Length);
        foreach (var item in _items) result.Add(item.Evaluate(current));
        return result;
    }
}

/// <summary><c>{k: a, ...}</c>: a new object of each expression's value (null when applied to null).</summary>
internal sealed class MultiSelectHashNode : Node
{
    private readonly KeyValuePair<string, Node>[] _pairs;

    public MultiSelectHashNode(KeyValuePair<string, Node>[] pairs) => _pairs = pairs;

    public override object? Evaluate(object? current)
    {
        if (current is null) return null;
        var result = new Dictionary<string, object?>(_pairs.Length, StringComparer.Ordinal);
        foreach (var pair in _pairs) result[pair.Key] = pair.Value.Evaluate(current);
        return result;
    }
}

/// <summary><c>&amp;expr</c>: evaluates to the expression itself, for functions that apply it per element.</summary>
internal sealed class ExprefNode : Node
{
    private readonly Expref _expref;

    public ExprefNode(Node node) => _expref = new Expref(node);

    public override object? Evaluate(object? current) => _expref;
}
