using System.Diagnostics;
using AwsCore.Config;
using AwsCore.Credentials;

namespace AwsCore.Tests.Credentials;

public sealed class DefaultCredentialChainTests
{
    [Fact]
    public void ChainOrderIsBotocores()
    {
        var chain = new DefaultCredentialChain(CredentialTestSupport.Options());
        Assert.Equal(new[] { "env", "assume-role", "assume-role-with-web-identity", "sso", "shared-credentials-file", "custom-process", "config-file", "container-role", "iam-role" },
            chain.Providers.Select(p => p.Name));
        var explicitProfile = new DefaultCredentialChain(CredentialTestSupport.Options("[profile p]\n", explicitProfile: "p"));
        Assert.Equal("assume-role", explicitProfile.Providers[0].Name);
    }

    [Fact]
    public async Task NoCredentialsListsEverySourceAndComesQuickly()
    {
        var watch = Stopwatch.StartNew();
        var chain = new DefaultCredentialChain(CredentialTestSupport.Options());
        var e = await Assert.ThrowsAsync<NoCredentialsException>(() => chain.RequireAsync());
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(5), $"took {watch.Elapsed}");
        foreach (var name in chain.Providers.Select(p => p.Name)) Assert.Contains(name, e.Message);
        Assert.Equal(9, e.SourcesTried.Count);
    }

    [Fact]
    public async Task MissingExplicitProfileNamesItAndTheFilesWhenCredentialsAreNeeded()
    {
        var chain = new DefaultCredentialChain(CredentialTestSupport.Options("[default]\nregion = x\n", explicitProfile: "ghost"));
        var e = await Assert.ThrowsAsync<ProfileNotFoundException>(() => chain.RequireAsync());
        Assert.Contains("(ghost)", e.Message);
        Assert.Contains("/test/.aws/config", e.Message);
        Assert.Contains("/test/.aws/credentials", e.Message);
    }

    [Fact]
    public async Task EnvironmentWinsUnlessAProfileIsGivenExplicitly()
    {
        var env = new Dictionary<string, string> { ["AWS_ACCESS_KEY_ID"] = "AKIDENV", ["AWS_SECRET_ACCESS_KEY"] = "e", ["AWS_PROFILE"] = "p" };
        const string creds = "[p]\naws_access_key_id = AKIDFILE\naws_secret_access_key = f\n";
        Assert.Equal("AKIDENV", (await new DefaultCredentialChain(CredentialTestSupport.Options(credentials: creds, env: env)).RequireAsync()).AccessKeyId);
        var chain = new DefaultCredentialChain(CredentialTestSupport.Options(credentials: creds, env: env, explicitProfile: "p"));
        Assert.Equal("AKIDFILE", (await chain.RequireAsync()).AccessKeyId);
        Assert.Equal("shared-credentials-file", chain.Name);
    }

    [SkippableFact]
    public async Task WinnerIsKeptAndConcurrentFirstCallsResolveOnce()
    {
        Skip.If(OperatingSystem.IsWindows(), "this test's credential_process is a POSIX shell script");
        var counter = Path.Combine(CredentialTestSupport.TempDir(), "runs");
        var script = Path.Combine(CredentialTestSupport.TempDir(), "p.sh");
        File.WriteAllText(script, $"#!/bin/sh\necho x >> \"{counter}\"\necho '{{\"Version\":1,\"AccessKeyId\":\"AKIDONCE\",\"SecretAccessKey\":\"s\"}}'\n");
        if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(script, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        var chain = new DefaultCredentialChain(CredentialTestSupport.Options($"[default]\ncredential_process = {script}\n"));
        var all = await Task.WhenAll(Enumerable.Range(0, 16).Select(_ => Task.Run(() => chain.RequireAsync())));
        Assert.All(all, c => Assert.Equal("AKIDONCE", c.AccessKeyId));
        Assert.Single(File.ReadAllLines(counter));
    }
}
