using System.Text.Json;

namespace AwsCore.Models;

/// <summary>
/// A shape of a service model, as seen through one reference to it: traits on the reference (a member's locationName,
/// timestampFormat, ...) override the shape definition's, as botocore's shape resolver merges them.
/// Immutable and safe to share between threads; members resolve on first use, so recursive shapes are fine.
/// </summary>
public sealed class Shape
{
    private readonly ServiceModel _model;
    private readonly JsonElement _definition;
    private readonly JsonElement _reference;
    private IReadOnlyDictionary<string, Shape>? _members;
    private Shape? _member, _key, _value;
    private HashSet<string>? _required;

    internal Shape(ServiceModel model, string name, JsonElement definition, JsonElement reference)
    {
        _model = model;
        _definition = definition;
        _reference = reference;
        Name = name;
        TypeName = definition.String("type") ?? throw new ModelLoadException($"{model.Source}: shape '{name}' has no type");
        Type = ParseType(TypeName, name, model.Source);
        Location = Trait("location");
        LocationName = Trait("locationName");
        QueryName = Trait("queryName");
        Flattened = Flag("flattened");
        XmlAttribute = Flag("xmlAttribute");
        TimestampFormat = Trait("timestampFormat");
        JsonValue = Flag("jsonvalue");
        Streaming = Flag("streaming");
        RequiresLength = Flag("requiresLength");
        IsEventStream = Flag("eventstream");
        IsEvent = Flag("event");
        EventPayload = Flag("eventpayload");
        EventHeader = Flag("eventheader");
        HostLabel = Flag("hostLabel");
        IdempotencyToken = Flag("idempotencyToken");
        Sensitive = Flag("sensitive");
        IsDocument = Flag("document");
        IsUnion = Flag("union");
        IsException = Flag("exception");
        IsFault = Flag("fault");
        Deprecated = Flag("deprecated");
        Payload = Trait("payload");
        ResultWrapper = Trait("resultWrapper");
        Pattern = Trait("pattern");
        Min = Number("min");
        Max = Number("max");
        ContextParamName = TraitElement("contextParam") is { } cp ? cp.String("name") : null;
        if (TraitElement("xmlNamespace") is { } ns)
            XmlNamespace = ns.ValueKind == JsonValueKind.String
                ? new XmlNamespace(ns.GetString()!, null)
                : new XmlNamespace(ns.String("uri") ?? "", ns.String("prefix"));
        if (TraitElement("error") is { ValueKind: JsonValueKind.Object } error)
            Error = new ErrorTraits(error.String("code"), error.Int("httpStatusCode"), error.Bool("senderFault"));
        if (TraitElement("enum") is { ValueKind: JsonValueKind.Array } values)
            Enum = values.EnumerateArray().Where(v => v.ValueKind == JsonValueKind.String).Select(v => v.GetString()!).ToArray();
    }

    /// <summary>The shape's name in the model.</summary>
    public string Name { get; }

    public ShapeType Type { get; }

    /// <summary>The model's own word for the type ("structure", "timestamp", ...).</summary>
    public string TypeName { get; }

    public ServiceModel Service => _model;

    public string? Location { get; }
    public string? LocationName { get; }
    public string? QueryName { get; }
    public bool Flattened { get; }
    public XmlNamespace? XmlNamespace { get; }
    public bool XmlAttribute { get; }
    public string? TimestampFormat { get; }
    public bool JsonValue { get; }
    public bool Streaming { get; }
    public bool RequiresLength { get; }

    /// <summary>The "eventstream" trait: a union of events sent as an event stream.</summary>
    public bool IsEventStream { get; }
    public bool IsEvent { get; }
    public bool EventPayload { get; }
    public bool EventHeader { get; }
    public bool HostLabel { get; }
    public bool IdempotencyToken { get; }
    public bool Sensitive { get; }
    public bool IsDocument { get; }
    public bool IsUnion { get; }
    public bool IsException { get; }
    public bool IsFault { get; }
    public bool Deprecated { get; }

    /// <summary>For a structure, the member sent as the whole HTTP body.</summary>
    public string? Payload { get; }
    public string? ResultWrapper { get; }
    public string? Pattern { get; }
    public double? Min { get; }
    public double? Max { get; }
    public string? ContextParamName { get; }
    public ErrorTraits? Error { get; }
    public IReadOnlyList<string>? Enum { get; }

    /// <summary>Members of a structure in model order; empty for other types.</summary>
    public IReadOnlyDictionary<string, Shape> Members => _members ??= ResolveMembers();

    /// <summary>Names of the required members of a structure.</summary>
    public IReadOnlyCollection<string> Required => _required ??= new HashSet<string>(Strings("required"), StringComparer.Ordinal);

    public bool IsRequired(string memberName) => ((HashSet<string>)Required).Contains(memberName);

    /// <summary>The element shape of a list.</summary>
    public Shape ListMember => _member ??= ResolveChild("member");

    /// <summary>The key shape of a map.</summary>
    public Shape MapKey => _key ??= ResolveChild("key");

    /// <summary>The value shape of a map.</summary>
    public Shape MapValue => _value ??= ResolveChild("value");

    /// <summary>The name of the member that carries the event stream, or null.</summary>
    public string? EventStreamMemberName
    {
        get
        {
            if (!_eventStreamKnown)
            {
                _eventStreamMemberName = Type == ShapeType.Structure ? Members.FirstOrDefault(m => m.Value.IsEventStream).Key : null;
                _eventStreamKnown = true;
            }
            return _eventStreamMemberName;
        }
    }

    private string? _eventStreamMemberName;
    private volatile bool _eventStreamKnown;

    /// <summary>A trait by its model name, from the reference first and then the definition (for traits not surfaced above).</summary>
    public JsonElement? TraitElement(string name)
    {
        if (_reference.ValueKind == JsonValueKind.Object && _reference.TryGetProperty(name, out var r)) return r;
        if (_definition.TryGetProperty(name, out var d)) return d;
        return null;
    }

    /// <summary>Per-shape lookup tables a protocol reader builds once (member by wire name); owned by AwsCore.Protocols.</summary>
    internal object? ProtocolIndex;

    /// <summary>The shape definition as written in the model (without reference traits).</summary>
    internal JsonElement Definition => _definition;

    public override string ToString() => $"{Name} ({TypeName})";

    private string? Trait(string name) => TraitElement(name) is { ValueKind: JsonValueKind.String } v ? v.GetString() : null;

    private bool Flag(string name) => TraitElement(name) is { ValueKind: JsonValueKind.True };

    private double? Number(string name) => TraitElement(name) is { ValueKind: JsonValueKind.Number } v ? v.GetDouble() : null;

    private IReadOnlyList<string> Strings(string name) => _definition.Strings(name);

    private Shape ResolveChild(string field)
    {
        if (!_definition.TryGetProperty(field, out var reference))
            throw new ModelLoadException($"{_model.Source}: shape '{Name}' ({TypeName}) has no '{field}'");
        return _model.Resolve(reference, $"{Name}.{field}");
    }

    private IReadOnlyDictionary<string, Shape> ResolveMembers()
    {
        if (!_definition.TryGetProperty("members", out var members) || members.ValueKind != JsonValueKind.Object)
            return EmptyMembers;
        var result = new OrderedMembers();
        foreach (var member in members.EnumerateObject())
            result.Add(member.Name, _model.Resolve(member.Value, $"{Name}.{member.Name}"));
        return result;
    }

    private static readonly IReadOnlyDictionary<string, Shape> EmptyMembers = new OrderedMembers();

    private static ShapeType ParseType(string type, string name, string source) => type switch
    {
        "structure" => ShapeType.Structure,
        "list" => ShapeType.List,
        "map" => ShapeType.Map,
        "string" => ShapeType.String,
        "integer" => ShapeType.Integer,
        "long" => ShapeType.Long,
        "float" => ShapeType.Float,
        "double" => ShapeType.Double,
        "boolean" => ShapeType.Boolean,
        "timestamp" => ShapeType.Timestamp,
        "blob" => ShapeType.Blob,
        "biginteger" => ShapeType.BigInteger,
        "bigdecimal" => ShapeType.BigDecimal,
        _ => throw new ModelLoadException($"{source}: shape '{name}' has unknown type '{type}'"),
    };
}
