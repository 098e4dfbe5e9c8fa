using System.Text.Json;
using AwsCore.Credentials;

namespace AwsCore.Tests.Credentials;

public sealed class WebIdentityAndSsoTests
{
    [Fact]
    public async Task WebIdentityFromEnvironmentIsUnsignedAndReadsTheTokenFile()
    {
        var tokenFile = Path.Combine(CredentialTestSupport.TempDir(), "token");
        File.WriteAllText(tokenFile, "jwt-from-file");
        var fake = new FakeServiceCall((_, _, p, _) => FakeServiceCall.StsCredentials("ASIAWEB", DateTime.UtcNow.AddHours(1)));
        var env = new Dictionary<string, string> { ["AWS_WEB_IDENTITY_TOKEN_FILE"] = tokenFile, ["AWS_ROLE_ARN"] = "arn:aws:iam::1:role/web", ["AWS_ROLE_SESSION_NAME"] = "pod" };
        var options = CredentialTestSupport.Options(env: env, call: fake.Delegate);
        var creds = await new DefaultCredentialChain(options).RequireAsync();
        Assert.Equal(("ASIAWEB", "assume-role-with-web-identity"), (creds.AccessKeyId, creds.Source));
        var call = Assert.Single(fake.Calls);
        Assert.Equal(("sts", "AssumeRoleWithWebIdentity"), (call.Service, call.Operation));
        Assert.Null(call.Context.Credentials);
        Assert.Equal(("arn:aws:iam::1:role/web", "pod", "jwt-from-file"), ((string)call.Parameters["RoleArn"]!, (string)call.Parameters["RoleSessionName"]!, (string)call.Parameters["WebIdentityToken"]!));
    }

    [Fact]
    public async Task WebIdentityFromProfileAndMissingRoleArn()
    {
        var tokenFile = Path.Combine(CredentialTestSupport.TempDir(), "token");
        File.WriteAllText(tokenFile, "jwt");
        var fake = new FakeServiceCall((_, _, p, _) => FakeServiceCall.StsCredentials("ASIAWEBPROFILE", DateTime.UtcNow.AddHours(1)));
        var config = $"[profile web]\nweb_identity_token_file = {tokenFile}\nrole_arn = arn:aws:iam::1:role/w\n[profile noarn]\nweb_identity_token_file = {tokenFile}\n";
        Assert.Equal("ASIAWEBPROFILE", (await new DefaultCredentialChain(CredentialTestSupport.Options(config, explicitProfile: "web", call: fake.Delegate)).RequireAsync()).AccessKeyId);
        var e = await Assert.ThrowsAsync<CredentialProviderException>(() => new DefaultCredentialChain(CredentialTestSupport.Options(config, explicitProfile: "noarn", call: fake.Delegate)).RequireAsync());
        Assert.Contains("role_arn", e.Message);
    }

    private const string SsoConfig = """
[profile dev]
sso_session = corp
sso_account_id = 123456789012
sso_role_name = Developer
region = eu-west-1

[sso-session corp]
sso_region = eu-central-1
sso_start_url = https://corp.awsapps.com/start

[profile legacy]
sso_start_url = https://legacy.awsapps.com/start
sso_region = us-west-2
sso_account_id = 210987654321
sso_role_name = ReadOnly

[profile broken]
sso_account_id = 1
""";

    private static FakeServiceCall SsoFake(DateTimeOffset now) => new((service, op, p, ctx) => (service, op) switch
    {
        ("sso", "GetRoleCredentials") => new Dictionary<string, object?>
        {
            ["roleCredentials"] = new Dictionary<string, object?>
            {
                ["accessKeyId"] = "ASIASSO-" + p["roleName"] + "-" + p["accessToken"],
                ["secretAccessKey"] = "ssosecret",
                ["sessionToken"] = "ssotoken",
                ["expiration"] = now.AddHours(1).ToUnixTimeMilliseconds(),
            },
        },
        ("sso-oidc", "CreateToken") => new Dictionary<string, object?> { ["accessToken"] = "refreshed-access", ["expiresIn"] = 3600, ["refreshToken"] = "new-refresh" },
        _ => throw new InvalidOperationException(service + " " + op),
    });

    [Fact]
    public async Task SsoSessionTokenIsReadFromTheCacheFileBotocoreNames()
    {
        var now = new DateTimeOffset(2030, 5, 5, 10, 0, 0, TimeSpan.Zero);
        var cache = CredentialTestSupport.TempDir();
        // botocore: sha1("corp") names the file.
        Assert.Equal(PythonSha1("corp") + ".json", SsoTokenProvider.CacheFileName("corp"));
        File.WriteAllText(Path.Combine(cache, SsoTokenProvider.CacheFileName("corp")), JsonSerializer.Serialize(new { accessToken = "cached-access", expiresAt = "2030-05-05T12:00:00Z" }));
        var fake = SsoFake(now);
        var options = CredentialTestSupport.Options(SsoConfig, explicitProfile: "dev", call: fake.Delegate, clock: () => now, ssoCache: cache);
        var creds = await new DefaultCredentialChain(options).RequireAsync();
        Assert.Equal(("ASIASSO-Developer-cached-access", "sso"), (creds.AccessKeyId, creds.Source));
        Assert.Equal(now.AddHours(1), creds.Expiration);
        var call = Assert.Single(fake.Calls);
        Assert.Equal(("eu-central-1", null), (call.Context.Region, call.Context.Credentials));
        Assert.Equal("123456789012", call.Parameters["accountId"]);
    }

    [Fact]
    public async Task SsoTokenNearExpiryIsRefreshedThroughOidcAndWrittenBack()
    {
        var now = new DateTimeOffset(2030, 5, 5, 10, 0, 0, TimeSpan.Zero);
        var cache = CredentialTestSupport.TempDir();
        var file = Path.Combine(cache, SsoTokenProvider.CacheFileName("corp"));
        File.WriteAllText(file, JsonSerializer.Serialize(new
        {
            accessToken = "old-access", expiresAt = "2030-05-05T10:05:00Z", refreshToken = "old-refresh",
            clientId = "cid", clientSecret = "csecret", registrationExpiresAt = "2030-12-31T00:00:00Z",
        }));
        var fake = SsoFake(now);
        var options = CredentialTestSupport.Options(SsoConfig, explicitProfile: "dev", call: fake.Delegate, clock: () => now, ssoCache: cache);
        var token = await new SsoTokenProvider(options, "dev").GetTokenAsync();
        Assert.Equal("refreshed-access", token!.AccessToken);
        Assert.Equal(now.AddHours(1), token.ExpiresAt);
        var refresh = Assert.Single(fake.Calls);
        Assert.Equal(("sso-oidc", "CreateToken", "refresh_token", "old-refresh"), (refresh.Service, refresh.Operation, (string)refresh.Parameters["grantType"]!, (string)refresh.Parameters["refreshToken"]!));
        using var written = JsonDocument.Parse(File.ReadAllText(file));
        Assert.Equal("refreshed-access", written.RootElement.GetProperty("accessToken").GetString());
        Assert.Equal("new-refresh", written.RootElement.GetProperty("refreshToken").GetString());
        Assert.Equal("2030-05-05T11:00:00Z", written.RootElement.GetProperty("expiresAt").GetString());
        Assert.DoesNotContain("old-access", token.ToString());
    }

    [Fact]
    public async Task LegacySsoProfileAndItsErrors()
    {
        var now = new DateTimeOffset(2030, 5, 5, 10, 0, 0, TimeSpan.Zero);
        var cache = CredentialTestSupport.TempDir();
        var fake = SsoFake(now);
        var missing = await Assert.ThrowsAsync<CredentialProviderException>(() =>
            new DefaultCredentialChain(CredentialTestSupport.Options(SsoConfig, explicitProfile: "legacy", call: fake.Delegate, clock: () => now, ssoCache: cache)).RequireAsync());
        Assert.Contains("aws sso login", missing.Message);

        File.WriteAllText(Path.Combine(cache, SsoTokenProvider.CacheFileName("https://legacy.awsapps.com/start")), "{\"accessToken\": \"legacy-access\", \"expiresAt\": \"2030-05-05T11:00:00Z\"}");
        var creds = await new DefaultCredentialChain(CredentialTestSupport.Options(SsoConfig, explicitProfile: "legacy", call: fake.Delegate, clock: () => now, ssoCache: cache)).RequireAsync();
        Assert.Equal("ASIASSO-ReadOnly-legacy-access", creds.AccessKeyId);
        Assert.Equal("us-west-2", fake.Calls.Single().Context.Region);

        var broken = await Assert.ThrowsAsync<CredentialProviderException>(() =>
            new DefaultCredentialChain(CredentialTestSupport.Options(SsoConfig, explicitProfile: "broken", call: fake.Delegate, ssoCache: cache)).RequireAsync());
        Assert.Contains("sso_role_name, sso_start_url, sso_region", broken.Message);
    }

    private static string PythonSha1(string text) =>
        AwsCore.Tests.Auth.PythonOracle.Run($"import hashlib; print(hashlib.sha1({JsonSerializer.Serialize(text)}.encode()).hexdigest())").Trim();
}
