using System.Diagnostics;
using AwsCore.Credentials;

namespace AwsCore.Tests.Credentials;

/// <summary>IMDSv2 against a server on 127.0.0.1 that answers as the EC2 documentation describes.</summary>
public sealed class InstanceMetadataLoopbackTests
{
    private const string CredentialsJson = """{"Code":"Success","LastUpdated":"2030-01-01T00:00:00Z","Type":"AWS-HMAC","AccessKeyId":"ASIAIMDS","SecretAccessKey":"imdssecret","Token":"imdstoken","Expiration":"2030-01-01T06:00:00Z"}""";
    private static readonly DateTimeOffset Now = new(2030, 1, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>A metadata service that hands out numbered tokens and accepts only the tokens <paramref name="isValid"/> allows.</summary>
    private static LoopbackServer Imds(Func<string, int, bool> isValid, bool ipv6 = false)
    {
        var issued = 0;
        var gets = 0;
        return new LoopbackServer(r =>
        {
            if (r.Method == "PUT" && r.PathAndQuery == "/latest/api/token")
            {
                if (!r.Headers.TryGetValue("x-aws-ec2-metadata-token-ttl-seconds", out var ttl) || ttl != "21600") return new LoopbackResponse(400, "");
                return new LoopbackResponse(200, "token-" + Interlocked.Increment(ref issued));
            }
            if (r.Method != "GET") return new LoopbackResponse(405, "");
            var n = Interlocked.Increment(ref gets);
            if (!r.Headers.TryGetValue("x-aws-ec2-metadata-token", out var token) || !isValid(token, n)) return new LoopbackResponse(401, "");
            return r.PathAndQuery switch
            {
                "/latest/meta-data/iam/security-credentials/" => new LoopbackResponse(200, "web-role"),
                "/latest/meta-data/iam/security-credentials/web-role" => new LoopbackResponse(200, CredentialsJson),
                _ => new LoopbackResponse(404, ""),
            };
        }, ipv6);
    }

    private static InstanceMetadataCredentialProvider Provider(string endpoint, Dictionary<string, string>? extra = null)
    {
        var env = new Dictionary<string, string> { ["AWS_EC2_METADATA_DISABLED"] = "false", ["AWS_EC2_METADATA_SERVICE_ENDPOINT"] = endpoint };
        foreach (var pair in extra ?? new()) env[pair.Key] = pair.Value;
        return new InstanceMetadataCredentialProvider(CredentialTestSupport.Options(env: env, clock: () => Now));
    }

    [Fact]
    public async Task TokenIsFetchedWithItsTtlAndSentOnEveryGet()
    {
        using var server = Imds((token, _) => token == "token-1");
        var creds = await Provider(server.BaseUrl).ResolveAsync();
        Assert.Equal(("ASIAIMDS", "imdstoken", "iam-role"), (creds!.AccessKeyId, creds.SessionToken, creds.Source));
        Assert.Equal(new DateTimeOffset(2030, 1, 1, 6, 0, 0, TimeSpan.Zero), creds.Expiration);
        Assert.Equal(new[] { "PUT", "GET", "GET" }, server.Requests.Select(r => r.Method));
        Assert.All(server.Requests.Skip(1), r => Assert.Equal("token-1", r.Headers["x-aws-ec2-metadata-token"]));
    }

    [Fact]
    public async Task ExpiredTokenGetsA401AndIsFetchedAgain()
    {
        // The first token stops working after the role name is read, as after an instance restart.
        using var server = Imds((token, n) => n == 1 ? token == "token-1" : token == "token-2");
        var creds = await Provider(server.BaseUrl).ResolveAsync();
        Assert.Equal("ASIAIMDS", creds!.AccessKeyId);
        Assert.Equal(new[] { "PUT", "GET", "GET", "PUT", "GET" }, server.Requests.Select(r => r.Method));
        Assert.Equal("token-2", server.Requests.Last().Headers["x-aws-ec2-metadata-token"]);
    }

    [Fact]
    public async Task CredentialsCloseToExpiryAreExtendedAsBotocoreDoes()
    {
        using var server = new LoopbackServer(r => r.Method == "PUT" ? new LoopbackResponse(200, "t") :
            r.PathAndQuery.EndsWith("/", StringComparison.Ordinal) ? new LoopbackResponse(200, "role") :
            new LoopbackResponse(200, CredentialsJson.Replace("2030-01-01T06:00:00Z", "2030-01-01T00:05:00Z")));
        var creds = await Provider(server.BaseUrl).ResolveAsync();
        var extension = creds!.Expiration!.Value - Now;
        Assert.InRange(extension, TimeSpan.FromMinutes(17), TimeSpan.FromMinutes(25));
    }

    [Fact]
    public async Task Ipv6EndpointWorksOverLoopbackWhenTheMachineHasIt()
    {
        // Without ::1 on this machine, only the endpoint choice below is tested.
        Skip.IfNot(LoopbackServer.Ipv6LoopbackAvailable(), "::1 is not available on this machine; IPv6 endpoint selection is covered by EndpointModeChoosesTheIpv6Address");
        using var server = Imds((token, _) => token == "token-1", ipv6: true);
        Assert.StartsWith("http://[::1]:", server.BaseUrl);
        Assert.Equal("ASIAIMDS", (await Provider(server.BaseUrl).ResolveAsync())!.AccessKeyId);
    }

    [Theory]
    [InlineData("AWS_EC2_METADATA_SERVICE_ENDPOINT_MODE", "IPv6", "http://[fd00:ec2::254]/")]
    [InlineData("AWS_EC2_METADATA_SERVICE_ENDPOINT_MODE", "ipv4", "http://169.254.169.254/")]
    [InlineData("AWS_IMDS_USE_IPV6", "true", "http://[fd00:ec2::254]/")]
    [InlineData("AWS_IMDS_USE_IPV6", "false", "http://169.254.169.254/")]
    public void EndpointModeChoosesTheIpv6Address(string variable, string value, string expected)
    {
        var options = CredentialTestSupport.Options(env: new() { [variable] = value, ["AWS_EC2_METADATA_DISABLED"] = "false" });
        Assert.Equal(expected, new InstanceMetadataCredentialProvider(options).Endpoint);
    }

    [Fact]
    public void EndpointOverrideWinsAndABadModeIsNamed()
    {
        var both = CredentialTestSupport.Options(env: new() { ["AWS_EC2_METADATA_SERVICE_ENDPOINT_MODE"] = "ipv6", ["AWS_EC2_METADATA_SERVICE_ENDPOINT"] = "http://10.0.0.1/" });
        Assert.Equal("http://10.0.0.1/", new InstanceMetadataCredentialProvider(both).Endpoint);
        var bad = CredentialTestSupport.Options(config: "[default]\nec2_metadata_service_endpoint_mode = ipv5\n");
        var e = Assert.Throws<CredentialProviderException>(() => new InstanceMetadataCredentialProvider(bad).Endpoint);
        Assert.Contains("ipv5", e.Message);
        Assert.Contains("/test/.aws/config line 2", e.Message);
    }

    [Fact]
    public async Task SlowOrSilentServiceGivesUpWithinTheConfiguredTimeout()
    {
        using var server = new LoopbackServer(async r =>
        {
            await Task.Delay(TimeSpan.FromSeconds(10));
            return new LoopbackResponse(200, "too late");
        });
        var watch = Stopwatch.StartNew();
        var creds = await Provider(server.BaseUrl, new() { ["AWS_METADATA_SERVICE_TIMEOUT"] = "1", ["AWS_METADATA_SERVICE_NUM_ATTEMPTS"] = "1" }).ResolveAsync();
        Assert.Null(creds);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(6), $"took {watch.Elapsed}");
    }

    [Fact]
    public async Task UnreachableServiceIsQuickAndAttemptsAreBounded()
    {
        var port = new LoopbackServer(_ => new LoopbackResponse(200, "")).Port; // disposed at once: nothing listens there now
        var watch = Stopwatch.StartNew();
        Assert.Null(await Provider($"http://127.0.0.1:{port}/", new() { ["AWS_METADATA_SERVICE_NUM_ATTEMPTS"] = "3" }).ResolveAsync());
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(5), $"took {watch.Elapsed}");
    }

    [Fact]
    public async Task DisabledServiceIsNeverCalled()
    {
        using var server = Imds((_, _) => true);
        Assert.Null(await Provider(server.BaseUrl, new() { ["AWS_EC2_METADATA_DISABLED"] = "TRUE" }).ResolveAsync());
        Assert.Empty(server.Requests);
    }

    [Fact]
    public async Task RegionComesFromTheAvailabilityZoneAndFeedsDefaultsModeAuto()
    {
        using var server = new LoopbackServer(r => r.Method == "PUT" ? new LoopbackResponse(200, "t") :
            r.PathAndQuery == "/latest/meta-data/placement/availability-zone/" && r.Headers.ContainsKey("x-aws-ec2-metadata-token")
                ? new LoopbackResponse(200, "eu-central-1b") : new LoopbackResponse(404, ""));
        var env = new Dictionary<string, string> { ["AWS_EC2_METADATA_DISABLED"] = "false", ["AWS_EC2_METADATA_SERVICE_ENDPOINT"] = server.BaseUrl };
        using var region = new InstanceMetadataRegion(CredentialTestSupport.Options(env: env));
        Assert.Equal("eu-central-1", await region.GetRegionAsync());
        Assert.Equal("in-region", AwsCore.Config.DefaultsModeConfiguration.ResolveAutoMode("eu-central-1", new Dictionary<string, string>(), region.AsLookup()));
        Assert.Equal("cross-region", AwsCore.Config.DefaultsModeConfiguration.ResolveAutoMode("us-east-1", new Dictionary<string, string>(), region.AsLookup()));
    }
}
