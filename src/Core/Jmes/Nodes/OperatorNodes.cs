namespace AwsCore.Jmes;

internal sealed class OrNode : Node
{
    private readonly Node _left;
    private readonly Node _right;

    public OrNode(Node left, Node right)
    {
        _left = left;
        _right = right;
    }

    public override object? Evaluate(object? current)
    {
        var left = _left.Evaluate(current);
        return JmesValue.IsTruthy(left) ? left : _right.Evaluate(current);
    }
}

internal sealed class AndNode : Node
{
    private readonly Node _left;
    private readonly Node _right;

    public AndNode(Node left, Node right)
    {
        _left = left;
        _right = right;
    }

    public override object? Evaluate(object? current)
    {
        var left = _left.Evaluate(current);
        return JmesValue.IsTruthy(left) ? _right.Evaluate(current) : left;
    }
}

internal sealed class NotNode : Node
{
    private readonly Node _child;

    public NotNode(Node child) => _child = child;

    public override object? Evaluate(object? current) => Boxes.Of(!JmesValue.IsTruthy(_child.Evaluate(current)));
}

internal enum Comparison
{
    Equal,
    NotEqual,
    Less,
    LessOrEqual,
    Greater,
    GreaterOrEqual,
}

/// <summary>
/// <c>==</c> and <c>!=</c> compare any values deeply; the ordering operators compare two numbers or two strings
/// (by code point, as botocore's jmespath allows) and yield null for anything else.
/// </summary>
internal sealed class ComparatorNode : Node
{
    private readonly Comparison _comparison;
    private readonly Node _left;
    private readonly Node _right;

    public ComparatorNode(Comparison comparison, Node left, Node right)
    {
        _comparison = comparison;
        _left = left;
        _right = right;
    }

    public override object? Evaluate(object? current)
    {
        var left = _left.Evaluate(current);
        var right = _right.Evaluate(current);
        switch (_comparison)
        {
            case Comparison.Equal: return Boxes.Of(JmesValue.DeepEquals(left, right));
            case Comparison.NotEqual: return Boxes.Of(!JmesValue.DeepEquals(left, right));
        }
        int order;
        if (left is string a && right is string b) order = JmesStrings.Compare(a, b);
        else if (JmesNumber.IsNumber(left) && JmesNumber.IsNumber(right))
        {
            var l = JmesNumber.ToDouble(left!);
            var r = JmesNumber.ToDouble(right!);
            if (double.IsNaN(l) || double.IsNaN(r)) return Boxes.False;
            order = JmesNumber.Compare(left!, right!);
        }
        else return null;
        return Boxes.Of(_comparison switch
        {
            Comparison.Less => order < 0,
            Comparison.LessOrEqual => order <= 0,
            Comparison.Greater => order > 0,
            _ => order >= 0,
        });
    }
}
