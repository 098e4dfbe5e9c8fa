using AwsCore.Http;

namespace AwsCore.Tests.Retries;

public sealed class ClockSkewTests
{
    private static readonly DateTimeOffset Local = new(2026, 1, 2, 3, 4, 5, TimeSpan.Zero);

    [Fact]
    public void ASkewErrorWithADistantServerDateSetsTheOffset()
    {
        var skew = new RetryClockSkew();
        Assert.True(skew.TryCorrect("RequestTimeTooSkewed", "Fri, 02 Jan 2026 03:14:05 GMT", Local));
        Assert.Equal(TimeSpan.FromMinutes(10), skew.Offset);
        // Corrected already: the same answer again does not ask for another retry.
        Assert.False(skew.TryCorrect("RequestTimeTooSkewed", "Fri, 02 Jan 2026 03:14:06 GMT", Local));
    }

    [Theory]
    [InlineData("RequestTimeTooSkewed", "Fri, 02 Jan 2026 03:07:05 GMT")]
    [InlineData("AccessDenied", "Fri, 02 Jan 2026 03:34:05 GMT")]
    [InlineData("SignatureDoesNotMatch", "not a date")]
    [InlineData("SignatureDoesNotMatch", null)]
    public void OtherwiseNothingChanges(string code, string? date)
    {
        var skew = new RetryClockSkew();
        Assert.False(skew.TryCorrect(code, date, Local));
        Assert.Equal(TimeSpan.Zero, skew.Offset);
    }
}
