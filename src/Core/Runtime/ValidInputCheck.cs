using AwsCore.Models;
using AwsCore.Protocols;

namespace AwsCore.Runtime;

/// <summary>
/// The allocation-free first pass of <see cref="ParameterValidator.ThrowIfInvalid"/>: true only when the validator would
/// find no error. It walks the value tree the parameter converter produces (ordinal Dictionary&lt;string, object?&gt;,
/// List&lt;object?&gt;) with the validator's rules and builds no member paths; anything it is not sure of (another
/// container type, documents, jsonvalue headers, any rule broken) answers false, and the validator's full walk then
/// decides and words the errors. Most calls are valid, so most calls never build a path string.
/// </summary>
internal static class ValidInputCheck
{
    public static bool Passes(object? value, Shape shape)
    {
        if (shape.JsonValue && shape.Location == "header" && shape.Type == ShapeType.String) return false;
        switch (shape.Type)
        {
            case ShapeType.Structure: return !shape.IsDocument && Structure(value, shape);
            case ShapeType.List: return List(value, shape);
            case ShapeType.Map: return Map(value, shape);
            case ShapeType.String: return value is string text && LengthAllowed(InputValues.CodePointLength(text), shape);
            case ShapeType.Integer: return Integral(value, shape, int.MinValue, int.MaxValue);
            case ShapeType.Long: return Integral(value, shape, long.MinValue, long.MaxValue);
            case ShapeType.BigInteger: return InputValues.IsIntegral(value) && ValueAllowed(value!, shape);
            case ShapeType.Float:
            case ShapeType.Double:
            case ShapeType.BigDecimal: return InputValues.IsNumber(value) && ValueAllowed(value!, shape);
            case ShapeType.Boolean: return value is bool;
            case ShapeType.Timestamp: return TimestampInput.TryParse(value, out _);
            case ShapeType.Blob: return value is byte[] or string or Stream;
            default: return true;
        }
    }

    private static bool Structure(object? value, Shape shape)
    {
        if (value is not Dictionary<string, object?> members || !IsOrdinal(members.Comparer)) return false;
        var set = 0;
        foreach (var member in members)
        {
            if (member.Value is null) continue;
            set++;
            if (!shape.Members.TryGetValue(member.Key, out var memberShape) || !Passes(member.Value, memberShape)) return false;
        }
        if (shape.IsUnion && set != 1) return false;
        if (shape.Required.Count == 0) return true;
        foreach (var required in shape.Required)
            if (!members.TryGetValue(required, out var given) || given is null) return false;
        return true;
    }

    private static bool List(object? value, Shape shape)
    {
        if (value is not List<object?> items || !LengthAllowed(items.Count, shape)) return false;
        var member = shape.ListMember;
        foreach (var item in items)
            if (!Passes(item, member)) return false;
        return true;
    }

    private static bool Map(object? value, Shape shape)
    {
        if (value is not Dictionary<string, object?> entries) return false;
        var keyShape = shape.MapKey;
        var valueShape = shape.MapValue;
        foreach (var entry in entries)
            if (!Passes(entry.Key, keyShape) || !Passes(entry.Value, valueShape)) return false;
        return true;
    }

    private static bool Integral(object? value, Shape shape, long min, long max) =>
        InputValues.IsIntegral(value) && InputValues.TryGetInt64(value, out var number) && number >= min && number <= max && ValueAllowed(value!, shape);

    /// <summary>The validator's minimum: the explicit min, else 1 for members bound to the host.</summary>
    private static double? Min(Shape shape) => shape.Min ?? (shape.HostLabel ? 1 : (double?)null);

    private static bool LengthAllowed(int length, Shape shape) => Min(shape) is not { } min || length >= min;

    private static bool ValueAllowed(object value, Shape shape) => Min(shape) is not { } min || InputValues.ToDouble(value) >= min;

    private static bool IsOrdinal(IEqualityComparer<string> comparer) =>
        ReferenceEquals(comparer, StringComparer.Ordinal) || ReferenceEquals(comparer, EqualityComparer<string>.Default);
}
