using AwsCore.Jmes;
using AwsCore.Models;

namespace AwsCore.Runtime;

/// <summary>Folds pages into one output as botocore's build_full_result: lists concatenate, numbers add, strings join.</summary>
internal static class FullResult
{
    public static void Add(ValueMap complete, ValueMap page, IReadOnlyList<JmesPathExpression> resultKeys)
    {
        foreach (var key in resultKeys)
        {
            var value = key.Search(page);
            if (value is null) continue;
            var existing = key.Search(complete);
            var valueIsList = value is not string && JmesValue.TypeOf(value) == JmesType.Array;
            if (existing is null)
            {
                // A copy, so later pages extend it and not the first page's own list.
                DottedPath.Set(complete, key.Text, valueIsList ? new List<object?>(JmesValue.AsList(value)!) : value);
                continue;
            }
            if (valueIsList && existing is List<object?> collected) collected.AddRange(JmesValue.AsList(value)!);
            else if (value is string text && existing is string before) DottedPath.Set(complete, key.Text, before + text);
            else if (value is not bool && existing is not bool && JmesNumber.IsNumber(value) && JmesNumber.IsNumber(existing))
                DottedPath.Set(complete, key.Text, JmesNumber.Sum(new[] { existing, value }));
        }
    }
}
