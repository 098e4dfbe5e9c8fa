using System.Numerics;
using AwsCore.Protocols.Cbor;

namespace AwsCore.Tests.Protocols;

public sealed class CborRoundTripTests
{
    [Fact]
    public void EncodesWithTheShortestArgumentAndDecodesBack()
    {
        var writer = new CborWriter();
        writer.WriteMapHeader(7);
        writer.WriteString("small"); writer.WriteInteger(23);
        writer.WriteString("byte"); writer.WriteInteger(24);
        writer.WriteString("negative"); writer.WriteInteger(-500);
        writer.WriteString("big"); writer.WriteInteger(long.MaxValue);
        writer.WriteString("text"); writer.WriteString("日本 ü");
        writer.WriteString("list"); writer.WriteArrayHeader(3); writer.WriteBoolean(true); writer.WriteNull(); writer.WriteDouble(1.5);
        writer.WriteString("time"); writer.WriteTag(1); writer.WriteInteger(1_700_000_000);
        var bytes = writer.ToArray();

        Assert.Equal(0xA7, bytes[0]);
        var map = Assert.IsType<Dictionary<object, object?>>(CborDecoder.Decode(bytes));
        Assert.Equal(23L, map["small"]);
        Assert.Equal(24L, map["byte"]);
        Assert.Equal(-500L, map["negative"]);
        Assert.Equal(long.MaxValue, map["big"]);
        Assert.Equal("日本 ü", map["text"]);
        Assert.Equal(new List<object?> { true, null, 1.5 }, map["list"]);
        Assert.Equal(new CborTag(1, 1_700_000_000L), map["time"]);
    }

    [Theory]
    [InlineData(double.NaN, "f97e00")]
    [InlineData(double.PositiveInfinity, "f97c00")]
    [InlineData(double.NegativeInfinity, "f9fc00")]
    [InlineData(1.5, "fb3ff8000000000000")]
    public void WritesSpecialDoublesAsHalfFloats(double value, string hex)
    {
        var writer = new CborWriter();
        writer.WriteDouble(value);
        Assert.Equal(hex, Convert.ToHexString(writer.ToArray()).ToLowerInvariant());
        var decoded = CborDecoder.Decode(writer.ToArray());
        Assert.Equal(value, Convert.ToDouble(decoded));
    }

    [Theory]
    [InlineData("f93c00", 1.0)]
    [InlineData("f9c400", -4.0)]
    [InlineData("f90001", 5.960464477539063e-8)]
    [InlineData("f97bff", 65504.0)]
    public void DecodesHalfFloats(string hex, double expected)
    {
        Assert.Equal(expected, Convert.ToDouble(CborDecoder.Decode(Convert.FromHexString(hex))), 12);
    }

    [Fact]
    public void DecodesIndefiniteStringsAndLargeIntegers()
    {
        Assert.Equal("strea" + "ming", CborDecoder.Decode(Convert.FromHexString("7f657374726561646d696e67ff")));
        Assert.Equal(ulong.MaxValue, CborDecoder.Decode(Convert.FromHexString("1bffffffffffffffff")));
        Assert.Equal(-BigInteger.Pow(2, 64), CborDecoder.Decode(Convert.FromHexString("3bffffffffffffffff")));
    }

    [Theory]
    [InlineData("a1", "greater than remaining")]
    [InlineData("9f01", "expected break marker")]
    [InlineData("0001", "unexpected byte")]
    [InlineData("62c328", "not valid UTF-8")]
    public void RejectsMalformedInput(string hex, string message)
    {
        var error = Assert.Throws<CborFormatException>(() => CborDecoder.Decode(Convert.FromHexString(hex)));
        Assert.Contains(message, error.Message);
    }
}
