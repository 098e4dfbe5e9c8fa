using System.Globalization;
using BenchmarkDotNet.Attributes;
using AwsCore.Http;
using AwsCore.Models;
using AwsCore.Runtime;
using AwsCore.Testing;

namespace AwsCore.Bench;

/// <summary>
/// The runtime pieces on a call's hot path: flexible checksums over 1 MiB and parameter validation of a DynamoDB
/// PutItem, each beside botocore's own implementation measured in the same run (python3 timeit, printed in GlobalSetup).
/// </summary>
[MemoryDiagnoser]
public class RuntimeBenchmarks
{
    private readonly byte[] _mebibyte = new byte[1024 * 1024];
    private Shape _putItem = null!;
    private Dictionary<string, object?> _item = null!;

    [GlobalSetup]
    public void Setup()
    {
        new Random(1).NextBytes(_mebibyte);
        _putItem = ModelLoader.Default.GetService("dynamodb").GetOperation("PutItem").Input!;
        _item = new Dictionary<string, object?>
        {
            ["TableName"] = "table",
            ["Item"] = Enumerable.Range(0, 20).ToDictionary(i => "attr" + i, i => (object?)new Dictionary<string, object?> { ["S"] = "value" + i }),
            ["ReturnValues"] = "NONE",
        };
        if (ParameterValidator.Validate(_item, _putItem).Count != 0) throw new InvalidOperationException("the benchmark input is not valid");
        PrintBotocorePeer();
    }

    [Benchmark]
    public byte[] Crc32_1MiB() => Digest("crc32");

    [Benchmark]
    public byte[] Crc32C_1MiB() => Digest("crc32c");

    [Benchmark]
    public byte[] Crc64Nvme_1MiB() => Digest("crc64nvme");

    [Benchmark]
    public byte[] Sha256_1MiB() => Digest("sha256");

    [Benchmark]
    public int ValidatePutItem() => ParameterValidator.Validate(_item, _putItem).Count;

    private byte[] Digest(string algorithm)
    {
        var checksum = ChecksumAlgorithms.Create(algorithm);
        checksum.Update(_mebibyte);
        return checksum.Digest();
    }

    private const string PeerScript = """
        import timeit, os
        from botocore.httpchecksum import Crc32Checksum, Sha256Checksum
        from botocore.validate import ParamValidator
        import botocore.session
        data = os.urandom(1024 * 1024)
        shape = botocore.session.get_session().get_service_model('dynamodb').operation_model('PutItem').input_shape
        params = {'TableName': 'table', 'Item': {'attr%d' % i: {'S': 'value%d' % i} for i in range(20)}, 'ReturnValues': 'NONE'}
        def per_call(stmt, number):
            return min(timeit.repeat(stmt, number=number, repeat=5)) / number * 1e6
        def crc():
            c = Crc32Checksum(); c.update(data); c.digest()
        def sha():
            c = Sha256Checksum(); c.update(data); c.digest()
        print('botocore Crc32Checksum 1 MiB: %.1f us' % per_call(crc, 50))
        print('botocore Sha256Checksum 1 MiB: %.1f us' % per_call(sha, 50))
        print('botocore ParamValidator PutItem (20 attributes): %.1f us' % per_call(lambda: ParamValidator().validate(params, shape), 2000))
        """;

    private static void PrintBotocorePeer()
    {
        var (code, output, error) = Python3.Run(new[] { "-c", PeerScript }, "", "python3 could not be started (python3 -m pip install botocore)", Timeout.Infinite);
        Console.WriteLine(code == 0 ? output : "botocore peer failed (python3 -m pip install botocore): " + error);
    }
}
