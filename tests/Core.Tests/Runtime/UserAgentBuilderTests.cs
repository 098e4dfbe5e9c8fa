using AwsCore.Http;
using System.Text.Json;
using AwsCore.Runtime;

namespace AwsCore.Tests.Runtime;

public sealed class UserAgentBuilderTests
{
    private static UserAgentBuilder Linux(string? execEnv = null) => new("Linux", "6.1.0-13", "x86_64", "10.0.1", execEnv);

    private static readonly string V = UserAgentBuilder.SdkVersion;

    [Fact]
    public void DefaultShape()
    {
        Assert.Equal($"AwsCore/{V} ua/2.1 os/linux#6.1.0-13 md/arch#x86_64 lang/dotnet#10.0.1", Linux().Build());
    }

    [Fact]
    public void ConfigFeaturesAppIdAndExtras()
    {
        var ua = Linux("AWS_Lambda_dotnet")
            .WithSession("AwsCorePS", "1.2.3", "ps/extra")
            .WithMetadata("pwsh", "7.4.6")
            .WithFeature("RETRY_MODE_STANDARD")
            .WithFeature("FLEXIBLE_CHECKSUMS_REQ_CRC32")
            .WithFeature("RETRY_MODE_STANDARD")
            .WithFeature("NOT_A_FEATURE")
            .WithClientConfig(new ClientConfig
            {
                Retries = new RetryConfig { Mode = RetryMode.Standard },
                EndpointDiscoveryEnabled = true,
                UserAgentAppId = "my app/1",
                UserAgentExtra = "extra/1 more",
            });
        Assert.Equal(
            $"AwsCorePS/1.2.3 md/AwsCore#{V} ua/2.1 os/linux#6.1.0-13 md/arch#x86_64 lang/dotnet#10.0.1 md/pwsh#7.4.6 exec-env/AWS_Lambda_dotnet " +
            "m/E,U cfg/retry-mode#standard cfg/endpoint-discovery app/my-app-1 ps/extra extra/1 more",
            ua.Build());
    }

    [Fact]
    public void AFullOverrideKeepsOnlyTheExtras()
    {
        var ua = Linux().WithSession(null, null, "s/1").WithClientConfig(new ClientConfig { UserAgent = "Mine/1.0", UserAgentExtra = "c/2" });
        Assert.Equal("Mine/1.0 s/1 c/2", ua.Build());
    }

    [Fact]
    public void UnknownPlatformsAreOtherWithTheirNameInMetadata()
    {
        Assert.Equal($"AwsCore/{V} ua/2.1 os/other md/FreeBSD#14.0 lang/dotnet#10.0.1", new UserAgentBuilder("FreeBSD", "14.0", null, "10.0.1", null).Build());
        Assert.Equal($"AwsCore/{V} ua/2.1 os/macos#23.1 lang/dotnet#10.0.1", new UserAgentBuilder("Darwin", "23.1", "", "10.0.1", null).Build());
        Assert.StartsWith($"AwsCore/{V} ua/2.1 os/other lang/dotnet", new UserAgentBuilder(null, null, null, "10.0.1", null).Build());
    }

    [Fact]
    public void FromEnvironmentDescribesThisProcess()
    {
        var ua = UserAgentBuilder.FromEnvironment().Build();
        Assert.StartsWith($"AwsCore/{V} ua/2.1 os/", ua);
        Assert.Contains($"lang/dotnet#{Environment.Version}", ua);
        Assert.Matches(@"^\d+\.\d+\.\d+", V);
    }

    private const string Script = """
        import json, sys
        from botocore.config import Config
        from botocore.useragent import UserAgentString
        out = []
        for case in json.load(sys.stdin):
            ua = UserAgentString(case['platform'], case['version'], case['machine'], '10.0.1', None, case['exec_env'])
            if case['session']:
                ua.set_session_config(*case['session'])
            if case['feature']:
                ua.set_client_features({case['feature']})
            config = Config(**case['config'])
            out.append(ua.with_client_config(config).to_string())
        print(json.dumps(out))
        """;

    [Fact]
    public void SameStringAsBotocoreWithOurNameAndLanguage()
    {
        var cases = new object[]
        {
            new { platform = "Linux", version = "6.1", machine = "x86_64", exec_env = (string?)null, session = (string[]?)null, feature = "E",
                config = new Dictionary<string, object> { ["retries"] = new Dictionary<string, string> { ["mode"] = "standard" } } },
            new { platform = "Windows", version = "10", machine = "AMD64", exec_env = (string?)"env x", session = (string[]?)new[] { "Tool", "2.0", "t/x" }, feature = (string?)null,
                config = new Dictionary<string, object> { ["user_agent_appid"] = "app id#1", ["user_agent_extra"] = "e/1", ["retries"] = new Dictionary<string, string> { ["mode"] = "adaptive" }, ["endpoint_discovery_enabled"] = true } },
            new { platform = "Weird OS", version = "1 (x)", machine = "ARM64", exec_env = (string?)null, session = (string[]?)null, feature = (string?)null,
                config = new Dictionary<string, object> { ["user_agent"] = "Override/9" } },
        };
        var expected = JsonSerializer.Deserialize<List<string>>(PythonScript.Run(Script, JsonSerializer.Serialize(cases)))!;
        var botocoreVersion = expected[0].Split(' ')[0].Split('/')[1];
        var ours = new[]
        {
            Linux6().WithFeature("RETRY_MODE_STANDARD").WithClientConfig(new ClientConfig { Retries = new RetryConfig { Mode = RetryMode.Standard } }),
            new UserAgentBuilder("Windows", "10", "AMD64", "10.0.1", "env x").WithSession("Tool", "2.0", "t/x").WithClientConfig(new ClientConfig
            {
                UserAgentAppId = "app id#1", UserAgentExtra = "e/1", Retries = new RetryConfig { Mode = RetryMode.Adaptive }, EndpointDiscoveryEnabled = true,
            }),
            new UserAgentBuilder("Weird OS", "1 (x)", "ARM64", "10.0.1", null).WithClientConfig(new ClientConfig { UserAgent = "Override/9" }),
        };
        for (var i = 0; i < ours.Length; i++)
        {
            var theirs = expected[i]
                .Replace($"Botocore/{botocoreVersion}", $"AwsCore/{V}")
                .Replace($"md/Botocore#{botocoreVersion}", $"md/AwsCore#{V}")
                .Replace("lang/python#10.0.1", "lang/dotnet#10.0.1");
            Assert.Equal(theirs, ours[i].Build());
        }

        static UserAgentBuilder Linux6() => new("Linux", "6.1", "x86_64", "10.0.1", null);
    }
}
