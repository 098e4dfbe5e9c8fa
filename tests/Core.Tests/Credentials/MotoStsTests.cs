using System.Diagnostics;
using System.Net.Sockets;
using System.Text.Json;
using AwsCore.Config;
using AwsCore.Credentials;
using AwsCore.Tests.Auth;

namespace AwsCore.Tests.Credentials;

/// <summary>moto_server on 127.0.0.1 and a free port, for the lifetime of the test class.</summary>
public sealed class MotoServerFixture : IDisposable
{
    private readonly Process? _process;

    public MotoServerFixture()
    {
        var probe = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        probe.Start();
        Port = ((System.Net.IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        try
        {
            _process = Process.Start(new ProcessStartInfo("moto_server", $"-H 127.0.0.1 -p {Port}")
            {
                RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
            });
        }
        catch (System.ComponentModel.Win32Exception)
        {
            StartError = "moto_server is not installed: pip install \"moto[server]\"";
            return;
        }
        _process!.OutputDataReceived += (_, _) => { };
        _process.ErrorDataReceived += (_, _) => { };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (DateTime.UtcNow < deadline)
        {
            try
            {
                using var client = new TcpClient();
                client.Connect("127.0.0.1", Port);
                return;
            }
            catch (SocketException)
            {
                if (_process.HasExited) break;
                Thread.Sleep(200);
            }
        }
        StartError = "moto_server did not start listening on 127.0.0.1:" + Port;
    }

    public int Port { get; }

    public string Url => $"http://127.0.0.1:{Port}";

    public string? StartError { get; }

    public void Dispose()
    {
        if (_process is { HasExited: false })
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit(5000);
        }
        _process?.Dispose();
    }
}

/// <summary>An assume-role chain resolved by AwsCore and by botocore against moto's STS over real HTTP.</summary>
public sealed class MotoStsTests : IClassFixture<MotoServerFixture>
{
    private const string Config = """
[profile leaf]
aws_access_key_id = AKIDMOTOLEAF
aws_secret_access_key = motoleafsecret
region = us-east-1

[profile mid]
role_arn = arn:aws:iam::123456789012:role/mid
source_profile = leaf

[profile top]
role_arn = arn:aws:iam::123456789012:role/top
source_profile = mid
role_session_name = awscore-moto
region = eu-west-1
""";

    private readonly MotoServerFixture _moto;

    public MotoStsTests(MotoServerFixture moto) => _moto = moto;

    [Fact]
    public async Task AssumeRoleChainAgainstMotoMatchesBotocore()
    {
        Assert.True(_moto.StartError is null, _moto.StartError);
        var home = CredentialTestSupport.TempDir();
        var configPath = Path.Combine(home, "config");
        File.WriteAllText(configPath, Config);
        var env = new Dictionary<string, string>
        {
            ["HOME"] = home,
            ["AWS_CONFIG_FILE"] = configPath,
            ["AWS_SHARED_CREDENTIALS_FILE"] = Path.Combine(home, "credentials"),
            ["AWS_EC2_METADATA_DISABLED"] = "true",
            ["AWS_PROFILE"] = "top",
            ["AWS_ENDPOINT_URL_STS"] = _moto.Url,
        };

        var resolver = new ConfigResolver(env);
        var endpoint = resolver.ResolveConfiguredEndpointUrl("STS");
        Assert.Equal(_moto.Url, endpoint.Value);
        var options = new CredentialProviderOptions(resolver) { ServiceCall = new LoopbackServiceCall(endpoint.Value!).Delegate, Region = resolver.Get("region").Value };
        var ours = await new DefaultCredentialChain(options).RequireAsync();
        Assert.Equal("assume-role", ours.Source);
        Assert.StartsWith("ASIA", ours.AccessKeyId);
        Assert.False(string.IsNullOrEmpty(ours.SessionToken));
        Assert.True(ours.Expiration > DateTimeOffset.UtcNow);

        var output = PythonOracle.Run("""
import json, botocore.session
s = botocore.session.Session()
c = s.get_credentials()
f = c.get_frozen_credentials()
print(json.dumps({'region': s.get_config_variable('region'), 'method': c.method, 'access_key': f.access_key, 'has_token': bool(f.token)}))
""", env);
        using var doc = JsonDocument.Parse(output);
        var botocore = doc.RootElement;
        Assert.Equal(botocore.GetProperty("method").GetString(), ours.Source);
        Assert.Equal(botocore.GetProperty("region").GetString(), resolver.Get("region").Value);
        Assert.StartsWith("ASIA", botocore.GetProperty("access_key").GetString());
        Assert.True(botocore.GetProperty("has_token").GetBoolean());
    }
}
