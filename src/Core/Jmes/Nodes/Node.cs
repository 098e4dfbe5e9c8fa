namespace AwsCore.Jmes;

/// <summary>A compiled piece of an expression: immutable, so one compiled expression serves any number of threads.</summary>
internal abstract class Node
{
    public abstract object? Evaluate(object? current);
}
