using System.Text;

namespace AwsCore.Jmes;

internal static class TextFunctions
{
    public static object? Contains(object?[] args, FunctionNode call)
    {
        if (args[0] is string subject) return args[1] is string search && subject.IndexOf(search, StringComparison.Ordinal) >= 0;
        foreach (var item in JmesValue.AsList(args[0])!)
            if (JmesValue.DeepEquals(item, args[1])) return true;
        return false;
    }

    public static object? EndsWith(object?[] args, FunctionNode call) =>
        ((string)args[0]!).EndsWith((string)args[1]!, StringComparison.Ordinal);

    public static object? StartsWith(object?[] args, FunctionNode call) =>
        ((string)args[0]!).StartsWith((string)args[1]!, StringComparison.Ordinal);

    public static object? Join(object?[] args, FunctionNode call)
    {
        var builder = new StringBuilder();
        var separator = (string)args[0]!;
        var first = true;
        foreach (var item in JmesValue.AsList(args[1])!)
        {
            if (!first) builder.Append(separator);
            first = false;
            builder.Append((string)item!);
        }
        return builder.ToString();
    }

    public static object? Length(object?[] args, FunctionNode call) => args[0] switch
    {
        string text => (long)JmesStrings.CodePointLength(text),
        var value when JmesValue.TypeOf(value) == JmesType.Object => (long)JmesValue.ObjectCount(value!),
        var value => (long)JmesValue.AsList(value)!.Count,
    };

    public static object? Reverse(object?[] args, FunctionNode call)
    {
        if (args[0] is string text) return JmesStrings.ReverseCodePoints(text);
        var reversed = new List<object?>(JmesValue.AsList(args[0])!);
        reversed.Reverse();
        return reversed;
    }
}
