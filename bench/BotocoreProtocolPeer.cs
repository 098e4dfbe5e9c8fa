using System.Globalization;
using System.Text;
using System.Text.Json;
using AwsCore.Testing;

namespace AwsCore.Bench;

/// <summary>
/// Times botocore's serializer + parser on the same fixture in a python3 subprocess (timeit: loops of at least 0.2 s,
/// best of fifteen wall-clock repeats, as many as the iterations of BenchmarkDotNet's medium job whose best it is set
/// against, and best of five in process CPU time, for a busy machine).
/// </summary>
internal static class BotocoreProtocolPeer
{
    private const string Script = """
import sys, json, base64, timeit, time
from botocore.loaders import Loader
from botocore.model import ServiceModel
from botocore.serialize import create_serializer
from botocore.parsers import create_parser

def hook(d):
    if len(d) == 1 and '__blob__' in d:
        return base64.b64decode(d['__blob__'])
    if len(d) == 1 and '__ts__' in d:
        return d['__ts__']
    return d

spec = json.loads(sys.stdin.read(), object_hook=hook)
model = ServiceModel(Loader().load_service_model(spec['service'], 'service-2'), service_name=spec['service'])
op = model.operation_model(spec['operation'])
serializer = create_serializer(model.metadata['protocol'], include_validation=False)
parser = create_parser(model.metadata['protocol'])
body = base64.b64decode(spec['body'])
headers = spec['headers']
params = spec['params']

def once():
    serializer.serialize_to_request(params, op)
    parser.parse({'status_code': 200, 'headers': dict(headers), 'body': body}, op.output_shape)

wall = timeit.Timer(once)
number, _ = wall.autorange()
best_wall = min(wall.repeat(repeat=15, number=number)) / number
cpu = timeit.Timer(once, timer=time.process_time)
best_cpu = min(cpu.repeat(repeat=5, number=number)) / number
print(json.dumps({'wall': best_wall, 'cpu': best_cpu, 'loops': number}))
""";

    /// <summary>botocore's wall and CPU time per serialize+parse, in microseconds.</summary>
    public static (double Wall, double Cpu) MicrosecondsPerOperation(ProtocolFixtures.Fixture fixture)
    {
        var input = new MemoryStream();
        using (var writer = new Utf8JsonWriter(input))
        {
            writer.WriteStartObject();
            writer.WriteString("service", fixture.Service);
            writer.WriteString("operation", fixture.Operation);
            writer.WriteString("body", Convert.ToBase64String(fixture.Response.Body));
            writer.WriteStartObject("headers");
            foreach (var header in fixture.Response.Headers) writer.WriteString(header.Key, header.Value);
            writer.WriteEndObject();
            writer.WritePropertyName("params");
            PythonPeerJson.Write(writer, fixture.Parameters);
            writer.WriteEndObject();
        }
        var (code, output, error) = Python3.Run(new[] { "-c", Script }, Encoding.UTF8.GetString(input.ToArray()),
            "python3 with botocore is required for the protocol benchmarks (pip install botocore)", Timeout.Infinite);
        if (code != 0) throw new InvalidOperationException($"botocore peer failed (python3 with botocore is required: pip install botocore): {error}");
        using var result = JsonDocument.Parse(output);
        var figures = (result.RootElement.GetProperty("wall").GetDouble() * 1e6, result.RootElement.GetProperty("cpu").GetDouble() * 1e6);
        Console.WriteLine(string.Format(CultureInfo.InvariantCulture, "// botocore peer {0}: {1:0.0} us/op wall, {2:0.0} us/op CPU (timeit best of 15 wall, 5 CPU)", fixture.Name, figures.Item1, figures.Item2));
        return figures;
    }
}
