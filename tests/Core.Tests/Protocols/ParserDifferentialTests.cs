using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using AwsCore.Conformance.Suites;
using AwsCore.Http;
using AwsCore.Models;
using AwsCore.Protocols;
using AwsCore.Protocols.Json;
using AwsCore.Protocols.RpcV2;
using Xunit.Abstractions;

namespace AwsCore.Tests.Protocols;

/// <summary>
/// Random output bodies for json and smithy-rpc-v2-cbor operations, parsed by AwsCore and by the installed botocore's
/// parser: the parsed trees must agree (timestamps compared as epoch seconds, blobs as bytes).
/// </summary>
public sealed class ParserDifferentialTests
{
    private const string Script = """
import sys, json, base64, datetime
from botocore.loaders import Loader
from botocore.model import ServiceModel
from botocore.parsers import create_parser

def plain(v):
    if isinstance(v, dict):
        return {k: plain(x) for k, x in v.items()}
    if isinstance(v, list):
        return [plain(x) for x in v]
    if isinstance(v, (bytes, bytearray)):
        return {'__blob__': base64.b64encode(v).decode('ascii')}
    if isinstance(v, datetime.datetime):
        return {'__ts__': v.timestamp()}
    return v

loader = Loader()
models = {}
out = []
for case in json.loads(sys.stdin.read()):
    try:
        service = case['service']
        if service not in models:
            models[service] = ServiceModel(loader.load_service_model(service, 'service-2'), service_name=service)
        op = models[service].operation_model(case['operation'])
        parsed = create_parser(case['protocol']).parse(
            {'status_code': 200, 'headers': {}, 'body': base64.b64decode(case['body'])}, op.output_shape)
        parsed.pop('ResponseMetadata', None)
        out.append({'ok': True, 'parsed': plain(parsed)})
    except Exception as e:
        out.append({'ok': False, 'error': '%s: %s' % (type(e).__name__, e)})
sys.stdout.write(json.dumps(out))
""";

    private readonly ITestOutputHelper _output;

    public ParserDifferentialTests(ITestOutputHelper output) => _output = output;

    [Fact]
    public void AwsCoreParsesJsonAndCborBodiesLikeBotocore()
    {
        var cases = new List<(string Service, OperationModel Operation, string Protocol, byte[] Body)>();
        var seed = 1000;
        var services = BotocoreModels.Services.ToList();
        for (var s = 0; s < services.Count; s++)
        {
            var service = services[s];
            var model = BotocoreModels.Load(service);
            var protocols = model.Protocol == "json" && s % 2 == 0 ? new[] { "json" } : Array.Empty<string>();
            if (model.Protocols.Contains("smithy-rpc-v2-cbor")) protocols = protocols.Append("smithy-rpc-v2-cbor").ToArray();
            foreach (var protocol in protocols)
            {
                foreach (var name in model.OperationNames.Take(protocol == "json" ? 3 : 8))
                {
                    var operation = model.GetOperation(name);
                    if (operation.Output is not { } output || operation.EventStreamOutput is not null || output.Payload is not null) continue;
                    var tree = new RandomInput(seed++).ForShape(output);
                    var body = protocol == "json" ? JsonBodyWriter.Write(output, tree) : CborBodyWriter.Write(output, tree);
                    cases.Add((service, operation, protocol, body));
                }
            }
        }

        var input = new MemoryStream();
        using (var writer = new Utf8JsonWriter(input))
        {
            writer.WriteStartArray();
            foreach (var c in cases)
            {
                writer.WriteStartObject();
                writer.WriteString("service", c.Service);
                writer.WriteString("operation", c.Operation.Name);
                writer.WriteString("protocol", c.Protocol);
                writer.WriteString("body", Convert.ToBase64String(c.Body));
                writer.WriteEndObject();
            }
            writer.WriteEndArray();
        }
        var (code, stdout, stderr) = Python.Run(Script, Encoding.UTF8.GetString(input.ToArray()));
        Assert.True(code == 0, $"{BotocoreModels.InstallHint}; python3 exited with {code}: {stderr}");
        var expected = JsonNode.Parse(stdout)!.AsArray();

        var failures = new List<string>();
        var compared = 0;
        for (var i = 0; i < cases.Count; i++)
        {
            var c = cases[i];
            var label = $"{c.Service}.{c.Operation.Name} ({c.Protocol})";
            var result = expected[i]!.AsObject();
            if (!(bool)result["ok"]!)
            {
                failures.Add($"{label}: botocore could not parse AwsCore's body: {result["error"]}");
                continue;
            }
            try
            {
                var parsed = ProtocolRegistry.For(c.Protocol).Parser.Parse(c.Operation, new AwsHttpResponse { StatusCode = 200, Body = c.Body });
                parsed.Remove("ResponseMetadata");
                var actual = ProtocolValues.Normalize(Encode(parsed));
                var wanted = ProtocolValues.Normalize(Decode(result["parsed"]));
                if (ProtocolValues.Compare(actual, wanted, "output") is { } problem) failures.Add($"{label}: {problem}");
                compared++;
            }
            catch (Exception e)
            {
                failures.Add($"{label}: AwsCore threw {e.GetType().Name}: {e.Message}");
            }
        }
        _output.WriteLine($"{compared} outputs compared ({cases.Count(c => c.Protocol == "json")} json, {cases.Count(c => c.Protocol != "json")} cbor)");
        Assert.True(failures.Count == 0, $"{failures.Count} differ:\n" + string.Join("\n", failures.Take(30)));
        Assert.True(compared >= 200, $"only {compared} outputs compared");
    }

    /// <summary>AwsCore's tree with blobs and timestamps in the markers the python side uses.</summary>
    private static object? Encode(object? value) => value switch
    {
        byte[] bytes => new Dictionary<string, object?> { ["__blob__"] = Convert.ToBase64String(bytes) },
        DateTime dt => new Dictionary<string, object?> { ["__ts__"] = Timestamps.ToEpochSeconds(dt) },
        IDictionary<string, object?> map => map.ToDictionary(p => p.Key, p => Encode(p.Value), StringComparer.Ordinal),
        List<object?> list => list.Select(Encode).ToList(),
        _ => value,
    };

    private static object? Decode(JsonNode? node) => ProtocolValues.Plain(node);
}
