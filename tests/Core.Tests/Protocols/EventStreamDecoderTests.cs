using System.Text;
using AwsCore.Protocols.EventStream;
using static AwsCore.Tests.Protocols.EventStreamFrames;

namespace AwsCore.Tests.Protocols;

public sealed class EventStreamDecoderTests
{
    [Fact]
    public void DecodesEveryHeaderTypeAndThePayload()
    {
        var uuid = Guid.Parse("0102030405060708090a0b0c0d0e0f10");
        var frame = Message(new (string, byte, byte[])[]
        {
            ("t", 0, Array.Empty<byte>()),
            ("f", 1, Array.Empty<byte>()),
            ("b", 2, new byte[] { 0xFE }),
            ("s", 3, new byte[] { 0x01, 0x02 }),
            ("i", 4, new byte[] { 0xFF, 0xFF, 0xFF, 0xFE }),
            ("l", 5, new byte[] { 0, 0, 0, 1, 0, 0, 0, 2 }),
            ("bytes", 6, new byte[] { 0, 3, 9, 8, 7 }),
            String("str", "héllo"),
            ("ts", 8, new byte[] { 0, 0, 1, 111, 17, 28, 206, 75 }),
            ("uuid", 9, Enumerable.Range(1, 16).Select(i => (byte)i).ToArray()),
        }, Encoding.UTF8.GetBytes("payload!"));

        var message = new EventStreamDecoder(new MemoryStream(frame)).ReadMessage()!;

        Assert.Equal(true, message.Headers["t"]);
        Assert.Equal(false, message.Headers["f"]);
        Assert.Equal((sbyte)-2, message.Headers["b"]);
        Assert.Equal((short)0x0102, message.Headers["s"]);
        Assert.Equal(-2, message.Headers["i"]);
        Assert.Equal((1L << 32) | 2, message.Headers["l"]);
        Assert.Equal(new byte[] { 9, 8, 7 }, message.Headers["bytes"]);
        Assert.Equal("héllo", message.Headers["str"]);
        Assert.Equal(new DateTime(2019, 12, 16, 23, 48, 18, 123, DateTimeKind.Utc), message.Headers["ts"]);
        Assert.Equal(uuid, message.Headers["uuid"]);
        Assert.Equal("payload!", Encoding.UTF8.GetString(message.Payload));
    }

    [Fact]
    public void ReadsMessagesInOrderAndEndsCleanly()
    {
        var stream = new MemoryStream(Event("A", new byte[] { 1 }).Concat(Event("B", new byte[] { 2, 3 })).ToArray());
        var decoder = new EventStreamDecoder(stream);
        Assert.Equal("A", decoder.ReadMessage()!.StringHeader(":event-type"));
        Assert.Equal(new byte[] { 2, 3 }, decoder.ReadMessage()!.Payload);
        Assert.Null(decoder.ReadMessage());
    }

    [Theory]
    [InlineData(9, "prelude checksum")]
    [InlineData(30, "message checksum")]
    public void RejectsACorruptedChecksum(int byteToFlip, string expected)
    {
        var frame = Event("Records", Encoding.UTF8.GetBytes("some records"));
        frame[byteToFlip] ^= 0x40;
        var error = Assert.Throws<EventStreamFormatException>(() => new EventStreamDecoder(new MemoryStream(frame)).ReadMessage());
        Assert.Contains(expected, error.Message);
    }

    [Fact]
    public void RejectsACorruptedPayloadByte()
    {
        var frame = Event("Records", Encoding.UTF8.GetBytes("some records"));
        frame[frame.Length - 6] ^= 0x01;
        Assert.Throws<EventStreamFormatException>(() => EventStreamDecoder.DecodeMessage(frame));
    }

    [Fact]
    public void RejectsAStreamCutInsideAMessage()
    {
        var frame = Event("Records", new byte[100]);
        var error = Assert.Throws<EventStreamFormatException>(() => new EventStreamDecoder(new MemoryStream(frame, 0, 60)).ReadMessage());
        Assert.Contains("ended inside a message", error.Message);
    }

    [Fact]
    public async Task ReadsAsynchronously()
    {
        var decoder = new EventStreamDecoder(new MemoryStream(Event("A", new byte[] { 1 })));
        var message = await decoder.ReadMessageAsync();
        Assert.Equal("A", message!.StringHeader(":event-type"));
        Assert.Null(await decoder.ReadMessageAsync());
    }
}
