using System.Globalization;

namespace AwsCore.Jmes;

internal static class ConversionFunctions
{
    public static object? ToArray(object?[] args, FunctionNode call) =>
        JmesValue.TypeOf(args[0]) == JmesType.Array ? args[0] : new List<object?> { args[0] };

    public static object? ToText(object?[] args, FunctionNode call) =>
        args[0] as string ?? JmesJson.Serialize(args[0]);

    /// <summary>Numbers pass through; strings parse as an integer, else as a float, else null; anything else is null.</summary>
    public static object? ToNumber(object?[] args, FunctionNode call)
    {
        var value = args[0];
        if (JmesNumber.IsNumber(value)) return value;
        if (value is not string text) return null;
        text = text.Trim();
        if (long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var integer)) return integer;
        if (double.TryParse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint | NumberStyles.AllowExponent, CultureInfo.InvariantCulture, out var real))
            return real;
        return null;
    }

    public static object? Type(object?[] args, FunctionNode call)
    {
        var type = JmesValue.TypeOf(args[0]);
        return type is JmesType.Unknown or JmesType.Expref ? null : JmesValue.TypeName(type);
    }
}
