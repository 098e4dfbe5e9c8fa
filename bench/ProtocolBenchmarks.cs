using AwsCore.Http;
using AwsCore.Models;
using AwsCore.Protocols;
using BenchmarkDotNet.Attributes;

namespace AwsCore.Bench;

/// <summary>
/// Serialize a request and parse its response, per protocol: DynamoDB PutItem/GetItem (json), an S3 ListObjectsV2
/// page of 1,000 keys (rest-xml), an EC2 DescribeInstances page of 100 instances (ec2). The global setup times
/// botocore on the same fixture (python3 timeit) and AwsCore the same way, both in CPU time, and records the ratio.
/// </summary>
[MemoryDiagnoser]
public class ProtocolBenchmarks
{
    private OperationModel _operation = null!;
    private ProtocolPair _protocol = null!;
    private Dictionary<string, object?> _parameters = null!;
    private AwsHttpResponse _response = null!;

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
        var botocore = BotocoreProtocolPeer.MicrosecondsPerOperation(fixture);
        BotocoreProtocolPeer.Record(Case, botocore, BotocoreProtocolPeer.AwsCoreMicrosecondsPerOperation(() => SerializeAndParse()));
    }

    [Benchmark]
    public object SerializeAndParse()
    {
        var request = _protocol.Serializer.Serialize(_operation, _parameters);
        var parsed = _protocol.Parser.Parse(_operation, _response);
        return request.Body.Length + parsed.Count;
    }
}
