using AwsCore.Credentials;

namespace AwsCore.Tests.Credentials;

/// <summary>Container credentials against a server on 127.0.0.1 answering as the ECS/EKS documentation describes.</summary>
public sealed class ContainerLoopbackTests
{
    private const string Answer = """{"AccessKeyId":"ASIACONTAINER","SecretAccessKey":"containersecret","Token":"containertoken","Expiration":"2099-01-01T00:00:00Z","RoleArn":"arn:aws:iam::1:role/task"}""";

    private static ContainerCredentialProvider Provider(Dictionary<string, string> env) => new(CredentialTestSupport.Options(env: env));

    [Fact]
    public async Task FullUriWithAuthorizationTokenFromTheVariable()
    {
        using var server = new LoopbackServer(r => r.Headers.TryGetValue("Authorization", out var a) && a == "Basic abc"
            ? LoopbackResponse.Json(Answer) : new LoopbackResponse(401, "{}"));
        var creds = await Provider(new() { ["AWS_CONTAINER_CREDENTIALS_FULL_URI"] = server.BaseUrl + "v2/credentials/x", ["AWS_CONTAINER_AUTHORIZATION_TOKEN"] = "Basic abc" }).ResolveAsync();
        Assert.Equal(("ASIACONTAINER", "containertoken", "container-role"), (creds!.AccessKeyId, creds.SessionToken, creds.Source));
        var request = Assert.Single(server.Requests);
        Assert.Equal(("GET", "/v2/credentials/x", "application/json"), (request.Method, request.PathAndQuery, request.Headers["Accept"]));
    }

    [Fact]
    public async Task TokenFileWinsOverTheVariable()
    {
        var file = Path.Combine(CredentialTestSupport.TempDir(), "eks-token");
        File.WriteAllText(file, "from-file");
        using var server = new LoopbackServer(r => r.Headers.TryGetValue("Authorization", out var a) && a == "from-file" ? LoopbackResponse.Json(Answer) : new LoopbackResponse(401, ""));
        var env = new Dictionary<string, string> { ["AWS_CONTAINER_CREDENTIALS_FULL_URI"] = server.BaseUrl, ["AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE"] = file, ["AWS_CONTAINER_AUTHORIZATION_TOKEN"] = "from-env" };
        Assert.Equal("ASIACONTAINER", (await Provider(env).ResolveAsync())!.AccessKeyId);
    }

    [Fact]
    public async Task FailuresAreRetriedThreeTimes()
    {
        var calls = 0;
        using var server = new LoopbackServer(_ => Interlocked.Increment(ref calls) < 3 ? new LoopbackResponse(500, "busy") : LoopbackResponse.Json(Answer));
        Assert.Equal("ASIACONTAINER", (await Provider(new() { ["AWS_CONTAINER_CREDENTIALS_FULL_URI"] = server.BaseUrl }).ResolveAsync())!.AccessKeyId);
        Assert.Equal(3, calls);

        using var down = new LoopbackServer(_ => new LoopbackResponse(503, "down"));
        var e = await Assert.ThrowsAsync<CredentialProviderException>(() => Provider(new() { ["AWS_CONTAINER_CREDENTIALS_FULL_URI"] = down.BaseUrl }).ResolveAsync());
        Assert.Contains("after 3 attempts", e.Message);
        Assert.Contains("HTTP 503", e.Message);
        Assert.Equal(3, down.Requests.Count);
    }

    [Theory]
    [InlineData("http://example.com/creds", false)]
    [InlineData("http://169.254.169.254/creds", false)]
    [InlineData("https://example.com/creds", true)]
    [InlineData("http://localhost:8080/creds", true)]
    [InlineData("http://127.0.0.2/creds", true)]
    [InlineData("http://[::1]:80/creds", true)]
    [InlineData("http://169.254.170.23/v1/credentials", true)]
    [InlineData("http://[fd00:ec2::23]/v1/credentials", true)]
    public void AllowedHostRule(string url, bool allowed)
    {
        if (allowed) Assert.NotNull(ContainerCredentialProvider.CheckAllowed(url));
        else Assert.Contains("unsupported host", Assert.Throws<CredentialProviderException>(() => ContainerCredentialProvider.CheckAllowed(url)).Message);
    }

    [Fact]
    public async Task LineBreakInTheTokenIsRefusedAndNothingConfiguredIsNull()
    {
        using var server = new LoopbackServer(_ => LoopbackResponse.Json(Answer));
        var e = await Assert.ThrowsAsync<CredentialProviderException>(() => Provider(new() { ["AWS_CONTAINER_CREDENTIALS_FULL_URI"] = server.BaseUrl, ["AWS_CONTAINER_AUTHORIZATION_TOKEN"] = "a\r\nX-Injected: 1" }).ResolveAsync());
        Assert.Contains("line break", e.Message);
        Assert.Null(await Provider(new()).ResolveAsync());
    }
}
