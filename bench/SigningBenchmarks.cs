using System.Diagnostics;
using System.Globalization;
using System.Text;
using Amazon.Runtime;
using Amazon.Runtime.Internal;
using Amazon.Runtime.Internal.Auth;
using AwsCore.Auth;
using AwsCore.Credentials;
using AwsCore.Http;
using BenchmarkDotNet.Attributes;

namespace AwsCore.Bench;

/// <summary>
/// Signing a typical request (DynamoDB PutItem: JSON body, four headers, session token) with a cached signing key:
/// AwsCore's SigV4Signer against the AWS SDK for .NET's AWS4Signer in the same process, and botocore's
/// SigV4Auth.add_auth timed by timeit in a python3 subprocess during setup (printed, and written to
/// BenchmarkDotNet.Artifacts/botocore-sigv4.txt).
/// </summary>
[MemoryDiagnoser]
public class SigningBenchmarks
{
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
        var (wall, cpu) = BotocoreSigningPeer.MeasureAddAuthMicroseconds();
        // On a shared machine wall time swings with the load; process CPU time per call is the steadier comparison.
        var ours = CpuMicroseconds(() => AwsCoreSign());
        var sdk = CpuMicroseconds(() => AwsSdkSign());
        var report = string.Format(CultureInfo.InvariantCulture,
            "botocore SigV4Auth.add_auth: {0:0.0} us/op wall (timeit), {1:0.0} us/op CPU\n" +
            "AwsCore SigV4Signer.Sign:    {2:0.00} us/op CPU\nAWS SDK AWS4Signer:          {3:0.00} us/op CPU\n" +
            "CPU ratios: botocore/AwsCore {4:0.0}x, AWS SDK/AwsCore {5:0.00}x", wall, cpu, ours, sdk, cpu / ours, sdk / ours);
        Console.WriteLine(report);
        Directory.CreateDirectory("BenchmarkDotNet.Artifacts");
        File.WriteAllText(Path.Combine("BenchmarkDotNet.Artifacts", "botocore-sigv4.txt"), report + Environment.NewLine);
    }

    /// <summary>Best-of-five process CPU time per call over 20,000 calls.</summary>
    private static double CpuMicroseconds(Action action)
    {
        const int calls = 20000;
        for (var i = 0; i < calls; i++) action();
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

/// <summary>Times botocore's SigV4Auth.add_auth on the same request with timeit (key derivation included, as botocore has no key cache).</summary>
internal static class BotocoreSigningPeer
{
    private const string Script = """
import timeit
setup = '''
from botocore.auth import SigV4Auth
from botocore.awsrequest import AWSRequest
from botocore.credentials import Credentials
creds = Credentials("AKIDEXAMPLEBENCH01", "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY", "FwoGZXIvYXdzEBYaDHqa0AP1/bench+session+token==")
signer = SigV4Auth(creds, "dynamodb", "us-west-2")
body = b'{"TableName":"Music","Item":{"Artist":{"S":"No One You Know"},"SongTitle":{"S":"Call Me Today"},"AlbumTitle":{"S":"Somewhat Famous"},"Year":{"N":"2015"}}}'
def sign():
    r = AWSRequest(method="POST", url="https://dynamodb.us-west-2.amazonaws.com/", data=body,
                   headers={"Content-Type": "application/x-amz-json-1.0", "X-Amz-Target": "DynamoDB_20120810.PutItem", "User-Agent": "bench/1.0"})
    signer.add_auth(r)
'''
n = 5000
wall = min(timeit.repeat("sign()", setup=setup, number=n, repeat=3))
cpu = min(timeit.repeat("sign()", setup=setup, number=n, repeat=3, timer=__import__("time").process_time))
print(wall / n * 1e6, cpu / n * 1e6)
""";

    /// <summary>Microseconds per call: best-of-three wall time (timeit) and best-of-three process CPU time.</summary>
    public static (double Wall, double Cpu) MeasureAddAuthMicroseconds()
    {
        var start = new ProcessStartInfo("python3", "-") { RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        using var process = Process.Start(start) ?? throw new InvalidOperationException("python3 did not start; install Python 3 and botocore to measure the peer");
        process.StandardInput.Write(Script);
        process.StandardInput.Close();
        var output = process.StandardOutput.ReadToEnd();
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0) throw new InvalidOperationException("botocore timing failed (pip install botocore): " + error);
        var parts = output.Trim().Split(' ');
        return (double.Parse(parts[0], CultureInfo.InvariantCulture), double.Parse(parts[1], CultureInfo.InvariantCulture));
    }
}
