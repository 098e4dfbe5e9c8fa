using System.Diagnostics;

namespace AwsCore.Runtime;

/// <summary>The waiter's sense of time: real by default, replaced in tests so waits take no time.</summary>
internal interface IWaiterClock
{
    TimeSpan Elapsed { get; }

    Task Delay(TimeSpan delay, CancellationToken cancellationToken);
}

internal sealed class SystemWaiterClock : IWaiterClock
{
    private readonly Stopwatch _stopwatch = Stopwatch.StartNew();

    public TimeSpan Elapsed => _stopwatch.Elapsed;

    public Task Delay(TimeSpan delay, CancellationToken cancellationToken) => Task.Delay(delay, cancellationToken);
}
