namespace AwsCore.Jmes;

/// <summary>The value of <c>&amp;expression</c>: an expression handed to a function (sort_by, map, ...) to apply per element.</summary>
internal sealed class Expref
{
    public Expref(Node node) => Node = node;

    public Node Node { get; }

    public object? Apply(object? value) => Node.Evaluate(value);
}
