using System.IO.Compression;
using System.Text.Json;
using AwsCore.Endpoints;
using AwsCore.Testing;
using BenchmarkDotNet.Attributes;

namespace AwsCore.Bench;

/// <summary>
/// Endpoint resolution: compiling the S3 and DynamoDB rule sets, resolving an S3 virtual-hosted endpoint and a DynamoDB
/// endpoint uncached (full rule evaluation) and cached. botocore's EndpointProvider is timed in the same run
/// (python3 timeit, printed and written to BenchmarkDotNet.Artifacts/botocore-endpoints.json). AwsCore's compile includes
/// reading the JSON text; botocore's figure is given both without (its EndpointProvider over an already loaded dict)
/// and with json.loads.
/// </summary>
[MemoryDiagnoser]
public class EndpointBenchmarks
{
    private const string PeerScript = """
        import json, sys, gzip, timeit, os, botocore
        from botocore.endpoint_provider import EndpointProvider
        data = os.path.join(os.path.dirname(botocore.__file__), 'data')
        req = json.load(sys.stdin)
        partitions = json.load(open(os.path.join(data, 'partitions.json')))
        out = {}
        for name, path, params in req:
            with (gzip.open if path.endswith('.gz') else open)(path, 'rb') as f:
                text = f.read()
            rules = json.loads(text)
            n = 100
            out[name + '.compile'] = timeit.timeit(lambda: EndpointProvider(rules, partitions), number=n) / n
            out[name + '.parse+compile'] = timeit.timeit(lambda: EndpointProvider(json.loads(text), partitions), number=n) / n
            provider = EndpointProvider(rules, partitions)
            n = 5000
            out[name + '.uncached'] = timeit.timeit(lambda: provider.ruleset.evaluate(dict(params)), number=n) / n
            provider.resolve_endpoint(**params)
            n = 100000
            out[name + '.cached'] = timeit.timeit(lambda: provider.resolve_endpoint(**params), number=n) / n
        json.dump(out, sys.stdout)
        """;

    private static readonly Dictionary<string, object?> S3Params = new()
    {
        ["Region"] = "us-west-2", ["UseFIPS"] = false, ["UseDualStack"] = false, ["ForcePathStyle"] = false,
        ["Accelerate"] = false, ["UseArnRegion"] = true, ["Bucket"] = "my-bucket", ["Key"] = "photos/cat.jpg",
    };

    private static readonly Dictionary<string, object?> DynamoDbParams = new()
    {
        ["Region"] = "us-east-1", ["UseFIPS"] = false, ["UseDualStack"] = false, ["AccountIdEndpointMode"] = "preferred",
    };

    private string _s3Path = "";
    private string _dynamoDbPath = "";
    private byte[] _s3Json = Array.Empty<byte>();
    private byte[] _dynamoDbJson = Array.Empty<byte>();
    private PartitionSet _partitions = null!;
    private EndpointRuleSet _s3 = null!;
    private EndpointRuleSet _dynamoDb = null!;
    private EndpointProvider _s3Provider = null!;
    private EndpointProvider _dynamoDbProvider = null!;

    /// <summary>The S3 compile benchmark's process also times botocore, once per run.</summary>
    [GlobalSetup(Target = nameof(CompileS3))]
    public void SetupWithPeer()
    {
        Setup();
        TimeBotocore();
    }

    [GlobalSetup(Targets = new[] { nameof(CompileDynamoDb), nameof(S3VirtualHostedUncached), nameof(S3VirtualHostedCached), nameof(DynamoDbUncached), nameof(DynamoDbCached) })]
    public void Setup()
    {
        var data = AwsCore.Tests.Support.BotocoreData.Require();
        _partitions = PartitionSet.Load(Path.Combine(data, "partitions.json"));
        _s3Path = RuleSetPath(data, "s3");
        _dynamoDbPath = RuleSetPath(data, "dynamodb");
        _s3Json = ReadAll(_s3Path);
        _dynamoDbJson = ReadAll(_dynamoDbPath);
        _s3 = EndpointRuleSet.Parse(_s3Json, _partitions);
        _dynamoDb = EndpointRuleSet.Parse(_dynamoDbJson, _partitions);
        _s3Provider = new EndpointProvider(_s3);
        _dynamoDbProvider = new EndpointProvider(_dynamoDb);
        if (_s3.Resolve(S3Params).Url != "https://my-bucket.s3.us-west-2.amazonaws.com")
            throw new InvalidOperationException("unexpected S3 endpoint");
    }

    private void TimeBotocore()
    {
        var request = JsonSerializer.Serialize(new object[]
        {
            new object[] { "s3", _s3Path, S3Params },
            new object[] { "dynamodb", _dynamoDbPath, DynamoDbParams },
        });
        var peer = Python(PeerScript, request);
        Directory.CreateDirectory("BenchmarkDotNet.Artifacts");
        File.WriteAllText(Path.Combine("BenchmarkDotNet.Artifacts", "botocore-endpoints.json"), peer);
        using var doc = JsonDocument.Parse(peer);
        foreach (var p in doc.RootElement.EnumerateObject())
            Console.WriteLine($"// botocore {p.Name}: {p.Value.GetDouble() * 1e6:0.###} us");
    }

    [Benchmark]
    public EndpointRuleSet CompileS3() => EndpointRuleSet.Parse(_s3Json, _partitions);

    [Benchmark]
    public EndpointRuleSet CompileDynamoDb() => EndpointRuleSet.Parse(_dynamoDbJson, _partitions);

    [Benchmark]
    public ResolvedEndpoint S3VirtualHostedUncached() => _s3.Resolve(S3Params);

    [Benchmark]
    public ResolvedEndpoint S3VirtualHostedCached() => _s3Provider.Resolve(S3Params);

    [Benchmark]
    public ResolvedEndpoint DynamoDbUncached() => _dynamoDb.Resolve(DynamoDbParams);

    [Benchmark]
    public ResolvedEndpoint DynamoDbCached() => _dynamoDbProvider.Resolve(DynamoDbParams);

    private static string RuleSetPath(string data, string service)
    {
        var version = Directory.GetDirectories(Path.Combine(data, service)).OrderByDescending(d => d, StringComparer.Ordinal).First();
        var plain = Path.Combine(version, "endpoint-rule-set-1.json");
        return File.Exists(plain) ? plain : plain + ".gz";
    }

    private static byte[] ReadAll(string path)
    {
        if (!path.EndsWith(".gz", StringComparison.Ordinal)) return File.ReadAllBytes(path);
        using var gzip = new GZipStream(File.OpenRead(path), CompressionMode.Decompress);
        using var buffer = new MemoryStream();
        gzip.CopyTo(buffer);
        return buffer.ToArray();
    }

    private static string Python(string script, string stdin)
    {
        const string hint = "python3 with botocore is needed (pip install botocore)";
        var (code, output, error) = Python3.Run(new[] { "-c", script }, stdin, hint, Timeout.Infinite);
        if (code != 0) throw new InvalidOperationException("python3/botocore failed (pip install botocore): " + error);
        return output;
    }
}
