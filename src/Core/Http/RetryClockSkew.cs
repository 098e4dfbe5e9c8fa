using System.Globalization;

namespace AwsCore.Http;

/// <summary>
/// Clock-skew correction: when a service rejects a request as signed at the wrong time (RequestTimeTooSkewed,
/// SignatureDoesNotMatch, ...) and its Date header is more than 4 minutes from the local clock, the client adopts the
/// difference as an offset for signing and may retry (<see cref="RetryAttempt.ClockSkewCorrected"/>). botocore has no
/// such correction; the codes and the threshold are those the other AWS SDKs use. Thread-safe.
/// </summary>
public sealed class RetryClockSkew
{
    /// <summary>The error codes that can mean the request's signing time was off.</summary>
    public static IReadOnlyCollection<string> Codes { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        "RequestTimeTooSkewed", "RequestExpired", "RequestInTheFuture", "InvalidSignatureException", "SignatureDoesNotMatch",
        "AuthFailure",
    };

    /// <summary>How far the clocks may drift before the offset is corrected.</summary>
    public static TimeSpan Threshold { get; } = TimeSpan.FromMinutes(4);

    private long _offsetTicks;

    /// <summary>Server time minus local time, to add to the local clock when signing.</summary>
    public TimeSpan Offset => TimeSpan.FromTicks(Interlocked.Read(ref _offsetTicks));

    /// <summary>
    /// For a clock-skew error code with a server Date (RFC 1123) that differs from <paramref name="localNow"/> plus the
    /// current offset by more than the threshold, sets the offset and returns true (retry); otherwise false.
    /// </summary>
    public bool TryCorrect(string? errorCode, string? serverDate, DateTimeOffset localNow)
    {
        if (errorCode is null || !Codes.Contains(errorCode) || serverDate is null) return false;
        if (!DateTimeOffset.TryParseExact(serverDate, "r", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var server))
            return false;
        var skew = server - localNow;
        if ((skew - Offset).Duration() <= Threshold) return false;
        Interlocked.Exchange(ref _offsetTicks, skew.Ticks);
        return true;
    }
}
