using AwsCore.Protocols;

namespace AwsCore.Tests.Protocols;

public sealed class ScalarFormatTests
{
    [Theory]
    [InlineData(1.0, "1.0")]
    [InlineData(0.1, "0.1")]
    [InlineData(-2.25, "-2.25")]
    [InlineData(1e16, "1e+16")]
    [InlineData(1.5e20, "1.5e+20")]
    [InlineData(123456789012345.0, "123456789012345.0")]
    [InlineData(0.0001, "0.0001")]
    [InlineData(0.00001, "1e-05")]
    [InlineData(1.2345678901234567e-7, "1.2345678901234566e-07")]
    [InlineData(0.0, "0.0")]
    public void FloatsAreWrittenAsPythonReprWrites(double value, string expected)
    {
        Assert.Equal(expected, PythonFloat.Repr(value));
    }

    [Theory]
    [InlineData("2014-04-29T18:30:38Z", 1398796238.0)]
    [InlineData("2014-04-29T18:30:38.123456789Z", 1398796238.123457)]
    [InlineData("Tue, 29 Apr 2014 18:30:38 GMT", 1398796238.0)]
    [InlineData("2014-04-29T20:30:38+02:00", 1398796238.0)]
    [InlineData("1398796238.5", 1398796238.5)]
    public void TimestampsParseLikeBotocore(string text, double epoch)
    {
        Assert.Equal(epoch, Timestamps.ToEpochSeconds(Timestamps.Parse(text)), 5);
    }

    [Fact]
    public void TimestampFormats()
    {
        var t = new DateTime(2019, 12, 16, 23, 48, 18, DateTimeKind.Utc);
        Assert.Equal("2019-12-16T23:48:18Z", Timestamps.Iso8601(t));
        Assert.Equal("2019-12-16T23:48:18.500000Z", Timestamps.Iso8601(t.AddMilliseconds(500)));
        Assert.Equal("Mon, 16 Dec 2019 23:48:18 GMT", Timestamps.Rfc822(t.AddMilliseconds(500)));
        Assert.Equal(1576540098L, Timestamps.UnixSeconds(t.AddMilliseconds(999)));
    }
}
