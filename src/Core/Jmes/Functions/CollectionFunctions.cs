namespace AwsCore.Jmes;

internal static class CollectionFunctions
{
    public static object? Keys(object?[] args, FunctionNode call) =>
        JmesValue.Entries(args[0])!.Select(e => (object?)e.Key).ToList();

    public static object? Values(object?[] args, FunctionNode call) =>
        JmesValue.Entries(args[0])!.Select(e => e.Value).ToList();

    /// <summary>Later objects win; a key keeps the position where it first appeared.</summary>
    public static object? Merge(object?[] args, FunctionNode call)
    {
        var merged = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var arg in args)
            foreach (var entry in JmesValue.Entries(arg)!)
                merged[entry.Key] = entry.Value;
        return merged;
    }

    public static object? Map(object?[] args, FunctionNode call)
    {
        var expref = (Expref)args[0]!;
        var items = JmesValue.AsList(args[1])!;
        var mapped = new List<object?>(items.Count);
        foreach (var item in items) mapped.Add(expref.Apply(item));
        return mapped;
    }

    public static object? NotNull(object?[] args, FunctionNode call)
    {
        foreach (var arg in args)
            if (arg is not null) return arg;
        return null;
    }
}
