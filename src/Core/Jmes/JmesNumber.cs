namespace AwsCore.Jmes;

/// <summary>Numbers of any CLR numeric type, compared and combined as integers where both sides are integral.</summary>
internal static class JmesNumber
{
    public static bool IsNumber(object? value) =>
        value is int or long or double or float or decimal or short or byte or sbyte or ushort or uint or ulong;

    /// <summary>The value as a long when it is an integral number that fits.</summary>
    public static bool TryGetInteger(object value, out long integer)
    {
        switch (value)
        {
            case int i: integer = i; return true;
            case long l: integer = l; return true;
            case short s: integer = s; return true;
            case byte b: integer = b; return true;
            case sbyte sb: integer = sb; return true;
            case ushort us: integer = us; return true;
            case uint ui: integer = ui; return true;
            case ulong ul when ul <= long.MaxValue: integer = (long)ul; return true;
            default: integer = 0; return false;
        }
    }

    public static double ToDouble(object value) => value switch
    {
        double d => d,
        int i => i,
        long l => l,
        float f => f,
        decimal m => (double)m,
        _ => Convert.ToDouble(value, System.Globalization.CultureInfo.InvariantCulture),
    };

    /// <summary>Orders two numbers; both must satisfy <see cref="IsNumber"/>.</summary>
    public static int Compare(object left, object right)
    {
        if (TryGetInteger(left, out var a) && TryGetInteger(right, out var b)) return a.CompareTo(b);
        return ToDouble(left).CompareTo(ToDouble(right));
    }

    /// <summary>A whole double as a long (as Python's math.floor/ceil return ints), the double itself when out of range.</summary>
    public static object FromWhole(double whole) =>
        whole >= -9.2233720368547758E18 && whole < 9.2233720368547758E18 ? (long)whole : (object)whole;

    public static object Abs(object value)
    {
        if (TryGetInteger(value, out var integer)) return integer == long.MinValue ? -(double)integer : (object)Math.Abs(integer);
        return value is decimal m ? Math.Abs(m) : (object)Math.Abs(ToDouble(value));
    }

    /// <summary>Sum as a long while every term is integral and no overflow happens, otherwise as a double.</summary>
    public static object Sum(IEnumerable<object?> numbers)
    {
        long integral = 0;
        double floating = 0;
        var allIntegral = true;
        foreach (var item in numbers)
        {
            if (allIntegral && TryGetInteger(item!, out var term))
            {
                var next = unchecked(integral + term);
                if (((integral ^ next) & (term ^ next)) >= 0) { integral = next; continue; }
            }
            if (allIntegral) { floating = integral; allIntegral = false; }
            floating += ToDouble(item!);
        }
        return allIntegral ? integral : (object)floating;
    }
}
