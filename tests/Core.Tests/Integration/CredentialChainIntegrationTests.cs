using AwsCore.Runtime;
using AwsCore.Tests.Support;

namespace AwsCore.Tests.Integration;

/// <summary>The default credential chain resolving real profiles end to end, with STS served by moto.</summary>
[Collection(MotoCollection.Name)]
public sealed class CredentialChainIntegrationTests
{
    private readonly MotoServer _moto;

    public CredentialChainIntegrationTests(MotoServer moto) => _moto = moto;

    private Dictionary<string, string> Environment(TempDirectory files, string profile) => new()
    {
        ["AWS_CONFIG_FILE"] = Path.Combine(files.Path, "config"),
        ["AWS_SHARED_CREDENTIALS_FILE"] = Path.Combine(files.Path, "credentials"),
        ["AWS_PROFILE"] = profile,
        ["AWS_ENDPOINT_URL"] = _moto.Url,
        ["AWS_EC2_METADATA_DISABLED"] = "true",
        ["HOME"] = files.Path,
    };

    [Fact]
    public async Task AnAssumeRoleChainIsResolvedThroughStsAndSignsTheCall()
    {
        using var files = new TempDirectory();
        files.Write("credentials", "[base]\naws_access_key_id = AKIDBASEEXAMPLE\naws_secret_access_key = base-secret\n");
        files.Write("config", """
            [profile base]
            region = us-east-1

            [profile middle]
            role_arn = arn:aws:iam::123456789012:role/middle
            source_profile = base
            role_session_name = awscore-middle

            [profile ops]
            role_arn = arn:aws:iam::123456789012:role/ops
            source_profile = middle
            region = eu-west-1
            duration_seconds = 1800
            """);
        var client = AwsClientFactory.Create("sts", new ClientOptions { Environment = Environment(files, "ops") });
        Assert.Equal("eu-west-1", client.Region);
        var identity = await client.InvokeAsync("GetCallerIdentity");
        Assert.Contains("assumed-role/ops", (string)identity["Arn"]!);
        Assert.Contains(client.Provenance, p => p.Contains("assume-role"));
        Assert.DoesNotContain(client.Provenance, p => p.Contains("base-secret"));
    }

    [Fact]
    public async Task ASourceProfileCycleIsReportedWithTheProfilesInvolved()
    {
        using var files = new TempDirectory();
        files.Write("config", """
            [profile a]
            role_arn = arn:aws:iam::123456789012:role/a
            source_profile = b
            region = us-east-1

            [profile b]
            role_arn = arn:aws:iam::123456789012:role/b
            source_profile = a
            """);
        var client = AwsClientFactory.Create("sts", new ClientOptions { Environment = Environment(files, "a") });
        var error = await Assert.ThrowsAnyAsync<Exception>(() => client.InvokeAsync("GetCallerIdentity"));
        Assert.Contains("a", error.Message);
        Assert.Contains("b", error.Message);
    }

    [Fact]
    public async Task CredentialProcessOutputSignsTheCall()
    {
        using var files = new TempDirectory();
        var script = files.Write("creds.sh", "#!/bin/sh\necho '{\"Version\": 1, \"AccessKeyId\": \"AKIDPROCESS\", \"SecretAccessKey\": \"process-secret\"}'\n");
        File.SetUnixFileMode(script, UnixFileMode.UserRead | UnixFileMode.UserExecute | UnixFileMode.UserWrite);
        files.Write("config", $"[profile proc]\ncredential_process = {script}\nregion = us-west-2\n");
        var client = AwsClientFactory.Create("sts", new ClientOptions { Environment = Environment(files, "proc") });
        var request = await client.BuildRequestAsync("GetCallerIdentity");
        Assert.Contains("Credential=AKIDPROCESS/", request.Headers["Authorization"]);
        Assert.Matches("^[0-9]{12}$", (string)(await client.InvokeAsync("GetCallerIdentity"))["Account"]!);
    }

    [Fact]
    public void AnExplicitProfileThatDoesNotExistNamesItAndTheFiles()
    {
        using var files = new TempDirectory();
        files.Write("config", "[profile present]\nregion = us-east-1\n");
        var error = Assert.ThrowsAny<Exception>(() => AwsClientFactory.Create("sts", new ClientOptions { Environment = Environment(files, "absent") }));
        Assert.Contains("absent", error.Message);
        Assert.Contains(Path.Combine(files.Path, "config"), error.Message);
    }
}
