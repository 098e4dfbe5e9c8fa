using System.Text.Json;

namespace AwsCore.Models;

/// <summary>One operation of a service model: its HTTP binding, input/output/error shapes and call-time traits.</summary>
public sealed class OperationModel
{
    private readonly JsonElement _definition;
    private readonly Lazy<Shape?> _input, _output;
    private readonly Lazy<IReadOnlyList<Shape>> _errors;

    internal OperationModel(ServiceModel service, string name, JsonElement definition)
    {
        Service = service;
        Name = name;
        _definition = definition;
        WireName = definition.String("name") ?? name;
        var http = definition.Object("http");
        HttpMethod = http?.String("method") ?? "POST";
        RequestUri = http?.String("requestUri") ?? "/";
        ResponseCode = http?.Int("responseCode");
        AuthType = definition.String("authtype");
        Auth = definition.Strings("auth");
        UnsignedPayload = definition.Bool("unsignedPayload");
        EndpointHostPrefix = definition.Object("endpoint")?.String("hostPrefix");
        HttpChecksumRequired = definition.Bool("httpChecksumRequired");
        Deprecated = definition.Bool("deprecated");
        EndpointDiscoveryRequired = definition.Object("endpointdiscovery")?.Bool("required") ?? false;
        UsesEndpointDiscovery = definition.Has("endpointdiscovery");
        IsEndpointDiscoveryOperation = definition.Bool("endpointoperation");
        if (definition.Object("httpChecksum") is { } checksum)
            HttpChecksum = new HttpChecksumTraits(
                checksum.String("requestAlgorithmMember"), checksum.Bool("requestChecksumRequired"),
                checksum.String("requestValidationModeMember"), checksum.Strings("responseAlgorithms"));
        RequestCompressionEncodings = definition.Object("requestcompression")?.Strings("encodings") ?? Array.Empty<string>();
        StaticContextParams = definition.Object("staticContextParams") is { } scp
            ? scp.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.TryGetProperty("value", out var v) ? v.ToValue() : null, StringComparer.Ordinal)
            : new Dictionary<string, object?>();
        OperationContextParams = definition.Object("operationContextParams") is { } ocp
            ? ocp.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.String("path") ?? "", StringComparer.Ordinal)
            : new Dictionary<string, string>();
        _input = new Lazy<Shape?>(() => definition.TryGetProperty("input", out var r) ? service.Resolve(r, $"{name}.input") : null);
        _output = new Lazy<Shape?>(() => definition.TryGetProperty("output", out var r) ? service.Resolve(r, $"{name}.output") : null);
        _errors = new Lazy<IReadOnlyList<Shape>>(() => definition.TryGetProperty("errors", out var list) && list.ValueKind == JsonValueKind.Array
            ? list.EnumerateArray().Select((r, i) => service.Resolve(r, $"{name}.errors[{i}]")).ToArray()
            : Array.Empty<Shape>());
    }

    public ServiceModel Service { get; }

    /// <summary>The name users call the operation by.</summary>
    public string Name { get; }

    /// <summary>The name sent on the wire (differs from <see cref="Name"/> for a few CloudFront operations).</summary>
    public string WireName { get; }
    public string HttpMethod { get; }

    /// <summary>The requestUri template: path with {Label} and {Greedy+} placeholders and an optional fixed query.</summary>
    public string RequestUri { get; }
    public int? ResponseCode { get; }
    public Shape? Input => _input.Value;
    public Shape? Output => _output.Value;
    public IReadOnlyList<Shape> Errors => _errors.Value;

    /// <summary>The legacy authtype trait ("none", "v4-unsigned-body", "bearer", ...).</summary>
    public string? AuthType { get; }

    /// <summary>The auth trait: supported schemes in order of preference ("aws.auth#sigv4", "smithy.api#noAuth", ...).</summary>
    public IReadOnlyList<string> Auth { get; }
    public bool UnsignedPayload { get; }
    public string? EndpointHostPrefix { get; }
    public bool HttpChecksumRequired { get; }
    public HttpChecksumTraits? HttpChecksum { get; }
    public IReadOnlyList<string> RequestCompressionEncodings { get; }
    public IReadOnlyDictionary<string, object?> StaticContextParams { get; }

    /// <summary>operationContextParams: endpoint parameter name to the JMESPath over the input that fills it.</summary>
    public IReadOnlyDictionary<string, string> OperationContextParams { get; }
    public bool Deprecated { get; }
    public bool UsesEndpointDiscovery { get; }
    public bool EndpointDiscoveryRequired { get; }
    public bool IsEndpointDiscoveryOperation { get; }

    /// <summary>contextParams of the input members: endpoint parameter name to input member name.</summary>
    public IReadOnlyDictionary<string, string> ContextParams => _contextParams ??=
        Input is null
            ? new Dictionary<string, string>()
            : Input.Members.Where(m => m.Value.ContextParamName != null)
                .ToDictionary(m => m.Value.ContextParamName!, m => m.Key, StringComparer.Ordinal);

    private IReadOnlyDictionary<string, string>? _contextParams;

    /// <summary>The blob payload member of the input that streams, or null.</summary>
    public Shape? StreamingInput => StreamingPayload(Input);

    public Shape? StreamingOutput => StreamingPayload(Output);

    /// <summary>The event-stream member of the output, or null.</summary>
    public Shape? EventStreamOutput => Output?.EventStreamMemberName is { } n ? Output.Members[n] : null;

    public Shape? EventStreamInput => Input?.EventStreamMemberName is { } n ? Input.Members[n] : null;

    /// <summary>The auth scheme botocore would use: the first of <see cref="Auth"/> it supports, else <see cref="AuthType"/>.</summary>
    public string? ResolvedAuthType
    {
        get
        {
            foreach (var scheme in Auth)
            {
                var mapped = AuthSchemes.ToAuthType(scheme);
                if (mapped != null) return mapped;
            }
            return Auth.Count > 0 ? throw new NotSupportedException($"{Service.ServiceName}.{Name}: no supported auth scheme in {string.Join(", ", Auth)}") : AuthType;
        }
    }

    internal JsonElement Definition => _definition;

    public override string ToString() => $"{Service.ServiceName}.{Name}";

    private static Shape? StreamingPayload(Shape? shape)
    {
        if (shape?.Payload is not { } payload || !shape.Members.TryGetValue(payload, out var member)) return null;
        return member.Type == ShapeType.Blob ? member : null;
    }
}
