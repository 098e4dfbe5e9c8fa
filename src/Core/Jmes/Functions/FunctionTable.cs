namespace AwsCore.Jmes;

/// <summary>The built-in functions of the JMESPath specification, by name.</summary>
internal static class FunctionTable
{
    private const ArgumentType Num = ArgumentType.Number;
    private const ArgumentType Str = ArgumentType.String;
    private const ArgumentType Arr = ArgumentType.Array;
    private const ArgumentType Obj = ArgumentType.Object;
    private const ArgumentType Ref = ArgumentType.Expref;
    private const ArgumentType Any = ArgumentType.Any;
    private const ArgumentType Numbers = ArgumentType.ArrayOfNumber;
    private const ArgumentType Strings = ArgumentType.ArrayOfString;

    private static readonly Dictionary<string, JmesFunction> Functions = Build(
        new JmesFunction("abs", NumberFunctions.Abs, false, Num),
        new JmesFunction("avg", NumberFunctions.Avg, false, Numbers),
        new JmesFunction("ceil", NumberFunctions.Ceil, false, Num),
        new JmesFunction("floor", NumberFunctions.Floor, false, Num),
        new JmesFunction("sum", NumberFunctions.Sum, false, Numbers),
        new JmesFunction("max", OrderFunctions.Max, false, Numbers | Strings),
        new JmesFunction("min", OrderFunctions.Min, false, Numbers | Strings),
        new JmesFunction("sort", OrderFunctions.Sort, false, Numbers | Strings),
        new JmesFunction("sort_by", OrderFunctions.SortBy, false, Arr, Ref),
        new JmesFunction("max_by", OrderFunctions.MaxBy, false, Arr, Ref),
        new JmesFunction("min_by", OrderFunctions.MinBy, false, Arr, Ref),
        new JmesFunction("contains", TextFunctions.Contains, false, Arr | Str, Any),
        new JmesFunction("ends_with", TextFunctions.EndsWith, false, Str, Str),
        new JmesFunction("starts_with", TextFunctions.StartsWith, false, Str, Str),
        new JmesFunction("join", TextFunctions.Join, false, Str, Strings),
        new JmesFunction("length", TextFunctions.Length, false, Str | Arr | Obj),
        new JmesFunction("reverse", TextFunctions.Reverse, false, Arr | Str),
        new JmesFunction("keys", CollectionFunctions.Keys, false, Obj),
        new JmesFunction("values", CollectionFunctions.Values, false, Obj),
        new JmesFunction("merge", CollectionFunctions.Merge, true, Obj),
        new JmesFunction("map", CollectionFunctions.Map, false, Ref, Arr),
        new JmesFunction("not_null", CollectionFunctions.NotNull, true, Any),
        new JmesFunction("to_array", ConversionFunctions.ToArray, false, Any),
        new JmesFunction("to_string", ConversionFunctions.ToText, false, Any),
        new JmesFunction("to_number", ConversionFunctions.ToNumber, false, Any),
        new JmesFunction("type", ConversionFunctions.Type, false, Any));

    public static JmesFunction? Find(string name) => Functions.TryGetValue(name, out var function) ? function : null;

    private static Dictionary<string, JmesFunction> Build(params JmesFunction[] functions) =>
        functions.ToDictionary(f => f.Name, StringComparer.Ordinal);
}
