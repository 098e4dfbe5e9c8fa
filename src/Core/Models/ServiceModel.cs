using System.Collections.Concurrent;
using System.Text.Json;

namespace AwsCore.Models;

/// <summary>
/// One service's API model (service-2.json): its metadata, operations and shapes, with the paginator, waiter and
/// endpoint rule-set data that sits beside it. Shapes and operations are built on first use and cached; safe to share.
/// </summary>
public sealed class ServiceModel
{
    /// <summary>botocore's order of preference among the protocols a service lists.</summary>
    public static readonly IReadOnlyList<string> ProtocolPriority = new[] { "json", "rest-json", "rest-xml", "smithy-rpc-v2-cbor", "query", "ec2" };

    private readonly JsonDocument _document;
    private readonly JsonElement _shapes;
    private readonly JsonElement _operations;
    private readonly ConcurrentDictionary<string, Shape> _shapeCache = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, OperationModel> _operationCache = new(StringComparer.Ordinal);
    private readonly Lazy<IReadOnlyList<string>> _operationNames;
    private readonly ConcurrentDictionary<string, ModelFile?> _companionCache = new(StringComparer.Ordinal);
    private readonly Lazy<Dictionary<string, JsonElement>> _shapeIndex;
    private readonly Lazy<Dictionary<string, JsonElement>> _operationIndex;

    internal ServiceModel(JsonDocument document, string serviceName, string source)
    {
        _document = document;
        Source = source;
        var root = document.RootElement;
        if (root.ValueKind != JsonValueKind.Object)
            throw new ModelLoadException($"{source}: a service model must be a JSON object");
        var metadata = root.Object("metadata") ?? throw new ModelLoadException($"{source}: no 'metadata' object");
        Metadata = metadata;
        _shapes = root.Object("shapes") ?? default;
        _operations = root.Object("operations") ?? default;

        ServiceName = serviceName;
        ApiVersion = metadata.String("apiVersion") ?? "";
        EndpointPrefix = metadata.String("endpointPrefix") ?? serviceName;
        ServiceId = metadata.String("serviceId") ?? metadata.String("serviceAbbreviation") ?? serviceName;
        SigningName = metadata.String("signingName") ?? EndpointPrefix;
        ServiceFullName = metadata.String("serviceFullName") ?? ServiceId;
        Protocols = metadata.Strings("protocols");
        Protocol = ResolveProtocol(metadata.String("protocol"), Protocols, source);
        JsonVersion = metadata.String("jsonVersion");
        TargetPrefix = metadata.String("targetPrefix");
        Uid = metadata.String("uid");
        AwsQueryCompatible = metadata.Has("awsQueryCompatible");
        Auth = metadata.Strings("auth");
        SignatureVersion = metadata.String("signatureVersion");
        GlobalEndpoint = metadata.String("globalEndpoint");
        _shapeIndex = new Lazy<Dictionary<string, JsonElement>>(() => Index(_shapes));
        _operationIndex = new Lazy<Dictionary<string, JsonElement>>(() => Index(_operations));
        _operationNames = new Lazy<IReadOnlyList<string>>(() =>
            _operations.ValueKind == JsonValueKind.Object ? _operations.EnumerateObject().Select(p => p.Name).ToArray() : Array.Empty<string>());
    }

    /// <summary>Parses a service model from JSON bytes; <paramref name="source"/> names it in errors.</summary>
    public static ServiceModel Parse(ReadOnlyMemory<byte> json, string serviceName, string source)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json, new JsonDocumentOptions { AllowTrailingCommas = false });
        }
        catch (JsonException e)
        {
            throw new ModelLoadException($"{source}: invalid JSON at line {e.LineNumber + 1}, byte {e.BytePositionInLine + 1}: {FirstSentence(e.Message)}", e);
        }
        return new ServiceModel(document, serviceName, source);
    }

    /// <summary>The file (or other origin) the model was read from.</summary>
    public string Source { get; }

    /// <summary>The name botocore loads the service by: its data directory name ("s3", "dynamodb").</summary>
    public string ServiceName { get; }
    public string ServiceId { get; }
    public string ApiVersion { get; }
    public string EndpointPrefix { get; }
    public string SigningName { get; }
    public string ServiceFullName { get; }

    /// <summary>The protocol AwsCore speaks to this service, chosen from <see cref="Protocols"/> by <see cref="ProtocolPriority"/>.</summary>
    public string Protocol { get; }
    public IReadOnlyList<string> Protocols { get; }
    public string? JsonVersion { get; }
    public string? TargetPrefix { get; }
    public string? Uid { get; }
    public bool AwsQueryCompatible { get; }
    public IReadOnlyList<string> Auth { get; }
    public string? SignatureVersion { get; }
    public string? GlobalEndpoint { get; }

    /// <summary>The serviceId in botocore's hyphenated event form ("Auto Scaling Plans" -> "auto-scaling-plans").</summary>
    public string HyphenizedServiceId => _hyphenizedServiceId ??= ServiceId.Replace(' ', '-').ToLowerInvariant();

    private string? _hyphenizedServiceId;

    internal JsonElement Metadata { get; }

    /// <summary>
    /// A file beside the model in its version directory ("paginators-1", "waiters-2", "endpoint-rule-set-1"),
    /// with its sdk-extras merged; null when the service has none or the model was not loaded from a folder.
    /// </summary>
    public ModelFile? GetCompanionFile(string typeName) =>
        Companions is null ? null : _companionCache.GetOrAdd(typeName, t => Companions.Read(t) is { } f ? new ModelFile(f.Bytes, f.File) : null);

    internal CompanionFiles? Companions { get; set; }

    /// <summary>Paginators by operation name (paginators-1.json with its sdk-extras); empty when the service has none.</summary>
    public IReadOnlyDictionary<string, PaginatorDefinition> Paginators =>
        _paginators ??= GetCompanionFile("paginators-1") is { } f ? PaginatorDefinition.ParseFile(f.Bytes, f.Path) : new Dictionary<string, PaginatorDefinition>();

    /// <summary>Waiters by name (waiters-2.json); empty when the service has none.</summary>
    public IReadOnlyDictionary<string, WaiterDefinition> Waiters =>
        _waiters ??= GetCompanionFile("waiters-2") is { } f ? WaiterDefinition.ParseFile(f.Bytes, f.Path) : new Dictionary<string, WaiterDefinition>();

    private IReadOnlyDictionary<string, PaginatorDefinition>? _paginators;
    private IReadOnlyDictionary<string, WaiterDefinition>? _waiters;

    /// <summary>clientContextParams: parameter name to its definition (type, documentation).</summary>
    public IReadOnlyDictionary<string, JsonElement> ClientContextParams =>
        _document.RootElement.Object("clientContextParams") is { } ccp
            ? ccp.EnumerateObject().ToDictionary(p => p.Name, p => p.Value, StringComparer.Ordinal)
            : EmptyElements;

    public IReadOnlyList<string> OperationNames => _operationNames.Value;

    public IEnumerable<string> ShapeNames =>
        _shapes.ValueKind == JsonValueKind.Object ? _shapes.EnumerateObject().Select(p => p.Name) : Enumerable.Empty<string>();

    public bool HasOperation(string name) => _operationIndex.Value.ContainsKey(name);

    /// <summary>The operation of that exact name; an unknown name is an error that suggests the closest names.</summary>
    public OperationModel GetOperation(string name)
    {
        if (_operationCache.TryGetValue(name, out var cached)) return cached;
        if (!_operationIndex.Value.TryGetValue(name, out var definition))
        {
            var close = NameSuggestions.Closest(name, OperationNames);
            throw new ArgumentException($"{ServiceName} has no operation '{name}'" + (close.Count > 0 ? $"; did you mean {string.Join(", ", close)}?" : "."), "operation");
        }
        return _operationCache.GetOrAdd(name, n => new OperationModel(this, n, definition));
    }

    /// <summary>A shape by name, without reference traits.</summary>
    public Shape GetShape(string name)
    {
        if (_shapeCache.TryGetValue(name, out var cached)) return cached;
        if (!_shapeIndex.Value.TryGetValue(name, out var definition))
            throw new ModelLoadException($"{Source}: reference to undefined shape '{name}'");
        return _shapeCache.GetOrAdd(name, n => new Shape(this, n, definition, default));
    }

    /// <summary>Resolves a shape reference ({"shape": "X", ...member traits}); <paramref name="context"/> names it in errors.</summary>
    internal Shape Resolve(JsonElement reference, string context)
    {
        if (reference.ValueKind != JsonValueKind.Object || !reference.TryGetProperty("shape", out var nameElement) || nameElement.ValueKind != JsonValueKind.String)
            throw new ModelLoadException($"{Source}: {context} is not a shape reference");
        var name = nameElement.GetString()!;
        var hasTraits = false;
        foreach (var _ in reference.EnumerateObject())
        {
            if (hasTraits) break;
            hasTraits = _.Name != "shape";
        }
        if (!hasTraits) return GetShape(name);
        if (!_shapeIndex.Value.TryGetValue(name, out var definition))
            throw new ModelLoadException($"{Source}: {context} refers to undefined shape '{name}'");
        return new Shape(this, name, definition, reference);
    }

    public override string ToString() => $"{ServiceName} {ApiVersion} ({Protocol})";

    /// <summary>Name to element of a JSON object, so lookups in models with thousands of shapes are not linear scans.</summary>
    private static Dictionary<string, JsonElement> Index(JsonElement members)
    {
        var index = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        if (members.ValueKind == JsonValueKind.Object)
            foreach (var p in members.EnumerateObject()) index[p.Name] = p.Value;
        return index;
    }

    private static string ResolveProtocol(string? legacy, IReadOnlyList<string> protocols, string source)
    {
        if (protocols.Count > 0)
        {
            foreach (var p in ProtocolPriority)
                if (protocols.Contains(p)) return p;
            throw new ModelLoadException($"{source}: none of the service's protocols ({string.Join(", ", protocols)}) is supported ({string.Join(", ", ProtocolPriority)})");
        }
        return legacy ?? throw new ModelLoadException($"{source}: metadata names no protocol");
    }

    private static string FirstSentence(string message)
    {
        var i = message.IndexOf(" Path:", StringComparison.Ordinal);
        return i > 0 ? message.Substring(0, i) : message;
    }

    internal static readonly IReadOnlyDictionary<string, JsonElement> EmptyElements = new Dictionary<string, JsonElement>();
}
