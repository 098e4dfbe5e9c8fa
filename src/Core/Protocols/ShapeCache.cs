using System.Text;
using System.Text.Json;
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
    private Dictionary<string, JsonEncodedText>? _jsonNames;

    private string[]? _idempotencyMembers;
    private static readonly object NoEventStream = new();
    private object? _eventStreamMember;

    public object? XmlIndex { get; set; }

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

    /// <summary>The JSON property name for a member (locationName, else the member name), escaped once.</summary>
    public JsonEncodedText JsonName(Shape shape, string member, Shape memberShape)
    {
        var names = _jsonNames;
        if (names != null && names.TryGetValue(member, out var encoded)) return encoded;
        var built = new Dictionary<string, JsonEncodedText>(StringComparer.Ordinal);
        foreach (var m in shape.Members) built[m.Key] = JsonEncodedText.Encode(m.Value.LocationName ?? m.Key);
        _jsonNames = built;
        return built.TryGetValue(member, out encoded) ? encoded : JsonEncodedText.Encode(memberShape.LocationName ?? member);
    }
}

/// <summary>A structure member as the JSON reader matches it.</summary>
internal sealed record JsonMember(byte[] WireName, string Name, Shape Shape);
