using AwsCore.Http;

namespace AwsCore.Runtime;

/// <summary>The client's clock: the local (or given) clock corrected by the skew a server reported.</summary>
internal sealed class ClockedSkew
{
    private readonly Func<DateTimeOffset> _clock;
    private readonly RetryClockSkew _skew = new();

    public ClockedSkew(Func<DateTimeOffset>? clock) => _clock = clock ?? (() => DateTimeOffset.UtcNow);

    public DateTimeOffset Now => _clock() + _skew.Offset;

    /// <summary>Learns the offset from a skew error's Date header; true when it changed (worth signing again).</summary>
    public bool Correct(string? errorCode, IReadOnlyDictionary<string, string> headers) =>
        _skew.TryCorrect(errorCode, headers.TryGetValue("Date", out var date) ? date : null, _clock());
}
