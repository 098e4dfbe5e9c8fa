namespace AwsCore.Jmes;

/// <summary>Argument types a function parameter accepts (none set: any value).</summary>
[Flags]
internal enum ArgumentType
{
    Any = 0,
    Null = 1,
    Boolean = 2,
    Number = 4,
    String = 8,
    Array = 16,
    Object = 32,
    Expref = 64,
    /// <summary>An array whose elements are all numbers.</summary>
    ArrayOfNumber = 128,
    /// <summary>An array whose elements are all strings.</summary>
    ArrayOfString = 256,
}

internal delegate object? FunctionBody(object?[] args, FunctionNode call);

/// <summary>A built-in function: its signature (the last parameter repeats when variadic) and its body.</summary>
internal sealed class JmesFunction
{
    public JmesFunction(string name, FunctionBody body, bool variadic, params ArgumentType[] parameters)
    {
        Name = name;
        Body = body;
        Variadic = variadic;
        Parameters = parameters;
    }

    public string Name { get; }
    public FunctionBody Body { get; }
    public bool Variadic { get; }
    public ArgumentType[] Parameters { get; }
}

internal static class ArgumentTypes
{
    public static void Check(FunctionNode call, int index, ArgumentType allowed, object? value)
    {
        if (allowed == ArgumentType.Any) return;
        var type = JmesValue.TypeOf(value);
        var flag = type switch
        {
            JmesType.Null => ArgumentType.Null,
            JmesType.Boolean => ArgumentType.Boolean,
            JmesType.Number => ArgumentType.Number,
            JmesType.String => ArgumentType.String,
            JmesType.Array => ArgumentType.Array,
            JmesType.Object => ArgumentType.Object,
            JmesType.Expref => ArgumentType.Expref,
            _ => ArgumentType.Any,
        };
        if (flag != ArgumentType.Any && (allowed & flag) != 0) return;
        if (type == JmesType.Array && (allowed & (ArgumentType.ArrayOfNumber | ArgumentType.ArrayOfString)) != 0
            && ElementsMatch(allowed, JmesValue.AsList(value)!)) return;
        throw call.TypeError($"argument {index + 1}", Describe(allowed), value);
    }

    /// <summary>Every element has the one allowed element type; with two allowed, the first element picks which.</summary>
    private static bool ElementsMatch(ArgumentType allowed, IList<object?> items)
    {
        if (items.Count == 0) return true;
        var elementType = JmesValue.TypeOf(items[0]);
        if (elementType == JmesType.Number && (allowed & ArgumentType.ArrayOfNumber) == 0) return false;
        if (elementType == JmesType.String && (allowed & ArgumentType.ArrayOfString) == 0) return false;
        if (elementType is not (JmesType.Number or JmesType.String)) return false;
        foreach (var item in items)
            if (JmesValue.TypeOf(item) != elementType) return false;
        return true;
    }

    public static string Describe(ArgumentType allowed)
    {
        var names = new List<string>();
        foreach (ArgumentType flag in Enum.GetValues(typeof(ArgumentType)))
        {
            if (flag == ArgumentType.Any || (allowed & flag) == 0) continue;
            names.Add(flag switch
            {
                ArgumentType.ArrayOfNumber => "array[number]",
                ArgumentType.ArrayOfString => "array[string]",
                _ => flag.ToString().ToLowerInvariant(),
            });
        }
        return string.Join(" or ", names);
    }
}
