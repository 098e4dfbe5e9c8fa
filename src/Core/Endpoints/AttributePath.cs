using System.Text.RegularExpressions;

namespace AwsCore.Endpoints;

/// <summary>
/// getAttr's path ("a.b", "resourceId[1]", "[0]"), compiled once. As in botocore, an indexed part ends the walk:
/// whatever follows it is ignored. A missing attribute or index gives null.
/// </summary>
internal sealed class AttributePath
{
    private static readonly Regex IndexedPart = new(@"(\w*)\[(\d+)\]", RegexOptions.Compiled);
    private readonly Step[] _steps;

    private AttributePath(Step[] steps) => _steps = steps;

    public static AttributePath Parse(string path)
    {
        var steps = new List<Step>();
        foreach (var part in path.Split('.'))
        {
            var match = IndexedPart.Match(part);
            if (match.Success)
            {
                var index = int.TryParse(match.Groups[2].Value, out var i) ? i : int.MaxValue;
                steps.Add(new Step(match.Groups[1].Value, index));
                break;
            }
            steps.Add(new Step(part, -1));
        }
        return new AttributePath(steps.ToArray());
    }

    public object? Get(object? value)
    {
        foreach (var step in _steps)
        {
            if (step.Index < 0)
            {
                value = Attribute(value, step.Name);
                continue;
            }
            if (step.Name.Length > 0) value = Attribute(value, step.Name);
            return value switch
            {
                IReadOnlyList<object?> list => step.Index < list.Count ? list[step.Index] : null,
                string text => step.Index < text.Length ? text[step.Index].ToString() : null,
                _ => null,
            };
        }
        return value;
    }

    private static object? Attribute(object? value, string name) =>
        value is IReadOnlyDictionary<string, object?> map && map.TryGetValue(name, out var found) ? found : null;

    private readonly struct Step
    {
        public Step(string name, int index)
        {
            Name = name;
            Index = index;
        }

        public string Name { get; }
        public int Index { get; }
    }
}
