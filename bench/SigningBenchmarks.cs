using System.Diagnostics;
using System.Globalization;
using System.Text;
using Amazon.Runtime;
using Amazon.Runtime.Internal;
using Amazon.Runtime.Internal.Auth;
using AwsCore.Auth;
using AwsCore.Credentials;
using AwsCore.Bench.Peers;
using AwsCore.Http;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Running;

namespace AwsCore.Bench;

/// <summary>
/// Signing a typical request (DynamoDB PutItem: JSON body, four headers, session token) with a cached signing key:
/// AwsCore's SigV4Signer against the AWS SDK for .NET's AWS4Signer in the same process, and botocore's
/// SigV4Auth.add_auth timed by timeit in a python3 subprocess (bench/Peers/sigv4_add_auth.py). The table's
/// "botocore" column is botocore's best-of-five wall time per call and "vs botocore" that divided by the row's mean;
/// the setup also prints (and writes to BenchmarkDotNet.Artifacts/botocore-sigv4.txt) process CPU time per call.
/// </summary>
[Config(typeof(PeerConfig))]
[MemoryDiagnoser]
[MinColumn]
public class SigningBenchmarks
{
    /// <summary>botocore's add_auth: "wall" and "cpu" nanoseconds per call, measured once per process.</summary>
    private static readonly Lazy<Dictionary<string, double>> Botocore = new(() => PythonPeer.Run("sigv4_add_auth.py"));

    private const string AccessKey = "AKIDEXAMPLEBENCH01";
    private const string Secret = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY";
    private const string Token = "FwoGZXIvYXdzEBYaDHqa0AP1/bench+session+token==";
    private const string Body = "{\"TableName\":\"Music\",\"Item\":{\"Artist\":{\"S\":\"No One You Know\"},\"SongTitle\":{\"S\":\"Call Me Today\"},\"AlbumTitle\":{\"S\":\"Somewhat Famous\"},\"Year\":{\"N\":\"2015\"}}}";
    private static readonly byte[] BodyBytes = Encoding.UTF8.GetBytes(Body);
    private static readonly Uri Endpoint = new("https://dynamodb.us-west-2.amazonaws.com");

    private readonly AwsCredentials _credentials = new(AccessKey, Secret, Token);
    private readonly SigV4SigningOptions _options = new("us-west-2", "dynamodb");
    private readonly SigV4Signer _signer = new(null, new SigningKeyCache());
    private readonly AWS4Signer _sdkSigner = new();
    private readonly BenchClientConfig _sdkConfig = new();

    [GlobalSetup]
    public void Setup()
    {
        // Warm both key caches so every measured call signs with a cached key.
        AwsCoreSign();
        AwsSdkSign();
        var wall = Botocore.Value["wall"] / 1000;
        var cpu = Botocore.Value["cpu"] / 1000;
        // On a shared machine wall time swings with the load; process CPU time per call is the steadier comparison.
        var ours = CpuMicroseconds(() => AwsCoreSign());
        var sdk = CpuMicroseconds(() => AwsSdkSign());
        var report = string.Format(CultureInfo.InvariantCulture,
            "botocore SigV4Auth.add_auth: {0:0.0} us/op wall (timeit), {1:0.0} us/op CPU\n" +
            "AwsCore SigV4Signer.Sign:    {2:0.00} us/op CPU\nAWS SDK AWS4Signer:          {3:0.00} us/op CPU\n" +
            "CPU ratios: botocore/AwsCore {4:0.0}x, AWS SDK/AwsCore {5:0.00}x; libcrypto SHA-256: {6}", wall, cpu, ours, sdk, cpu / ours, sdk / ours,
            SigV4Crypto.UsesNative ? "yes" : "no (IncrementalHash)");
        Console.WriteLine(report);
        Directory.CreateDirectory("BenchmarkDotNet.Artifacts");
        File.WriteAllText(Path.Combine("BenchmarkDotNet.Artifacts", "botocore-sigv4.txt"), report + Environment.NewLine);
    }

    /// <summary>Best-of-five process CPU time per call over 20,000 calls, after 1.5 s of warm-up (tiered JIT reaches its last tier after about a second here).</summary>
    private static double CpuMicroseconds(Action action)
    {
        const int calls = 20000;
        var warmUp = Stopwatch.StartNew();
        while (warmUp.ElapsedMilliseconds < 1500)
            for (var i = 0; i < 1000; i++) action();
        var best = double.MaxValue;
        using var process = Process.GetCurrentProcess();
        for (var round = 0; round < 5; round++)
        {
            process.Refresh();
            var start = process.TotalProcessorTime;
            for (var i = 0; i < calls; i++) action();
            process.Refresh();
            best = Math.Min(best, (process.TotalProcessorTime - start).TotalMilliseconds * 1000 / calls);
        }
        return best;
    }

    [Benchmark(Baseline = true)]
    public string AwsCoreSign()
    {
        var request = new AwsHttpRequest { Method = "POST", Path = "/", Endpoint = Endpoint, Body = BodyBytes };
        request.Headers["Content-Type"] = "application/x-amz-json-1.0";
        request.Headers["X-Amz-Target"] = "DynamoDB_20120810.PutItem";
        request.Headers["User-Agent"] = "bench/1.0";
        _signer.Sign(request, _credentials, _options);
        return request.Headers["Authorization"];
    }

    [Benchmark]
    public string AwsSdkSign()
    {
        var request = new DefaultRequest(new BenchRequest(), "DynamoDBv2")
        {
            HttpMethod = "POST",
            Endpoint = Endpoint,
            ResourcePath = "/",
            Content = BodyBytes,
            AuthenticationRegion = "us-west-2",
            OverrideSigningServiceName = "dynamodb",
        };
        request.Headers["Content-Type"] = "application/x-amz-json-1.0";
        request.Headers["X-Amz-Target"] = "DynamoDB_20120810.PutItem";
        request.Headers["User-Agent"] = "bench/1.0";
        request.Headers["X-Amz-Security-Token"] = Token;
        var result = _sdkSigner.SignRequest(request, _sdkConfig, null, AccessKey, Secret);
        request.Headers["Authorization"] = result.ForAuthorizationHeader;
        return request.Headers["Authorization"];
    }

    private sealed class BenchRequest : AmazonWebServiceRequest { }

    private sealed class PeerConfig : ManualConfig
    {
        public PeerConfig()
        {
            const string legend = "botocore 1.43 SigV4Auth.add_auth on the same request (built per call, key derived per call as botocore does), python3 timeit best of 5, in this run";
            AddColumn(new PeerColumn("botocore", speedup: false, PeerFigure, legend));
            AddColumn(new PeerColumn("vs botocore", speedup: true, PeerFigure, "botocore's best repeat divided by this row's best iteration (Min)"));
        }

        private static double? PeerFigure(BenchmarkCase benchmarkCase) => Botocore.Value["wall"];
    }

    private sealed class BenchClientConfig : ClientConfig
    {
        public BenchClientConfig()
            : base(new DefaultConfigurationProvider(new IDefaultConfiguration[] { new DefaultConfiguration { Name = DefaultConfigurationMode.Standard, RetryMode = RequestRetryMode.Standard } })) =>
            RegionEndpoint = Amazon.RegionEndpoint.USWest2;
        public override string RegionEndpointServiceName => "dynamodb";
        public override string ServiceVersion => "2012-08-10";
        public override string UserAgent => "bench";

        public override Amazon.Runtime.Endpoints.Endpoint DetermineServiceOperationEndpoint(Amazon.Runtime.Endpoints.ServiceOperationEndpointParameters parameters) =>
            new(Endpoint.AbsoluteUri);
    }
}
