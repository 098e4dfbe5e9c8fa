using System.Collections;
using AwsCore.Jmes;
using AwsCore.Models;

namespace AwsCore.Runtime;

/// <summary>
/// Writes through a plain dotted expression ("Contents", "Owner.ID"), creating objects on the way, and merges
/// objects: what botocore's set_value_from_jmespath and merge_dicts do for result and non-aggregate keys.
/// </summary>
internal static class DottedPath
{
    public static void Set(IDictionary<string, object?> target, string expression, object? value)
    {
        if (expression.Length == 0 || expression == "." || expression.IndexOfAny(new[] { '[', ']', '*' }) >= 0)
            throw new PaginationException($"the key expression \"{expression}\" is not a plain dotted path, so its value cannot be set");
        var parts = expression.Split('.');
        var current = target;
        for (var i = 0; i < parts.Length - 1; i++)
        {
            if (parts[i].Length == 0) throw new PaginationException($"the key expression \"{expression}\" has an empty part");
            if (!current.TryGetValue(parts[i], out var next) || next is not IDictionary<string, object?> child)
            {
                if (next is not null && current.ContainsKey(parts[i]))
                    throw new PaginationException($"cannot set \"{expression}\": \"{parts[i]}\" is not an object");
                child = new ValueMap();
                current[parts[i]] = child;
            }
            current = child;
        }
        current[parts[parts.Length - 1]] = value;
    }

    /// <summary>Deep-merges <paramref name="source"/> into <paramref name="target"/>: objects merge, anything else replaces.</summary>
    public static void Merge(IDictionary<string, object?> target, IDictionary<string, object?> source)
    {
        foreach (var entry in source)
        {
            if (entry.Value is IDictionary<string, object?> nested && target.TryGetValue(entry.Key, out var existing) && existing is IDictionary<string, object?> existingObject)
                Merge(existingObject, nested);
            else target[entry.Key] = entry.Value;
        }
    }

    /// <summary>Python's len() of a result: list length, string length, object size; 0 for anything else.</summary>
    public static int Length(object? value) => value switch
    {
        null => 0,
        string text => JmesStrings.CodePointLength(text),
        ICollection collection => collection.Count,
        _ => JmesValue.TypeOf(value) switch
        {
            JmesType.Array => JmesValue.AsList(value)!.Count,
            JmesType.Object => JmesValue.ObjectCount(value),
            _ => 0,
        },
    };
}
