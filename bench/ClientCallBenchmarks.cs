using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using SdkClientConfig = Amazon.Runtime.ClientConfig;
using BasicAWSCredentials = Amazon.Runtime.BasicAWSCredentials;
using Amazon.S3;
using Amazon.SecurityToken;
using Amazon.SecurityToken.Model;
using AwsCore.Bench.Peers;
using AwsCore.Credentials;
using AwsCore.Http;
using AwsCore.Models;
using AwsCore.Runtime;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Running;

namespace AwsCore.Bench;

/// <summary>
/// One call, end to end (parameters in, parsed output out, body read), of S3 GetObject (1 KiB, rest-xml), DynamoDB
/// GetItem (json) and STS GetCallerIdentity (query) through AwsCore's AwsClient and through the AWS SDK for .NET,
/// both pointed at a <see cref="CannedAwsServer"/> on 127.0.0.1 with no retries and fixed credentials. botocore
/// makes the same calls (bench/Peers/client_calls.py) against a server of the same code in this run. The server
/// runs in this process, each connection on its own blocking thread (see <see cref="CannedAwsServer"/>), so it takes
/// nothing from the thread pool the .NET clients run on, and its (small, per-request constant) allocations count in
/// every row alike.
/// <see cref="HttpClientFloor"/> is the round trip alone, what any .NET client pays: the exact bytes AwsCore sends for
/// the call (built and signed once, in setup) sent again by a bare HttpClient over a SocketsHttpHandler with the
/// transport's settings, and the response body read; no serializing, signing, header copying or parsing.
/// </summary>
[Config(typeof(PeerConfig))]
[MemoryDiagnoser]
[MinColumn]
public class ClientCallBenchmarks
{
    private static readonly Lazy<Dictionary<string, double>> Botocore = new(() =>
    {
        using var server = new CannedAwsServer();
        return PythonPeer.Run("client_calls.py", server.Url);
    });

    private const int WarmCalls = 500;

    private readonly byte[] _sink = new byte[4096];
    private CannedAwsServer _server = null!;
    private AwsClient _core = null!;
    private IDisposable _sdk = null!;
    private Func<Task<int>> _coreCall = null!;
    private Func<Task<int>> _sdkCall = null!;
    private Func<Task<int>> _floorCall = null!;
    private HttpClient _floorClient = null!;

    [Params("S3GetObject", "DynamoDbGetItem", "StsGetCallerIdentity")]
    public string Call { get; set; } = "";

    [GlobalSetup]
    public void Setup()
    {
        _server = new CannedAwsServer();
        var sdkCredentials = new BasicAWSCredentials("AKIDBENCHEXAMPLE", "bench-secret");
        switch (Call)
        {
            case "S3GetObject":
                _core = Core("s3");
                var s3 = new AmazonS3Client(sdkCredentials, Sdk(new AmazonS3Config { ForcePathStyle = true }));
                _sdk = s3;
                _coreCall = CoreGetObject;
                _sdkCall = async () =>
                {
                    using var response = await s3.GetObjectAsync(CannedAwsServer.Bucket, CannedAwsServer.Key).ConfigureAwait(false);
                    return await Drain(response.ResponseStream).ConfigureAwait(false);
                };
                break;
            case "DynamoDbGetItem":
                _core = Core("dynamodb");
                var dynamo = new AmazonDynamoDBClient(sdkCredentials, Sdk(new AmazonDynamoDBConfig()));
                _sdk = dynamo;
                _coreCall = CoreGetItem;
                _sdkCall = async () =>
                {
                    var response = await dynamo.GetItemAsync(new GetItemRequest
                    {
                        TableName = CannedAwsServer.Table,
                        Key = new Dictionary<string, AttributeValue> { ["id"] = new AttributeValue { S = "k1" } },
                    }).ConfigureAwait(false);
                    return response.Item["name"].S.Length;
                };
                break;
            case "StsGetCallerIdentity":
                _core = Core("sts");
                var sts = new AmazonSecurityTokenServiceClient(sdkCredentials, Sdk(new AmazonSecurityTokenServiceConfig()));
                _sdk = sts;
                _coreCall = async () => ((string)(await _core.InvokeAsync("GetCallerIdentity").ConfigureAwait(false))["Account"]!).Length;
                _sdkCall = async () => (await sts.GetCallerIdentityAsync(new GetCallerIdentityRequest()).ConfigureAwait(false)).Account.Length;
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(Call), Call, "unknown call");
        }
        _floorCall = Floor();
        // Every client must get the answer the server gave, or the timing means nothing.
        var expected = ExpectedResult();
        var before = _server.Requests;
        var core = _coreCall().GetAwaiter().GetResult();
        var sdk = _sdkCall().GetAwaiter().GetResult();
        var floorLength = _floorCall().GetAwaiter().GetResult();
        if (core != expected || sdk != expected || floorLength != ExpectedBodyLength() || _server.Requests != before + 3)
            throw new InvalidOperationException($"{Call}: AwsCore gave {core}, the SDK {sdk}, expected {expected} each in one request; " +
                                                $"the floor read {floorLength} bytes, expected {ExpectedBodyLength()} ({_server.Requests - before} requests sent)");
        // In-process, the cases run one after another in one runtime: without this the first case measured pays for
        // tiered JIT compilation the later ones find done (a short job's few warmup iterations do not cover it).
        for (var i = 0; i < WarmCalls; i++)
        {
            _coreCall().GetAwaiter().GetResult();
            _sdkCall().GetAwaiter().GetResult();
            _floorCall().GetAwaiter().GetResult();
        }
        Thread.Sleep(TimeSpan.FromMilliseconds(300));
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _core.Dispose();
        _sdk.Dispose();
        _floorClient.Dispose();
        _server.Dispose();
    }

    [Benchmark]
    public Task<int> AwsCore() => _coreCall();

    [Benchmark(Baseline = true)]
    public Task<int> AwsSdk() => _sdkCall();

    [Benchmark]
    public Task<int> HttpClientFloor() => _floorCall();

    private int ExpectedResult() => Call switch
    {
        "S3GetObject" => CannedAwsServer.ObjectBody.Length,
        "DynamoDbGetItem" => CannedAwsServer.ItemName.Length,
        _ => CannedAwsServer.Account.Length,
    };

    /// <summary>The length of the response body the server sends for <see cref="Call"/>.</summary>
    private int ExpectedBodyLength() => Call switch
    {
        "S3GetObject" => CannedAwsServer.ObjectBody.Length,
        "DynamoDbGetItem" => CannedAwsServer.DynamoItemBody.Length,
        _ => CannedAwsServer.StsBody.Length,
    };

    /// <summary>AwsCore's request for the call, built and signed once, replayed by a bare HttpClient (see the class comment).</summary>
    private Func<Task<int>> Floor()
    {
        var (operation, parameters) = Call switch
        {
            "S3GetObject" => ("GetObject", GetObjectParameters()),
            "DynamoDbGetItem" => ("GetItem", GetItemParameters()),
            _ => ("GetCallerIdentity", (Dictionary<string, object?>?)null),
        };
        var request = _core.BuildRequestAsync(operation, parameters).GetAwaiter().GetResult();
        var url = RequestUrl.Build(request);
        var method = new HttpMethod(request.Method);
        var body = request.Body;
        var headers = request.Headers.Where(h => !h.Key.Equals("Host", StringComparison.OrdinalIgnoreCase)).ToArray();
        // HandlerFactory's settings for the default TransportOptions.
        _floorClient = new HttpClient(new SocketsHttpHandler
        {
            ConnectTimeout = TimeSpan.FromSeconds(60),
            MaxConnectionsPerServer = 10,
            PooledConnectionLifetime = TimeSpan.FromMinutes(5),
            AutomaticDecompression = System.Net.DecompressionMethods.None,
            AllowAutoRedirect = false,
            UseCookies = false,
            Expect100ContinueTimeout = TimeSpan.FromSeconds(1),
        }) { Timeout = Timeout.InfiniteTimeSpan };
        return async () =>
        {
            using var message = new HttpRequestMessage(method, url);
            if (body.Length > 0) message.Content = new ByteArrayContent(body);
            foreach (var header in headers)
            {
                if (!header.Key.StartsWith("Content-", StringComparison.OrdinalIgnoreCase)) message.Headers.TryAddWithoutValidation(header.Key, header.Value);
                else if (message.Content != null && !header.Key.Equals("Content-Length", StringComparison.OrdinalIgnoreCase))
                    message.Content.Headers.TryAddWithoutValidation(header.Key, header.Value);
            }
            using var response = await _floorClient.SendAsync(message, HttpCompletionOption.ResponseHeadersRead).ConfigureAwait(false);
            using var stream = await response.Content.ReadAsStreamAsync().ConfigureAwait(false);
            return await Drain(stream).ConfigureAwait(false);
        };
    }

    private static Dictionary<string, object?> GetObjectParameters() => new()
    {
        ["Bucket"] = CannedAwsServer.Bucket,
        ["Key"] = CannedAwsServer.Key,
    };

    private static Dictionary<string, object?> GetItemParameters() => new()
    {
        ["TableName"] = CannedAwsServer.Table,
        ["Key"] = new Dictionary<string, object?> { ["id"] = new Dictionary<string, object?> { ["S"] = "k1" } },
    };

    private async Task<int> CoreGetObject()
    {
        var output = await _core.InvokeAsync("GetObject", GetObjectParameters()).ConfigureAwait(false);
        using var body = (Stream)output["Body"]!;
        return await Drain(body).ConfigureAwait(false);
    }

    private async Task<int> CoreGetItem()
    {
        var output = await _core.InvokeAsync("GetItem", GetItemParameters()).ConfigureAwait(false);
        var item = (ValueMap)output["Item"]!;
        return ((string)((ValueMap)item["name"]!)["S"]!).Length;
    }

    private async Task<int> Drain(Stream body)
    {
        var total = 0;
        int read;
        while ((read = await body.ReadAsync(_sink).ConfigureAwait(false)) > 0) total += read;
        return total;
    }

    private AwsClient Core(string service) => AwsClientFactory.Create(service, new ClientOptions
    {
        Region = "us-east-1",
        EndpointUrl = _server.Url,
        Credentials = new AwsCredentials("AKIDBENCHEXAMPLE", "bench-secret"),
        Environment = new Dictionary<string, string>(),
        Config = new ClientConfig
        {
            Retries = new RetryConfig { Mode = RetryMode.Standard, TotalMaxAttempts = 1 },
            S3 = new S3Config { AddressingStyle = S3AddressingStyle.Path },
        },
    });

    private T Sdk<T>(T config) where T : SdkClientConfig
    {
        config.ServiceURL = _server.Url;
        config.AuthenticationRegion = "us-east-1";
        config.MaxErrorRetry = 0;
        return config;
    }

    private sealed class PeerConfig : ManualConfig
    {
        public PeerConfig()
        {
            const string legend = "botocore (boto3 client, endpoint_url at the same canned server code, no retries) per call, python3 timeit in this run";
            AddColumn(new PeerColumn("botocore", speedup: false, PeerFigure, legend));
            AddColumn(new PeerColumn("vs botocore", speedup: true, PeerFigure, "botocore's best repeat divided by this row's best iteration (Min)"));
        }

        private static double? PeerFigure(BenchmarkCase benchmarkCase) =>
            Botocore.Value.TryGetValue((string)benchmarkCase.Parameters["Call"], out var ns) ? ns : null;
    }
}
