using AwsCore.Bench.Peers;
using AwsCore.Models;
using AwsCore.Protocols;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Running;

namespace AwsCore.Bench;

/// <summary>
/// Serialize a request and parse its response, per protocol: DynamoDB PutItem/GetItem (json), an S3 ListObjectsV2
/// page of 1,000 keys (rest-xml), an EC2 DescribeInstances page of 100 instances (ec2). botocore's serializer and
/// parser run on byte-for-byte the same fixtures in a python3 subprocess in this run (timeit wall time, best of fifteen
/// repeats, against this table's best iteration); the summary shows its time and AwsCore's speedup.
/// </summary>
[Config(typeof(PeerConfig))]
[MemoryDiagnoser]
[MinColumn]
public class ProtocolBenchmarks
{
    /// <summary>
    /// botocore's time per case in nanoseconds, measured in the case's set-up right before its iterations, so both sides
    /// meet the same moment of a shared machine (or, out of process, when the summary first asks).
    /// </summary>
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, double> Botocore = new();

    private static double BotocoreNanoseconds(string name) =>
        Botocore.GetOrAdd(name, _ => BotocoreProtocolPeer.MicrosecondsPerOperation(ProtocolFixtures.Get(name)).Wall * 1000);

    private OperationModel _operation = null!;
    private ProtocolPair _protocol = null!;
    private Dictionary<string, object?> _parameters = null!;
    private AwsCore.Http.AwsHttpResponse _response = null!;

    [Params("DynamoDbPutItem", "DynamoDbGetItem", "S3ListObjectsV2", "Ec2DescribeInstances")]
    public string Case { get; set; } = "DynamoDbPutItem";

    [GlobalSetup]
    public void Setup()
    {
        var fixture = ProtocolFixtures.Get(Case);
        var model = ProtocolFixtures.LoadModel(fixture.Service);
        _operation = model.GetOperation(fixture.Operation);
        _protocol = ProtocolRegistry.For(model.Protocol);
        _parameters = fixture.Parameters;
        _response = fixture.Response;
        SerializeAndParse();
        BotocoreNanoseconds(Case);
    }

    [Benchmark]
    public object SerializeAndParse()
    {
        var request = _protocol.Serializer.Serialize(_operation, _parameters);
        var parsed = _protocol.Parser.Parse(_operation, _response);
        return request.Body.Length + parsed.Count;
    }

    private sealed class PeerConfig : ManualConfig
    {
        public PeerConfig()
        {
            const string legend = "botocore serializer + parser on the same fixture, python3 timeit (wall, best of 15) in this run";
            AddColumn(new PeerColumn("botocore", speedup: false, PeerFigure, legend));
            AddColumn(new PeerColumn("vs botocore", speedup: true, PeerFigure, "botocore's best repeat divided by this row's best iteration (Min)"));
        }

        private static double? PeerFigure(BenchmarkCase benchmarkCase) =>
            BotocoreNanoseconds((string)benchmarkCase.Parameters["Case"]);
    }
}
