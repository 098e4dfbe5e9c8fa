using System.Text;
using AwsCore.Models;

namespace AwsCore.Protocols;

/// <summary>
/// Lookup tables the protocol readers and writers build once per shape and keep on it (Shape.ProtocolIndex): members
/// by wire name as UTF-8 (JSON reading), pre-encoded JSON property names (JSON writing), and the XML member index.
/// Built lazily; a race builds it twice, harmlessly.
/// </summary>
internal sealed class ShapeCache
{
    private JsonMember[]? _jsonMembers;
    private Dictionary<string, JsonWriteMember>? _jsonWriteMembers;

    private string[]? _idempotencyMembers;
    private static readonly object NoEventStream = new();
    private object? _eventStreamMember;

    public object? XmlIndex { get; set; }

    /// <summary>
    /// The size of the last map, list or structure (members set) of this shape read from JSON: responses of one
    /// operation carry values of much the same size (DynamoDB items of a table, pages of a listing, attribute values of
    /// one member), so the next one is allocated at that size instead of growing to it.
    /// </summary>
    public int SizeHint
    {
        get => _sizeHint;
        set => _sizeHint = Math.Min(value, 1024);
    }

    private int _sizeHint;

    /// <summary>The map's recently read keys (maps only), so keys that repeat are not decoded and allocated again.</summary>
    public Json.MapKeyTable MapKeys => _mapKeys ??= new Json.MapKeyTable();

    private Json.MapKeyTable? _mapKeys;

    /// <summary>Names of the idempotency-token members (usually none).</summary>
    public string[] IdempotencyMembers(Shape shape) =>
        _idempotencyMembers ??= shape.Members.Where(m => m.Value.IdempotencyToken).Select(m => m.Key).ToArray();

    /// <summary>The structure's event-stream member, or null.</summary>
    public string? EventStreamMember(Shape shape)
    {
        var known = _eventStreamMember ??= (object?)shape.EventStreamMemberName ?? NoEventStream;
        return known as string;
    }

    public static ShapeCache For(Shape shape)
    {
        if (shape.ProtocolIndex is ShapeCache cache) return cache;
        cache = new ShapeCache();
        shape.ProtocolIndex = cache;
        return cache;
    }

    /// <summary>Members with their JSON wire names (locationName, else the member name) in UTF-8.</summary>
    public JsonMember[] JsonMembers(Shape shape) => _jsonMembers ??= shape.Members
        .Select(m => new JsonMember(Encoding.UTF8.GetBytes(m.Value.LocationName ?? m.Key), m.Key, m.Value))
        .ToArray();

    /// <summary>The structure's members by name, each with its JSON property name (locationName, else the name) quoted and escaped once.</summary>
    public Dictionary<string, JsonWriteMember> JsonWriteMembers(Shape shape)
    {
        if (_jsonWriteMembers is { } known) return known;
        var built = new Dictionary<string, JsonWriteMember>(StringComparer.Ordinal);
        foreach (var m in shape.Members) built[m.Key] = new JsonWriteMember(Json.PythonJsonWriter.Quote(m.Value.LocationName ?? m.Key), m.Value);
        return _jsonWriteMembers = built;
    }
}

/// <summary>A structure member as the JSON reader matches it.</summary>
internal sealed record JsonMember(byte[] WireName, string Name, Shape Shape);

/// <summary>A structure member as the JSON writer names it: the quoted property name and the member's shape.</summary>
internal sealed record JsonWriteMember(byte[] QuotedName, Shape Shape);
