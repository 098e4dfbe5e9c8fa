namespace AwsCore.Jmes;

internal static class NumberFunctions
{
    public static object? Abs(object?[] args, FunctionNode call) => JmesNumber.Abs(args[0]!);

    public static object? Avg(object?[] args, FunctionNode call)
    {
        var items = JmesValue.AsList(args[0])!;
        if (items.Count == 0) return null;
        return JmesNumber.ToDouble(JmesNumber.Sum(items)) / items.Count;
    }

    public static object? Ceil(object?[] args, FunctionNode call) =>
        JmesNumber.TryGetInteger(args[0]!, out var whole) ? whole : JmesNumber.FromWhole(Math.Ceiling(JmesNumber.ToDouble(args[0]!)));

    public static object? Floor(object?[] args, FunctionNode call) =>
        JmesNumber.TryGetInteger(args[0]!, out var whole) ? whole : JmesNumber.FromWhole(Math.Floor(JmesNumber.ToDouble(args[0]!)));

    public static object? Sum(object?[] args, FunctionNode call) => JmesNumber.Sum(JmesValue.AsList(args[0])!);
}
