using System.Text.Json;
using AwsCore.Credentials;

namespace AwsCore.Tests.Credentials;

/// <summary>
/// assume-role, web identity and SSO against loopback servers that answer as the STS and SSO portal API references
/// show, reached through a protocol-speaking <see cref="AwsServiceCall"/> (the client's role).
/// </summary>
public sealed class StsAndSsoLoopbackTests
{
    private static string StsXml(string operation, string accessKey) => $"""
<{operation}Response xmlns="https://sts.amazonaws.com/doc/2011-06-15/">
  <{operation}Result>
    <Credentials>
      <AccessKeyId>{accessKey}</AccessKeyId>
      <SecretAccessKey>secret-{accessKey}</SecretAccessKey>
      <SessionToken>token-{accessKey}</SessionToken>
      <Expiration>2099-07-15T23:28:33.359Z</Expiration>
    </Credentials>
    <AssumedRoleUser><Arn>arn:aws:sts::123456789012:assumed-role/demo/session</Arn><AssumedRoleId>ARO123EXAMPLE123:session</AssumedRoleId></AssumedRoleUser>
  </{operation}Result>
  <ResponseMetadata><RequestId>c6104cbe-af31-11e0-8154-cbc7ccf896c7</RequestId></ResponseMetadata>
</{operation}Response>
""";

    private static Dictionary<string, string> Form(string body) => body.Split('&').Select(p => p.Split('='))
        .ToDictionary(p => Uri.UnescapeDataString(p[0]), p => Uri.UnescapeDataString(p[1]));

    [Fact]
    public async Task AssumeRoleChainIsSignedWithEachHopsCredentials()
    {
        var hop = 0;
        using var sts = new LoopbackServer(r =>
        {
            var form = Form(r.Body);
            if (form["Action"] != "AssumeRole" || !r.Headers.ContainsKey("Authorization"))
                return new LoopbackResponse(400, "<ErrorResponse xmlns=\"https://sts.amazonaws.com/doc/2011-06-15/\"><Error><Code>MissingAuthenticationToken</Code></Error></ErrorResponse>");
            return new LoopbackResponse(200, StsXml("AssumeRole", "ASIAHOP" + Interlocked.Increment(ref hop)));
        });
        var config = "[profile base]\naws_access_key_id = AKIDBASE\naws_secret_access_key = basesecret\n[profile one]\nrole_arn = arn:aws:iam::1:role/one\nsource_profile = base\n[profile two]\nrole_arn = arn:aws:iam::2:role/two\nsource_profile = one\nexternal_id = xid\n";
        var options = CredentialTestSupport.Options(config, explicitProfile: "two", call: new LoopbackServiceCall(sts.BaseUrl).Delegate);
        var creds = await new DefaultCredentialChain(options).RequireAsync();
        Assert.Equal(("ASIAHOP2", "token-ASIAHOP2", "assume-role"), (creds.AccessKeyId, creds.SessionToken, creds.Source));

        Assert.Equal(2, sts.Requests.Count);
        Assert.StartsWith("AWS4-HMAC-SHA256 Credential=AKIDBASE/", sts.Requests[0].Headers["Authorization"]);
        Assert.Contains("/us-east-1/sts/aws4_request", sts.Requests[0].Headers["Authorization"]);
        Assert.False(sts.Requests[0].Headers.ContainsKey("X-Amz-Security-Token"));
        Assert.StartsWith("AWS4-HMAC-SHA256 Credential=ASIAHOP1/", sts.Requests[1].Headers["Authorization"]);
        Assert.Equal("token-ASIAHOP1", sts.Requests[1].Headers["X-Amz-Security-Token"]);
        var second = Form(sts.Requests[1].Body);
        Assert.Equal(("arn:aws:iam::2:role/two", "xid"), (second["RoleArn"], second["ExternalId"]));
    }

    [Fact]
    public async Task WebIdentityCallIsUnsigned()
    {
        using var sts = new LoopbackServer(r => Form(r.Body)["Action"] == "AssumeRoleWithWebIdentity" && !r.Headers.ContainsKey("Authorization")
            ? new LoopbackResponse(200, StsXml("AssumeRoleWithWebIdentity", "ASIAWEBID"))
            : new LoopbackResponse(400, ""));
        var tokenFile = Path.Combine(CredentialTestSupport.TempDir(), "token");
        File.WriteAllText(tokenFile, "eyJhbGciOi.payload.sig");
        var env = new Dictionary<string, string> { ["AWS_WEB_IDENTITY_TOKEN_FILE"] = tokenFile, ["AWS_ROLE_ARN"] = "arn:aws:iam::1:role/irsa" };
        var creds = await new DefaultCredentialChain(CredentialTestSupport.Options(env: env, call: new LoopbackServiceCall(sts.BaseUrl).Delegate)).RequireAsync();
        Assert.Equal("ASIAWEBID", creds.AccessKeyId);
        Assert.Equal("eyJhbGciOi.payload.sig", Form(Assert.Single(sts.Requests).Body)["WebIdentityToken"]);
    }

    [Fact]
    public async Task SsoPortalGetRoleCredentialsWithTheBearerTokenHeader()
    {
        using var portal = new LoopbackServer(r => r.PathAndQuery == "/federation/credentials?account_id=123456789012&role_name=Admin" &&
                                                   r.Headers.TryGetValue("x-amz-sso_bearer_token", out var t) && t == "portal-access"
            ? LoopbackResponse.Json("""{"roleCredentials":{"accessKeyId":"ASIAPORTAL","secretAccessKey":"portalsecret","sessionToken":"portaltoken","expiration":4102444800000}}""")
            : new LoopbackResponse(401, """{"message":"Session token not found or invalid"}"""));
        var cache = CredentialTestSupport.TempDir();
        File.WriteAllText(Path.Combine(cache, SsoTokenProvider.CacheFileName("corp")), JsonSerializer.Serialize(new { accessToken = "portal-access", expiresAt = "2099-01-01T00:00:00Z" }));
        var config = "[profile admin]\nsso_session = corp\nsso_account_id = 123456789012\nsso_role_name = Admin\n[sso-session corp]\nsso_region = us-east-1\nsso_start_url = https://corp.awsapps.com/start\n";
        var creds = await new DefaultCredentialChain(CredentialTestSupport.Options(config, explicitProfile: "admin", call: new LoopbackServiceCall(portal.BaseUrl).Delegate, ssoCache: cache)).RequireAsync();
        Assert.Equal(("ASIAPORTAL", "sso"), (creds.AccessKeyId, creds.Source));
        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(4102444800000), creds.Expiration);
    }
}
