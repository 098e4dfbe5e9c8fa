namespace AwsCore.Jmes;

/// <summary>Functions that order values: numbers by value, strings by code point; sorts are stable.</summary>
internal static class OrderFunctions
{
    public static int CompareSameType(object? left, object? right) =>
        left is string a ? JmesStrings.Compare(a, (string)right!) : JmesNumber.Compare(left!, right!);

    public static object? Max(object?[] args, FunctionNode call) => Extreme(JmesValue.AsList(args[0])!, wantMax: true);

    public static object? Min(object?[] args, FunctionNode call) => Extreme(JmesValue.AsList(args[0])!, wantMax: false);

    private static object? Extreme(IList<object?> items, bool wantMax)
    {
        if (items.Count == 0) return null;
        var best = items[0];
        for (var i = 1; i < items.Count; i++)
        {
            var order = CompareSameType(items[i], best);
            if (wantMax ? order > 0 : order < 0) best = items[i];
        }
        return best;
    }

    public static object? Sort(object?[] args, FunctionNode call) =>
        JmesValue.AsList(args[0])!.OrderBy(x => x, Comparer<object?>.Create(CompareSameType)).ToList();

    public static object? SortBy(object?[] args, FunctionNode call)
    {
        var items = JmesValue.AsList(args[0])!;
        if (items.Count == 0) return new List<object?>();
        var keys = Keys(items, (Expref)args[1]!, call);
        var order = Enumerable.Range(0, items.Count).OrderBy(i => keys[i], Comparer<object?>.Create(CompareSameType));
        return order.Select(i => items[i]).ToList();
    }

    public static object? MaxBy(object?[] args, FunctionNode call) => ExtremeBy(args, call, wantMax: true);

    public static object? MinBy(object?[] args, FunctionNode call) => ExtremeBy(args, call, wantMax: false);

    private static object? ExtremeBy(object?[] args, FunctionNode call, bool wantMax)
    {
        var items = JmesValue.AsList(args[0])!;
        if (items.Count == 0) return null;
        var keys = Keys(items, (Expref)args[1]!, call);
        var best = 0;
        for (var i = 1; i < items.Count; i++)
        {
            var order = CompareSameType(keys[i], keys[best]);
            if (wantMax ? order > 0 : order < 0) best = i;
        }
        return items[best];
    }

    /// <summary>The expression's value for each element: all numbers or all strings, else invalid-type.</summary>
    private static object?[] Keys(IList<object?> items, Expref expref, FunctionNode call)
    {
        var keys = new object?[items.Count];
        var keyType = JmesType.Null;
        for (var i = 0; i < items.Count; i++)
        {
            var key = expref.Apply(items[i]);
            var type = JmesValue.TypeOf(key);
            if (i == 0) keyType = type;
            if (type is not (JmesType.Number or JmesType.String) || type != keyType)
                throw call.TypeError("expression", i == 0 ? "number or string" : JmesValue.TypeName(keyType) + " (as for the first element)", key);
            keys[i] = key;
        }
        return keys;
    }
}
