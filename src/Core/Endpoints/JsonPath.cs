namespace AwsCore.Endpoints;

/// <summary>
/// Where the compiler is in the rule-set JSON ("rules[0].conditions[1]"), kept as a chain of small nodes so the text
/// is only built when an error needs it.
/// </summary>
internal sealed class JsonPath
{
    private readonly JsonPath? _parent;
    private readonly string? _key;
    private readonly int _index;

    private JsonPath(JsonPath? parent, string? key, int index)
    {
        _parent = parent;
        _key = key;
        _index = index;
    }

    public static JsonPath Root { get; } = new(null, null, -1);

    public JsonPath Key(string key) => new(this, key, -1);

    public JsonPath Index(int index) => new(this, null, index);

    public override string ToString()
    {
        var parts = new Stack<JsonPath>();
        for (var node = this; node._parent != null; node = node._parent) parts.Push(node);
        var sb = new System.Text.StringBuilder();
        foreach (var part in parts)
        {
            if (part._key is null) sb.Append('[').Append(part._index).Append(']');
            else sb.Append(sb.Length == 0 ? "" : ".").Append(part._key);
        }
        return sb.ToString();
    }
}
