namespace AwsCore.Protocols;

/// <summary>Scalars as text the way botocore writes them into query strings, headers and XML (Python's str()).</summary>
internal static class ScalarText
{
    public static string Of(object value) => value switch
    {
        string s => s,
        bool b => b ? "True" : "False",
        _ when InputValues.IsNumber(value) => InputValues.NumberText(value),
        _ => InputValues.String(value),
    };

    /// <summary>A float/double member: NaN and the infinities by name ("NaN", "Infinity", "-Infinity"), numbers as Python prints them.</summary>
    public static string Float(object value)
    {
        if (value is double or float)
        {
            var d = InputValues.Double(value);
            if (double.IsNaN(d)) return "NaN";
            if (double.IsPositiveInfinity(d)) return "Infinity";
            if (double.IsNegativeInfinity(d)) return "-Infinity";
        }
        return Of(value);
    }
}
