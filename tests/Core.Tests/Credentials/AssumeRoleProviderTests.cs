using AwsCore.Credentials;

namespace AwsCore.Tests.Credentials;

public sealed class AssumeRoleProviderTests
{
    private const string Config = """
[profile leaf]
aws_access_key_id = AKIDLEAF
aws_secret_access_key = leafsecret

[profile middle]
role_arn = arn:aws:iam::111111111111:role/middle
source_profile = leaf

[profile top]
role_arn = arn:aws:iam::222222222222:role/top
source_profile = middle
external_id = ext-123
role_session_name = my-session
duration_seconds = 1800
mfa_serial = arn:aws:iam::222222222222:mfa/me

[profile loop-a]
role_arn = arn:aws:iam::1:role/a
source_profile = loop-b

[profile loop-b]
role_arn = arn:aws:iam::1:role/b
source_profile = loop-a

[profile self]
role_arn = arn:aws:iam::1:role/self
source_profile = self
aws_access_key_id = AKIDSELF
aws_secret_access_key = selfsecret

[profile from-env]
role_arn = arn:aws:iam::1:role/env
credential_source = Environment

[profile both]
role_arn = arn:aws:iam::1:role/x
credential_source = Environment
source_profile = leaf

[profile bad-source]
role_arn = arn:aws:iam::1:role/x
credential_source = Mars

[profile from-process]
role_arn = arn:aws:iam::1:role/p
source_profile = process-leaf

[profile process-leaf]
credential_process = /bin/echo '{"Version":1,"AccessKeyId":"AKIDPROCLEAF","SecretAccessKey":"s"}'
""";

    private static (DefaultCredentialChain Chain, FakeServiceCall Fake, List<string> Prompts) Build(string profile, Dictionary<string, string>? env = null)
    {
        var prompts = new List<string>();
        var fake = new FakeServiceCall((service, op, p, ctx) =>
            FakeServiceCall.StsCredentials("ASIA-" + ((string)p["RoleArn"]!).Split('/')[1] + "-via-" + ctx.Credentials!.AccessKeyId, DateTime.UtcNow.AddHours(1)));
        var options = CredentialTestSupport.Options(Config, env: env, explicitProfile: profile, call: fake.Delegate,
            mfa: (prompt, _) => { prompts.Add(prompt); return Task.FromResult("123456"); });
        return (new DefaultCredentialChain(options), fake, prompts);
    }

    [Fact]
    public async Task SourceProfileChainsAreFollowedToTheStaticLeaf()
    {
        var (chain, fake, prompts) = Build("top");
        var creds = await chain.RequireAsync();
        Assert.Equal("ASIA-top-via-ASIA-middle-via-AKIDLEAF", creds.AccessKeyId);
        Assert.Equal("assume-role", creds.Source);
        Assert.Equal(2, fake.Calls.Count);
        Assert.All(fake.Calls, c => Assert.Equal(("sts", "AssumeRole"), (c.Service, c.Operation)));
        var top = fake.Calls[1].Parameters;
        Assert.Equal("ext-123", top["ExternalId"]);
        Assert.Equal("my-session", top["RoleSessionName"]);
        Assert.Equal(1800, top["DurationSeconds"]);
        Assert.Equal("arn:aws:iam::222222222222:mfa/me", top["SerialNumber"]);
        Assert.Equal("123456", top["TokenCode"]);
        Assert.Equal(new[] { "Enter MFA code for arn:aws:iam::222222222222:mfa/me: " }, prompts);
        Assert.StartsWith("botocore-session-", (string)fake.Calls[0].Parameters["RoleSessionName"]!);
        Assert.Equal("us-east-1", fake.Calls[0].Context.Region);
    }

    [Fact]
    public async Task CyclesAreDetected()
    {
        var e = await Assert.ThrowsAsync<CredentialProviderException>(() => Build("loop-a").Chain.RequireAsync());
        Assert.Contains("infinite loop", e.Message);
        Assert.Contains("loop-a -> loop-b -> loop-a", e.Message);
    }

    [Fact]
    public async Task AProfileMayBeItsOwnSourceForItsStaticKeys()
    {
        Assert.Equal("ASIA-self-via-AKIDSELF", (await Build("self").Chain.RequireAsync()).AccessKeyId);
    }

    [Fact]
    public async Task CredentialSourceEnvironmentUsesTheVariablesEvenWithAnExplicitProfile()
    {
        var env = new Dictionary<string, string> { ["AWS_ACCESS_KEY_ID"] = "AKIDFROMENV", ["AWS_SECRET_ACCESS_KEY"] = "s" };
        Assert.Equal("ASIA-env-via-AKIDFROMENV", (await Build("from-env", env).Chain.RequireAsync()).AccessKeyId);
    }

    [Fact]
    public async Task ASourceProfileMayUseAnyProfileProvider()
    {
        Assert.Equal("ASIA-p-via-AKIDPROCLEAF", (await Build("from-process").Chain.RequireAsync()).AccessKeyId);
    }

    [Theory]
    [InlineData("both", "both source_profile and credential_source")]
    [InlineData("bad-source", "credential_source \"Mars\"")]
    public async Task InvalidRoleProfilesAreExplained(string profile, string message)
    {
        var e = await Assert.ThrowsAsync<CredentialProviderException>(() => Build(profile).Chain.RequireAsync());
        Assert.Contains(message, e.Message);
    }

    [Fact]
    public async Task MissingSourceProfileIsNamed()
    {
        var options = CredentialTestSupport.Options("[profile r]\nrole_arn = arn:aws:iam::1:role/r\nsource_profile = ghost\n", explicitProfile: "r");
        var e = await Assert.ThrowsAsync<CredentialProviderException>(() => new DefaultCredentialChain(options).RequireAsync());
        Assert.Contains("\"ghost\"", e.Message);
    }
}
