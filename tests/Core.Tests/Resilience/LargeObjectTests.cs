using AwsCore.Runtime;
using AwsCore.Tests.Integration;
using AwsCore.Tests.Support;
using System.Diagnostics;
using System.Security.Cryptography;

namespace AwsCore.Tests.Resilience;

/// <summary>
/// A 1 GiB object put and got through AwsClient against a moto_server of its own, with the process's working set
/// sampled throughout: request and response bodies must stream, never be buffered whole. Runs in the serial
/// collection so no other test's allocations count against the 64 MB allowance.
/// </summary>
[Collection(SerialCollection.Name)]
public sealed class LargeObjectTests : IDisposable
{
    private const long Size = 1L << 30;
    private const long AllowedGrowth = 64L << 20;
    private readonly MotoServer _moto = new();

    [Fact]
    public async Task AGibibyteObjectStreamsUpAndDownWithinSixtyFourMegabytes()
    {
        var s3 = MotoClients.Create(_moto, "s3");
        var bucket = MotoClients.Unique("big");
        await s3.InvokeAsync("CreateBucket", new Dictionary<string, object?> { ["Bucket"] = bucket });

        var expected = ExpectedHash();
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        var baseline = Process.GetCurrentProcess().WorkingSet64;
        using var sampler = new MemorySampler();
        var clock = Stopwatch.StartNew();

        await s3.InvokeAsync("PutObject", new Dictionary<string, object?> { ["Bucket"] = bucket, ["Key"] = "gib", ["Body"] = new GeneratedStream(Size) });
        var putSeconds = clock.Elapsed.TotalSeconds;

        var got = await s3.InvokeAsync("GetObject", new Dictionary<string, object?> { ["Bucket"] = bucket, ["Key"] = "gib" });
        Assert.Equal(Size, Convert.ToInt64(got["ContentLength"]));
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        long read = 0;
        using (var body = Assert.IsAssignableFrom<Stream>(got["Body"]))
        {
            var buffer = new byte[81920];
            int n;
            while ((n = await body.ReadAsync(buffer, 0, buffer.Length)) > 0)
            {
                hash.AppendData(buffer, 0, n);
                read += n;
            }
        }
        var totalSeconds = clock.Elapsed.TotalSeconds;
        var peak = sampler.Stop();

        Assert.Equal(Size, read);
        Assert.Equal(Convert.ToHexString(expected), Convert.ToHexString(hash.GetHashAndReset()));
        var growth = peak - baseline;
        Assert.True(growth < AllowedGrowth,
            $"working set grew {growth >> 20} MB above its {baseline >> 20} MB baseline (put {putSeconds:F1} s, total {totalSeconds:F1} s)");
        Console.WriteLine($"1 GiB via moto: put {putSeconds:F1} s, put+get {totalSeconds:F1} s, peak growth {growth >> 20} MB");
    }

    private static byte[] ExpectedHash()
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        using var source = new GeneratedStream(Size);
        var buffer = new byte[1 << 20];
        int n;
        while ((n = source.Read(buffer, 0, buffer.Length)) > 0) hash.AppendData(buffer, 0, n);
        return hash.GetHashAndReset();
    }

    public void Dispose() => _moto.Dispose();

    /// <summary>The highest working set seen, sampled every 20 ms on a thread of its own.</summary>
    private sealed class MemorySampler : IDisposable
    {
        private readonly Thread _thread;
        private volatile bool _stop;
        private long _peak;

        public MemorySampler()
        {
            _thread = new Thread(() =>
            {
                using var process = Process.GetCurrentProcess();
                while (!_stop)
                {
                    process.Refresh();
                    var now = process.WorkingSet64;
                    if (now > Interlocked.Read(ref _peak)) Interlocked.Exchange(ref _peak, now);
                    Thread.Sleep(20);
                }
            }) { IsBackground = true };
            _thread.Start();
        }

        public long Stop()
        {
            _stop = true;
            _thread.Join();
            return Interlocked.Read(ref _peak);
        }

        public void Dispose()
        {
            _stop = true;
        }
    }
}
