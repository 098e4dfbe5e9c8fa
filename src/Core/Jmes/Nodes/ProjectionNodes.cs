namespace AwsCore.Jmes;

/// <summary><c>left[*].right</c>, <c>left[].right</c>, slices: apply right to each element of the array left yields, dropping nulls.</summary>
internal sealed class ProjectionNode : Node
{
    private readonly Node _left;
    private readonly Node _right;

    public ProjectionNode(Node left, Node right)
    {
        _left = left;
        _right = right;
    }

    public override object? Evaluate(object? current)
    {
        var list = JmesValue.AsList(_left.Evaluate(current));
        if (list is null) return null;
        var collected = new List<object?>(list.Count);
        foreach (var element in list)
        {
            var value = _right.Evaluate(element);
            if (value is not null) collected.Add(value);
        }
        return collected;
    }
}

/// <summary><c>left.*.right</c>: apply right to each value of the object left yields.</summary>
internal sealed class ValueProjectionNode : Node
{
    private readonly Node _left;
    private readonly Node _right;

    public ValueProjectionNode(Node left, Node right)
    {
        _left = left;
        _right = right;
    }

    public override object? Evaluate(object? current)
    {
        var entries = JmesValue.Entries(_left.Evaluate(current));
        if (entries is null) return null;
        var collected = new List<object?>();
        foreach (var entry in entries)
        {
            var value = _right.Evaluate(entry.Value);
            if (value is not null) collected.Add(value);
        }
        return collected;
    }
}

/// <summary><c>left[?condition].right</c>.</summary>
internal sealed class FilterProjectionNode : Node
{
    private readonly Node _left;
    private readonly Node _right;
    private readonly Node _condition;

    public FilterProjectionNode(Node left, Node right, Node condition)
    {
        _left = left;
        _right = right;
        _condition = condition;
    }

    public override object? Evaluate(object? current)
    {
        var list = JmesValue.AsList(_left.Evaluate(current));
        if (list is null) return null;
        var collected = new List<object?>();
        foreach (var element in list)
        {
            if (!JmesValue.IsTruthy(_condition.Evaluate(element))) continue;
            var value = _right.Evaluate(element);
            if (value is not null) collected.Add(value);
        }
        return collected;
    }
}

/// <summary>
/// <c>left[].right</c>: one level of nested arrays merged, then right applied to each element, dropping nulls.
/// Flattening and projecting in one pass builds no intermediate merged array.
/// </summary>
internal sealed class FlattenProjectionNode : Node
{
    private readonly Node _left;
    private readonly Node _right;

    public FlattenProjectionNode(Node left, Node right)
    {
        _left = left;
        _right = right;
    }

    public override object? Evaluate(object? current)
    {
        var list = JmesValue.AsList(_left.Evaluate(current));
        if (list is null) return null;
        var collected = new List<object?>(list.Count);
        foreach (var element in list)
        {
            if (element is not null and not string && JmesValue.TypeOf(element) == JmesType.Array)
            {
                foreach (var inner in JmesValue.AsList(element)!) Add(collected, inner);
            }
            else Add(collected, element);
        }
        return collected;
    }

    private void Add(List<object?> collected, object? element)
    {
        var value = _right.Evaluate(element);
        if (value is not null) collected.Add(value);
    }
}
