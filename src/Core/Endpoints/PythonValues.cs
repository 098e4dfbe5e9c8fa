using System.Collections;
using System.Globalization;

namespace AwsCore.Endpoints;

/// <summary>The Python semantics botocore's rule engine inherits: truthiness, str() and type names in messages.</summary>
internal static class PythonValues
{
    public static bool IsTruthy(object? value) => value switch
    {
        null => false,
        bool b => b,
        string s => s.Length > 0,
        int i => i != 0,
        long l => l != 0,
        double d => d != 0,
        ICollection c => c.Count > 0,
        IReadOnlyCollection<object?> c => c.Count > 0,
        IReadOnlyCollection<KeyValuePair<string, object?>> c => c.Count > 0,
        _ => true,
    };

    public static string Str(object? value) => value switch
    {
        null => "None",
        string s => s,
        bool b => b ? "True" : "False",
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };

    public static string TypeName(object? value) => value switch
    {
        null => "<class 'NoneType'>",
        string => "<class 'str'>",
        bool => "<class 'bool'>",
        int or long => "<class 'int'>",
        double => "<class 'float'>",
        IReadOnlyDictionary<string, object?> or IDictionary => "<class 'dict'>",
        IEnumerable => "<class 'list'>",
        _ => $"<class '{value.GetType().Name}'>",
    };

    public static bool TryGetInt(object? value, out int result)
    {
        switch (value)
        {
            case int i:
                result = i;
                return true;
            case long l when l >= int.MinValue && l <= int.MaxValue:
                result = (int)l;
                return true;
            default:
                result = 0;
                return false;
        }
    }
}
