using System.Globalization;
using System.Text;
using System.Text.Json;

namespace AwsCore.Bench;

/// <summary>
/// Times botocore's serializer + parser on the same fixture in a python3 subprocess (timeit: loops of at least 0.2 s,
/// best of five) in CPU time, and AwsCore the same way, so the ratio holds on a machine shared with other work.
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

timer = timeit.Timer(once, timer=time.process_time)
number, _ = timer.autorange()
best = min(timer.repeat(repeat=5, number=number)) / number
print(json.dumps({'seconds_per_op': best, 'loops': number}))
""";

    /// <summary>botocore's time per serialize+parse, in microseconds.</summary>
    public static double MicrosecondsPerOperation(ProtocolFixtures.Fixture fixture)
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
            Write(writer, fixture.Parameters);
            writer.WriteEndObject();
        }
        var (code, output, error) = ProtocolFixtures.Python(Script, Encoding.UTF8.GetString(input.ToArray()));
        if (code != 0) throw new InvalidOperationException($"botocore peer failed (python3 with botocore is required: pip install botocore): {error}");
        using var result = JsonDocument.Parse(output);
        return result.RootElement.GetProperty("seconds_per_op").GetDouble() * 1e6;
    }

    /// <summary>AwsCore's CPU time per call of <paramref name="operation"/>, measured as timeit measures botocore.</summary>
    public static double AwsCoreMicrosecondsPerOperation(Action operation)
    {
        var process = System.Diagnostics.Process.GetCurrentProcess();
        TimeSpan Cpu()
        {
            process.Refresh();
            return process.TotalProcessorTime;
        }
        var number = 1;
        while (true)
        {
            var start = Cpu();
            for (var i = 0; i < number; i++) operation();
            if ((Cpu() - start).TotalSeconds >= 0.2) break;
            number *= 2;
        }
        var best = double.MaxValue;
        for (var r = 0; r < 5; r++)
        {
            var start = Cpu();
            for (var i = 0; i < number; i++) operation();
            best = Math.Min(best, (Cpu() - start).TotalMilliseconds * 1000 / number);
        }
        return best;
    }

    /// <summary>Records both figures and their ratio beside BenchmarkDotNet's results and in the log.</summary>
    public static void Record(string name, double botocoreMicroseconds, double awsCoreMicroseconds)
    {
        string F(double v) => v.ToString("F1", CultureInfo.InvariantCulture);
        var line = $"{name}: botocore {F(botocoreMicroseconds)} us/op, AwsCore {F(awsCoreMicroseconds)} us/op (CPU time, serialize + parse, best of 5), ratio {F(botocoreMicroseconds / awsCoreMicroseconds)}x";
        Console.WriteLine("// " + line);
        var directory = Path.Combine(Directory.GetCurrentDirectory(), "BenchmarkDotNet.Artifacts", "results");
        Directory.CreateDirectory(directory);
        File.WriteAllText(Path.Combine(directory, $"botocore-protocols-{name}.txt"), line + Environment.NewLine);
    }

    private static void Write(Utf8JsonWriter writer, object? value)
    {
        switch (value)
        {
            case null: writer.WriteNullValue(); break;
            case string s: writer.WriteStringValue(s); break;
            case bool b: writer.WriteBooleanValue(b); break;
            case long l: writer.WriteNumberValue(l); break;
            case double d: writer.WriteNumberValue(d); break;
            case byte[] bytes:
                writer.WriteStartObject();
                writer.WriteString("__blob__", Convert.ToBase64String(bytes));
                writer.WriteEndObject();
                break;
            case Dictionary<string, object?> map:
                writer.WriteStartObject();
                foreach (var pair in map)
                {
                    writer.WritePropertyName(pair.Key);
                    Write(writer, pair.Value);
                }
                writer.WriteEndObject();
                break;
            case List<object?> list:
                writer.WriteStartArray();
                foreach (var item in list) Write(writer, item);
                writer.WriteEndArray();
                break;
            default: throw new ArgumentException($"cannot send a {value.GetType().Name} to python");
        }
    }
}
