using AwsCore.Models;

namespace AwsCore.Tests.Protocols;

/// <summary>
/// Seeded random input value trees for an operation's input shape: every required member and a random share of the
/// others, strings that need URL and XML escaping and non-ASCII text, nested lists and maps, timestamps with and
/// without microseconds, blobs, documents, and path-like values for greedy labels.
/// </summary>
internal sealed class RandomInput
{
    private static readonly string[] Strings =
    {
        "plain", "with space", "a&b=c+d", "semi;colon,comma", "100% sure", "?query#fragment", "tilde~dash-under_dot.",
        "<tag attr=\"v\">&amp;'quoted'</tag>", "üñíçødé ✓", "日本語テキスト", "emoji 😀 here", "back\\slash", "x",
    };

    private static readonly string[] PathValues = { "dir/sub dir/file ü.txt", "a/b/c", "top", "with space/and&amp/x=y" };

    private readonly Random _random;

    public RandomInput(int seed) => _random = new Random(seed);

    /// <summary>What the generated parameters exercised ("timestamp in header", "greedy label", ...), for coverage checks.</summary>
    public HashSet<string> Exercised { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, object?> ForOperation(OperationModel operation)
    {
        var shape = operation.Input!;
        var result = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var member in shape.Members)
        {
            var m = member.Value;
            var include = shape.IsRequired(member.Key) || m.Location == "uri" || m.HostLabel || m.IdempotencyToken || _random.NextDouble() < 0.6;
            if (!include || m.IsEventStream) continue;
            var greedy = IsGreedy(operation, m, member.Key);
            result[member.Key] = m.HostLabel ? "label" + _random.Next(100) : ValueFor(m, 1, greedy);
            if (m.HostLabel) Exercised.Add("host label");
            if (greedy) Exercised.Add("greedy label");
            if (m.Location is { } location) Exercised.Add($"{TypeOf(m)} in {location}");
            if (m.JsonValue) Exercised.Add("jsonvalue header");
        }
        return result;
    }

    /// <summary>A random value tree for any structure shape (an operation's output, say).</summary>
    public Dictionary<string, object?> ForShape(Shape shape) => (Dictionary<string, object?>)ValueFor(shape, 1)!;

    private static string TypeOf(Shape shape) => shape.Type == ShapeType.List ? "list of " + TypeOf(shape.ListMember) : shape.TypeName;

    private static bool IsGreedy(OperationModel operation, Shape member, string name) =>
        member.Location == "uri" && operation.RequestUri.Contains("{" + (member.LocationName ?? name) + "+}");

    private object? ValueFor(Shape shape, int depth, bool greedy = false)
    {
        switch (shape.Type)
        {
            case ShapeType.Structure:
                if (shape.IsDocument) return new Dictionary<string, object?> { ["k"] = Pick(Strings), ["n"] = (long)_random.Next(100), ["list"] = new List<object?> { true, "x" } };
                var structure = new Dictionary<string, object?>(StringComparer.Ordinal);
                var members = shape.Members.ToList();
                if (shape.IsUnion)
                {
                    var chosen = members[_random.Next(members.Count)];
                    structure[chosen.Key] = ValueFor(chosen.Value, depth + 1);
                    return structure;
                }
                foreach (var member in members)
                {
                    var required = shape.IsRequired(member.Key);
                    var chance = depth <= 2 ? 0.6 : depth <= 4 ? 0.3 : 0;
                    if (!required && _random.NextDouble() >= chance) continue;
                    if (depth > 6) continue;
                    structure[member.Key] = ValueFor(member.Value, depth + 1);
                }
                return structure;
            case ShapeType.List:
                var list = new List<object?>();
                var count = depth > 4 ? 1 : _random.Next(10) == 0 ? 0 : 1 + _random.Next(3);
                for (var i = 0; i < count; i++) list.Add(ValueFor(shape.ListMember, depth + 1));
                if (count > 0 && shape.ListMember.Type is ShapeType.List or ShapeType.Map or ShapeType.Structure) Exercised.Add("nested list");
                return list;
            case ShapeType.Map:
                var map = new Dictionary<string, object?>(StringComparer.Ordinal);
                var entries = 1 + _random.Next(2);
                for (var i = 0; i < entries; i++)
                {
                    var key = shape.MapKey.Enum is { Count: > 0 } keys ? Pick(keys) : "key" + _random.Next(1000) + (i == 0 ? "-ü" : "");
                    map[key] = ValueFor(shape.MapValue, depth + 1);
                }
                if (depth > 1 && shape.MapValue.Type is ShapeType.List or ShapeType.Map or ShapeType.Structure) Exercised.Add("nested map");
                return map;
            case ShapeType.String:
                if (shape.Enum is { Count: > 0 } values) return Pick(values);
                if (shape.JsonValue) return new Dictionary<string, object?> { ["policy"] = Pick(Strings), ["n"] = 1L };
                return greedy ? Pick(PathValues) : Pick(Strings);
            case ShapeType.Integer:
                return (long)_random.Next(-1000, 100000);
            case ShapeType.Long:
                return (long)_random.Next(0, int.MaxValue) * 1000L;
            case ShapeType.Float:
            case ShapeType.Double:
                return _random.Next(4) switch
                {
                    0 => (object)(long)_random.Next(0, 500),
                    1 => 0.1 * _random.Next(1, 99) + 0.05,
                    2 => 1.5e20,
                    _ => -2.25,
                };
            case ShapeType.Boolean:
                return _random.Next(2) == 0;
            case ShapeType.Timestamp:
                if (depth > 1) Exercised.Add("timestamp in body");
                var seconds = 1_500_000_000L + _random.Next(0, 200_000_000);
                var time = DateTime.UnixEpoch.AddSeconds(seconds);
                return _random.Next(2) == 0 ? time : time.AddTicks(_random.Next(1, 999_999) * 10L);
            case ShapeType.Blob:
                Exercised.Add("blob");
                var bytes = new byte[_random.Next(0, 17)];
                _random.NextBytes(bytes);
                return bytes;
            default:
                return (long)_random.Next(1, 1000);
        }
    }

    private T Pick<T>(IReadOnlyList<T> items) => items[_random.Next(items.Count)];
}
