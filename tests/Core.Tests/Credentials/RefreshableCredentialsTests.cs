using AwsCore.Credentials;

namespace AwsCore.Tests.Credentials;

public sealed class RefreshableCredentialsTests
{
    private static readonly DateTimeOffset Start = new(2024, 6, 1, 12, 0, 0, TimeSpan.Zero);

    private static AwsCredentials Creds(string id, DateTimeOffset expiry) => new(id, "s-" + id, "t-" + id, expiry, "test");

    [Fact]
    public async Task OutsideTheWindowsNothingIsRefreshed()
    {
        var now = Start;
        var calls = 0;
        var r = new RefreshableCredentials(Creds("A", Start.AddMinutes(16)), _ => { calls++; return Task.FromResult(Creds("B", now.AddHours(1))); }, () => now);
        Assert.Equal("A", (await r.GetAsync()).AccessKeyId);
        Assert.Equal(0, calls);
        now = Start.AddMinutes(2); // 14 minutes left: advisory
        Assert.Equal("B", (await r.GetAsync()).AccessKeyId);
        Assert.Equal(1, calls);
    }

    [Fact]
    public async Task AdvisoryFailureKeepsTheCurrentCredentials()
    {
        var now = Start.AddMinutes(3); // 12 minutes left
        var r = new RefreshableCredentials(Creds("A", Start.AddMinutes(15)), _ => throw new InvalidOperationException("sts down"), () => now);
        Assert.Equal("A", (await r.GetAsync()).AccessKeyId);
    }

    [Fact]
    public async Task MandatoryFailureIsThrown()
    {
        var now = Start.AddMinutes(6); // 9 minutes left
        var r = new RefreshableCredentials(Creds("A", Start.AddMinutes(15)), _ => throw new InvalidOperationException("sts down"), () => now);
        await Assert.ThrowsAsync<InvalidOperationException>(() => r.GetAsync());
    }

    [Fact]
    public async Task StillExpiredAfterRefreshIsAnError()
    {
        var now = Start;
        var r = new RefreshableCredentials(Creds("A", Start.AddMinutes(1)), _ => Task.FromResult(Creds("B", Start.AddSeconds(-1))), () => now);
        var e = await Assert.ThrowsAsync<CredentialProviderException>(() => r.GetAsync());
        Assert.Contains("still expired", e.Message);
    }

    [Fact]
    public async Task OneRefreshAtATimeUnderConcurrency()
    {
        var now = Start;
        var calls = 0;
        var release = new TaskCompletionSource();
        var r = new RefreshableCredentials(Creds("A", Start.AddMinutes(5)), async _ =>
        {
            Interlocked.Increment(ref calls);
            await release.Task;
            return Creds("B", Start.AddHours(1));
        }, () => now);
        var callers = Enumerable.Range(0, 32).Select(_ => Task.Run(() => r.GetAsync())).ToArray();
        // Let every caller reach the refresh while the first refresh is held open (the machine may be slow).
        for (var waited = 0; Volatile.Read(ref calls) == 0 && waited < 200; waited++) await Task.Delay(50);
        await Task.Delay(200);
        release.SetResult();
        var results = await Task.WhenAll(callers);
        Assert.All(results, c => Assert.Equal("B", c.AccessKeyId));
        Assert.Equal(1, calls);
    }

    [Fact]
    public async Task InTheAdvisoryWindowOthersDoNotWaitForTheRefresher()
    {
        var now = Start;
        var release = new TaskCompletionSource();
        var started = new TaskCompletionSource();
        var r = new RefreshableCredentials(Creds("A", Start.AddMinutes(12)), async _ =>
        {
            started.TrySetResult();
            await release.Task;
            return Creds("B", Start.AddHours(1));
        }, () => now);
        var refresher = Task.Run(() => r.GetAsync());
        await started.Task.WaitAsync(TimeSpan.FromSeconds(30));
        var other = await r.GetAsync().WaitAsync(TimeSpan.FromSeconds(2));
        Assert.Equal("A", other.AccessKeyId);
        release.SetResult();
        Assert.Equal("B", (await refresher).AccessKeyId);
    }
}
