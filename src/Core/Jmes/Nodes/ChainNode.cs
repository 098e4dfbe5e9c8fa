namespace AwsCore.Jmes;

/// <summary>Steps applied in order, each to the previous result: <c>a.b.c</c>, <c>a[0][1]</c>, <c>a | b</c>.</summary>
internal sealed class ChainNode : Node
{
    public ChainNode(ChainKind kind, Node[] steps)
    {
        Kind = kind;
        Steps = steps;
    }

    /// <summary>The parser joins only index chains with a following index (the way botocore's jmespath does).</summary>
    public ChainKind Kind { get; }

    public Node[] Steps { get; }

    public ChainNode Append(Node step)
    {
        var steps = new Node[Steps.Length + 1];
        Steps.CopyTo(steps, 0);
        steps[Steps.Length] = step;
        return new ChainNode(Kind, steps);
    }

    public override object? Evaluate(object? current)
    {
        var steps = Steps;
        for (var i = 0; i < steps.Length; i++) current = steps[i].Evaluate(current);
        return current;
    }
}

internal enum ChainKind
{
    Subexpression,
    Index,
    Pipe,
}
