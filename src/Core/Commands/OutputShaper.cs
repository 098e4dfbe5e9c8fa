using AwsCore.Models;

namespace AwsCore.Commands;

/// <summary>
/// Turns an output value tree into what a command writes, walking the output shape alongside the value: each
/// structure becomes an object made by the caller's factory with the type name <c>AwsCore.&lt;Service&gt;.&lt;Shape&gt;</c>
/// and one property per member (model order; members absent from the response are null, so every object of a shape
/// has the same properties), maps stay dictionaries, lists become arrays. Keys the shape does not know (response
/// metadata) are kept after the members, untyped.
/// </summary>
public sealed class OutputShaper
{
    private readonly Func<string?, IReadOnlyList<KeyValuePair<string, object?>>, object> _makeStructure;

    /// <summary>
    /// Creates a shaper; <paramref name="makeStructure"/> receives a type name and the properties in order and returns
    /// the object to emit (the Module makes a PSObject with that type name inserted); a null type name asks for a plain
    /// object (JMESPath query results, which have no shape).
    /// </summary>
    public OutputShaper(Func<string?, IReadOnlyList<KeyValuePair<string, object?>>, object> makeStructure) =>
        _makeStructure = makeStructure ?? throw new ArgumentNullException(nameof(makeStructure));

    /// <summary>The type name of a shape: <c>AwsCore.</c> + the serviceId without spaces or punctuation + <c>.</c> + the shape name.</summary>
    public static string TypeName(ServiceModel model, string shapeName) => "AwsCore." + ServiceTypeSegment(model.ServiceId) + "." + shapeName;

    /// <summary>A serviceId as one identifier ("Auto Scaling Plans" -> "AutoScalingPlans").</summary>
    public static string ServiceTypeSegment(string serviceId) => new(serviceId.Where(char.IsLetterOrDigit).ToArray());

    /// <summary>Shapes <paramref name="value"/> against <paramref name="shape"/>; a null shape leaves the value untyped.</summary>
    public object? Shape(object? value, Shape? shape)
    {
        if (value is null) return null;
        if (shape is null || shape.IsDocument) return Untyped(value);
        switch (shape.Type)
        {
            case ShapeType.Structure when value is IReadOnlyDictionary<string, object?> fields:
                return Structure(fields, shape);
            case ShapeType.Map when value is IReadOnlyDictionary<string, object?> map:
                var shapedMap = new Dictionary<string, object?>(StringComparer.Ordinal);
                foreach (var entry in map) shapedMap[entry.Key] = Shape(entry.Value, shape.MapValue);
                return shapedMap;
            case ShapeType.List when value is IReadOnlyList<object?> list:
                var items = new object?[list.Count];
                for (var i = 0; i < items.Length; i++) items[i] = Shape(list[i], shape.ListMember);
                return items;
            default:
                return Untyped(value);
        }
    }

    /// <summary>
    /// A JMESPath result, which has no shape: its objects become plain objects made by the factory (null type name),
    /// its arrays arrays.
    /// </summary>
    public object? QueryResult(object? value) => value switch
    {
        IReadOnlyDictionary<string, object?> map => _makeStructure(null, map.Select(e => new KeyValuePair<string, object?>(e.Key, QueryResult(e.Value))).ToList()),
        IReadOnlyList<object?> list => list.Select(QueryResult).ToArray(),
        _ => value,
    };

    /// <summary>Shapes a whole operation output (null output shape: untyped).</summary>
    public object? ShapeOutput(OperationModel operation, IReadOnlyDictionary<string, object?> output) => Shape(output, operation.Output);

    private object Structure(IReadOnlyDictionary<string, object?> fields, Shape shape)
    {
        var members = shape.Members;
        var properties = new List<KeyValuePair<string, object?>>(members.Count + 1);
        foreach (var member in members)
        {
            fields.TryGetValue(member.Key, out var v);
            properties.Add(new KeyValuePair<string, object?>(member.Key, Shape(v, member.Value)));
        }
        foreach (var field in fields)
            if (!members.ContainsKey(field.Key))
                properties.Add(new KeyValuePair<string, object?>(field.Key, Untyped(field.Value)));
        return _makeStructure(TypeName(shape.Service, shape.Name), properties);
    }

    private static object? Untyped(object? value) => value switch
    {
        IReadOnlyDictionary<string, object?> map => map.ToDictionary(e => e.Key, e => Untyped(e.Value), StringComparer.Ordinal),
        IReadOnlyList<object?> list => list.Select(Untyped).ToArray(),
        _ => value,
    };
}
