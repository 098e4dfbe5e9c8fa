using AwsCore.Credentials;

namespace AwsCore.Tests.Credentials;

public sealed class ProcessCredentialProviderTests
{
    private static string Script(string body)
    {
        Skip.If(OperatingSystem.IsWindows(), "these credential_process tests run POSIX shell scripts");
        var path = Path.Combine(CredentialTestSupport.TempDir(), "cred process.sh");
        File.WriteAllText(path, "#!/bin/sh\n" + body + "\n");
        if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        return path;
    }

    private static CredentialProviderOptions Options(string scriptPath, string args, List<string>? stderr = null, Func<DateTimeOffset>? clock = null) =>
        CredentialTestSupport.Options(config: $"[profile p]\ncredential_process = \"{scriptPath}\" {args}\n", stderr: line => stderr?.Add(line), clock: clock);

    [SkippableFact]
    public async Task Version1OutputWithExpirationIsRefreshedByRunningAgain()
    {
        var counter = Path.Combine(CredentialTestSupport.TempDir(), "count");
        var script = Script($$"""
n=$(cat "{{counter}}" 2>/dev/null || echo 0); n=$((n+1)); echo $n > "{{counter}}"
echo "warning from process" >&2
printf '{"Version": 1, "AccessKeyId": "AKIDPROC%s", "SecretAccessKey": "procsecret", "SessionToken": "proctoken", "Expiration": "%s"}' "$n" "$1"
""");
        var now = new DateTimeOffset(2030, 1, 1, 0, 0, 0, TimeSpan.Zero);
        var stderr = new List<string>();
        var provider = new ProcessCredentialProvider(Options(script, "'2030-01-01T00:20:00Z'", stderr, () => now), "p");
        var first = await provider.ResolveAsync();
        Assert.Equal(("AKIDPROC1", "proctoken", "custom-process"), (first!.AccessKeyId, first.SessionToken, first.Source));
        Assert.Equal(new DateTimeOffset(2030, 1, 1, 0, 20, 0, TimeSpan.Zero), first.Expiration);
        Assert.Contains("warning from process", stderr);
        Assert.Equal("AKIDPROC1", (await provider.ResolveAsync())!.AccessKeyId);
        now = now.AddMinutes(11); // 9 minutes left: mandatory refresh, the process runs again
        Assert.Equal("AKIDPROC2", (await provider.ResolveAsync())!.AccessKeyId);
        now = now.AddMinutes(10); // past the expiry the process keeps answering
        var e = await Assert.ThrowsAsync<CredentialProviderException>(() => provider.ResolveAsync());
        Assert.Contains("still expired", e.Message);
    }

    [SkippableFact]
    public async Task NonZeroExitCodeIsReportedAndStderrPassedOn()
    {
        var stderr = new List<string>();
        var script = Script("echo 'token expired, run sso login' >&2\nexit 42");
        var e = await Assert.ThrowsAsync<CredentialProviderException>(() => new ProcessCredentialProvider(Options(script, "", stderr), "p").ResolveAsync());
        Assert.Contains("exited with code 42", e.Message);
        Assert.Equal(new[] { "token expired, run sso login" }, stderr);
    }

    [SkippableTheory]
    [InlineData("{\"Version\": 2, \"AccessKeyId\": \"a\", \"SecretAccessKey\": \"b\"}", "unsupported Version 2")]
    [InlineData("{\"AccessKeyId\": \"a\", \"SecretAccessKey\": \"b\"}", "<Version key not provided>")]
    [InlineData("{\"Version\": 1, \"AccessKeyId\": \"a\"}", "SecretAccessKey")]
    [InlineData("not json", "did not print a JSON object")]
    public async Task BadOutputIsExplained(string output, string message)
    {
        var script = Script($"cat <<'EOF'\n{output}\nEOF");
        var e = await Assert.ThrowsAsync<CredentialProviderException>(() => new ProcessCredentialProvider(Options(script, ""), "p").ResolveAsync());
        Assert.Contains(message, e.Message);
    }

    [SkippableFact]
    public async Task StaticOutputAndArgumentsWithSpacesWork()
    {
        var script = Script("printf '{\"Version\": 1, \"AccessKeyId\": \"%s\", \"SecretAccessKey\": \"s\"}' \"$1\"");
        var creds = await new ProcessCredentialProvider(Options(script, "\"two words\""), "p").ResolveAsync();
        Assert.Equal("two words", creds!.AccessKeyId);
        Assert.Null(creds.Expiration);
        Assert.Null(await new ProcessCredentialProvider(Options(script, ""), "absent").ResolveAsync());
    }
}
