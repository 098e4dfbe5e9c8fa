using System.IO.Compression;
using System.Text.Json;
using AwsCore.Endpoints;

namespace AwsCore.Conformance.Suites;

/// <summary>
/// The endpoint bindings of one service model (service-2.json from the model search path): clientContextParams,
/// and per operation its staticContextParams, the contextParam of its input members and its operationContextParams.
/// Read directly from the JSON here so the suite does not wait for the model loader; a client takes them from
/// AwsCore.Models.
/// </summary>
internal sealed class EndpointServiceBindings
{
    private readonly Dictionary<string, EndpointOperationBindings> _operations;
    private readonly List<string> _clientContextParams;

    private EndpointServiceBindings(Dictionary<string, EndpointOperationBindings> operations, List<string> clientContextParams)
    {
        _operations = operations;
        _clientContextParams = clientContextParams;
    }

    public static EndpointServiceBindings? Find(string service)
    {
        var path = EndpointData.FindServiceFile(service, "service-2.json");
        return path is null ? null : Read(path);
    }

    public bool HasOperation(string name) => _operations.ContainsKey(name);

    /// <summary>Builds the rule-set parameters for one "operationInputs" entry of a test case.</summary>
    public Dictionary<string, object?> BuildParameters(EndpointRuleSet ruleSet, JsonElement input)
    {
        var operationName = input.GetProperty("operationName").GetString()!;
        if (!_operations.TryGetValue(operationName, out var operation))
            throw new InvalidOperationException($"operation {operationName} is not in the service model");
        var operationParams = input.TryGetProperty("operationParams", out var op)
            ? (Dictionary<string, object?>)EndpointCaseCheck.ToValue(op)!
            : new Dictionary<string, object?>();
        var builtIns = input.TryGetProperty("builtInParams", out var b)
            ? (Dictionary<string, object?>)EndpointCaseCheck.ToValue(b)!
            : new Dictionary<string, object?>();
        var clientParams = input.TryGetProperty("clientParams", out var c)
            ? (Dictionary<string, object?>)EndpointCaseCheck.ToValue(c)!
            : new Dictionary<string, object?>();
        var builder = new EndpointParameterBuilder(ruleSet, _clientContextParams, PythonJmesPath.Search);
        return builder.Build(operation, operationParams, builtIns, clientParams);
    }

    private static EndpointServiceBindings Read(string path)
    {
        using var doc = JsonDocument.Parse(ReadBytes(path));
        var root = doc.RootElement;
        var clientContext = new List<string>();
        if (root.TryGetProperty("clientContextParams", out var ccp))
            foreach (var p in ccp.EnumerateObject()) clientContext.Add(p.Name);
        var shapes = root.GetProperty("shapes");
        var operations = new Dictionary<string, EndpointOperationBindings>(StringComparer.Ordinal);
        foreach (var operation in root.GetProperty("operations").EnumerateObject())
        {
            var statics = new Dictionary<string, object?>(StringComparer.Ordinal);
            if (operation.Value.TryGetProperty("staticContextParams", out var scp))
                foreach (var p in scp.EnumerateObject()) statics[p.Name] = EndpointCaseCheck.ToValue(p.Value.GetProperty("value"));
            var contextParams = new Dictionary<string, string>(StringComparer.Ordinal);
            if (operation.Value.TryGetProperty("input", out var input) && shapes.TryGetProperty(input.GetProperty("shape").GetString()!, out var shape)
                && shape.TryGetProperty("members", out var members))
            {
                foreach (var member in members.EnumerateObject())
                    if (member.Value.TryGetProperty("contextParam", out var cp))
                        contextParams[cp.GetProperty("name").GetString()!] = member.Name;
            }
            var operationContext = new Dictionary<string, string>(StringComparer.Ordinal);
            if (operation.Value.TryGetProperty("operationContextParams", out var ocp))
                foreach (var p in ocp.EnumerateObject()) operationContext[p.Name] = p.Value.GetProperty("path").GetString()!;
            operations[operation.Name] = new EndpointOperationBindings
            {
                StaticContextParams = statics,
                ContextParams = contextParams,
                OperationContextParams = operationContext,
            };
        }
        return new EndpointServiceBindings(operations, clientContext);
    }

    private static byte[] ReadBytes(string path)
    {
        if (!path.EndsWith(".gz", StringComparison.OrdinalIgnoreCase)) return File.ReadAllBytes(path);
        using var file = File.OpenRead(path);
        using var gzip = new GZipStream(file, CompressionMode.Decompress);
        using var buffer = new MemoryStream();
        gzip.CopyTo(buffer);
        return buffer.ToArray();
    }
}
