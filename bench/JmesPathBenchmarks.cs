using System.Globalization;
using System.Text.Json;
using AwsCore.Bench.Peers;
using AwsCore.Jmes;
using AwsCore.Testing;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;

namespace AwsCore.Bench;

/// <summary>
/// Typical paginator and waiter expressions evaluated by AwsCore (compiled once, cached by text, as paginators and
/// waiters use them) against botocore's jmespath.search over the same data, timed with timeit in a python3
/// subprocess of the same run. The "botocore" and "Speedup" columns show the peer and the ratio.
/// </summary>
[Config(typeof(PeerConfig))]
[MemoryDiagnoser]
[MinColumn]
public class JmesPathBenchmarks
{
    private object? _data;
    private JmesPathExpression _compiled = null!;

    [ParamsSource(nameof(CaseNames))]
    public string Case { get; set; } = "";

    public static IEnumerable<string> CaseNames => JmesPathBenchmarkCases.All.Keys;

    [GlobalSetup]
    public void Setup()
    {
        var (expression, json) = JmesPathBenchmarkCases.All[Case];
        using var document = JsonDocument.Parse(json);
        _data = JmesJson.ToTree(document.RootElement);
        _compiled = JmesPath.Compile(expression);
        // The result must be what botocore computes, or the timing means nothing.
        var expected = JmesPathBenchmarkCases.ExpectedResults[Case];
        var actual = JmesJson.Serialize(_compiled.Search(_data));
        if (actual != expected) throw new InvalidOperationException($"{Case}: {actual}, expected {expected}");
    }

    /// <summary>As a paginator or waiter runs it: the compiled expression over one page.</summary>
    [Benchmark]
    public object? Evaluate() => _compiled.Search(_data);

    /// <summary>As botocore's jmespath.search: look up the expression text in the cache, then evaluate.</summary>
    [Benchmark(Baseline = true)]
    public object? Search() => JmesPath.Search(JmesPathBenchmarkCases.All[Case].Expression, _data);

    private sealed class PeerConfig : ManualConfig
    {
        public PeerConfig()
        {
            AddColumn(new PeerColumn("botocore", speedup: false, PeerFigure, "botocore jmespath.search time per call (python3 timeit, same run)", peerFormat: "0.00"));
            AddColumn(new PeerColumn("Speedup", speedup: true, PeerFigure, "botocore's best repeat per call divided by AwsCore's best iteration (Min)"));
        }

        private static double? PeerFigure(BenchmarkCase benchmarkCase) =>
            BotocorePeer.NanosecondsPerCall.Value[(string)benchmarkCase.Parameters["Case"]];
    }
}

/// <summary>Runs botocore's jmespath over the same cases: their results, and their time with timeit (best of 5 autoranged repeats).</summary>
internal static class BotocorePeer
{
    private const string Script = @"
import sys, json, timeit, jmespath
timed = sys.argv[1] == 'time'
cases = json.load(sys.stdin)
out = {}
for name, case in cases.items():
    data = json.loads(case['json'])
    expression = case['expression']
    result = json.dumps(jmespath.search(expression, data), separators=(',', ':'))
    best = 0.0
    if timed:
        timer = timeit.Timer(lambda: jmespath.search(expression, data))
        number, _ = timer.autorange()
        best = min(timer.repeat(repeat=5, number=number)) / number
    out[name] = {'ns': best * 1e9, 'result': result}
print(json.dumps(out))
";

    public static readonly Lazy<Dictionary<string, double>> NanosecondsPerCall = new(() => Run(timed: true).ToDictionary(p => p.Key, p => p.Value.Nanoseconds));

    public static Dictionary<string, (double Nanoseconds, string Result)> Run(bool timed)
    {
        var input = JsonSerializer.Serialize(JmesPathBenchmarkCases.All.ToDictionary(c => c.Key, c => new { expression = c.Value.Expression, json = c.Value.Json }));
        var (code, output, error) = Python3.Run(new[] { "-c", Script, timed ? "time" : "results" }, input,
            "python3 could not be started (install Python 3 and `pip install jmespath`)", Timeout.Infinite);
        if (code != 0) throw new InvalidOperationException("python3 jmespath timing failed (`pip install jmespath`): " + error);
        using var document = JsonDocument.Parse(output);
        return document.RootElement.EnumerateObject().ToDictionary(
            p => p.Name,
            p => (p.Value.GetProperty("ns").GetDouble(), p.Value.GetProperty("result").GetString()!));
    }
}

/// <summary>The benchmark expressions and the pages they run over (shaped as the services' real outputs).</summary>
internal static class JmesPathBenchmarkCases
{
    public static readonly Dictionary<string, (string Expression, string Json)> All = new()
    {
        ["S3ContentsLastKey"] = ("Contents[-1].Key", ListObjects()),
        ["S3NextMarkerOrLastKey"] = ("NextMarker || Contents[-1].Key", ListObjects()),
        ["Ec2InstanceStates"] = ("Reservations[].Instances[].State.Name", DescribeInstances()),
        ["FilterLengthCompare"] = ("length(Items[?Status=='ACTIVE']) > `0`", Items()),
        ["DynamoTableStatus"] = ("Table.TableStatus", @"{""Table"": {""TableName"": ""t"", ""TableStatus"": ""ACTIVE"", ""ItemCount"": 12}}"),
    };

    /// <summary>botocore's results, which the benchmark setup checks AwsCore reproduces before timing.</summary>
    public static Dictionary<string, string> ExpectedResults => Expected.Value;

    private static readonly Lazy<Dictionary<string, string>> Expected = new(() => BotocorePeer.Run(timed: false).ToDictionary(p => p.Key, p => p.Value.Result));

    private static string ListObjects()
    {
        var contents = Enumerable.Range(0, 1000).Select(i => new { Key = $"logs/2024/{i:D5}.gz", Size = i * 17, ETag = $"\"{i:x8}\"", StorageClass = "STANDARD" });
        return JsonSerializer.Serialize(new { Name = "bucket", IsTruncated = true, MaxKeys = 1000, Contents = contents });
    }

    private static string DescribeInstances()
    {
        var states = new[] { "running", "pending", "stopped" };
        var reservations = Enumerable.Range(0, 50).Select(r => new
        {
            ReservationId = $"r-{r:x8}",
            Instances = Enumerable.Range(0, 2).Select(i => new { InstanceId = $"i-{r:x8}{i}", State = new { Code = 16, Name = states[(r + i) % 3] } }),
        });
        return JsonSerializer.Serialize(new { Reservations = reservations });
    }

    private static string Items() =>
        JsonSerializer.Serialize(new { Items = Enumerable.Range(0, 100).Select(i => new { Id = i, Status = i % 10 == 9 ? "ACTIVE" : "DELETING" }) });
}
