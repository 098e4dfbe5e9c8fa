namespace AwsCore.Jmes;

/// <summary><c>@</c>, and the implicit right-hand side of a projection with nothing after it.</summary>
internal sealed class CurrentNode : Node
{
    public static readonly CurrentNode Instance = new();

    private CurrentNode() { }

    public override object? Evaluate(object? current) => current;
}

internal sealed class FieldNode : Node
{
    public FieldNode(string name) => Name = name;

    public string Name { get; }

    public override object? Evaluate(object? current) => JmesValue.GetField(current, Name);
}

/// <summary>
/// A literal. Arrays and objects are copied on each evaluation: the compiled expression is shared between threads
/// and callers, so no caller may change the value another one sees.
/// </summary>
internal sealed class LiteralNode : Node
{
    private readonly object? _value;
    private readonly bool _mutable;

    public LiteralNode(object? value)
    {
        _value = value;
        _mutable = value is List<object?> or Dictionary<string, object?>;
    }

    public override object? Evaluate(object? current) => _mutable ? Copy(_value) : _value;

    private static object? Copy(object? value) => value switch
    {
        List<object?> list => list.Select(Copy).ToList(),
        Dictionary<string, object?> dict => dict.ToDictionary(e => e.Key, e => Copy(e.Value), StringComparer.Ordinal),
        _ => value,
    };
}

internal sealed class IndexNode : Node
{
    private readonly int _index;

    public IndexNode(int index) => _index = index;

    public override object? Evaluate(object? current)
    {
        var list = JmesValue.AsList(current);
        if (list is null) return null;
        var at = _index < 0 ? list.Count + _index : _index;
        return at >= 0 && at < list.Count ? list[at] : null;
    }
}

internal sealed class SliceNode : Node
{
    private readonly int? _start;
    private readonly int? _stop;
    private readonly int? _step;
    private readonly string _expression;
    private readonly int _column;

    public SliceNode(int? start, int? stop, int? step, string expression, int column)
    {
        _start = start;
        _stop = stop;
        _step = step;
        _expression = expression;
        _column = column;
    }

    public override object? Evaluate(object? current)
    {
        var list = JmesValue.AsList(current);
        if (list is null) return null;
        var step = _step ?? 1;
        if (step == 0) throw new JmesPathException(JmesPathErrorKind.InvalidValue, _expression, _column, "a slice step cannot be 0");
        var count = list.Count;
        int start, stop;
        if (step > 0)
        {
            start = _start is null ? 0 : Clamp(_start.Value, count, 0, count);
            stop = _stop is null ? count : Clamp(_stop.Value, count, 0, count);
        }
        else
        {
            start = _start is null ? count - 1 : Clamp(_start.Value, count, -1, count - 1);
            stop = _stop is null ? -1 : Clamp(_stop.Value, count, -1, count - 1);
        }
        var result = new List<object?>();
        if (step > 0) for (var i = start; i < stop; i += step) result.Add(list[i]);
        else for (var i = start; i > stop; i += step) result.Add(list[i]);
        return result;
    }

    /// <summary>Python's slice bounds: negative counts from the end, then clamp into [low, high].</summary>
    private static int Clamp(int value, int count, int low, int high)
    {
        long at = value < 0 ? (long)value + count : value;
        return (int)Math.Max(low, Math.Min(high, at));
    }
}
