using System.Text;
using AwsCore.Http;
using AwsCore.Models;
using AwsCore.Protocols;
using AwsCore.Protocols.EventStream;
using AwsCore.Runtime;
using static AwsCore.Tests.Protocols.EventStreamFrames;

namespace AwsCore.Tests.Protocols;

public sealed class EventStreamReaderTests
{
    [Fact]
    public void S3SelectEventsArriveInOrderAndAModeledErrorStopsThem()
    {
        var s3 = BotocoreModels.Load("s3");
        var operation = s3.GetOperation("SelectObjectContent");
        var stats = "<Stats><BytesScanned>10</BytesScanned><BytesProcessed>8</BytesProcessed><BytesReturned>4</BytesReturned></Stats>";
        var body = new CountingStream(Event("Records", Encoding.UTF8.GetBytes("a,b\n"))
            .Concat(Event("Stats", Encoding.UTF8.GetBytes(stats), "text/xml"))
            .Concat(Message(new[] { String(":message-type", "error"), String(":error-code", "InternalError"), String(":error-message", "boom") }, Array.Empty<byte>()))
            .Concat(Event("End", Array.Empty<byte>()))
            .ToArray());
        var response = new AwsHttpResponse { StatusCode = 200, BodyStream = body };
        response.Headers["x-amz-request-id"] = "REQ";

        var parsed = ProtocolRegistry.For("rest-xml").Parser.Parse(operation, response);
        var events = Assert.IsType<EventStreamReader>(parsed["Payload"]);
        Assert.Equal(0, body.BytesRead);

        using var enumerator = events.GetEnumerator();
        Assert.True(enumerator.MoveNext());
        var records = (ValueMap)enumerator.Current["Records"]!;
        Assert.Equal("a,b\n", Encoding.UTF8.GetString((byte[])records["Payload"]!));
        Assert.True(body.BytesRead < body.Length, "the reader must not buffer the whole stream");

        Assert.True(enumerator.MoveNext());
        var details = (ValueMap)((ValueMap)enumerator.Current["Stats"]!)["Details"]!;
        Assert.Equal(10L, details["BytesScanned"]);

        var error = Assert.Throws<AwsServiceException>(() => enumerator.MoveNext());
        Assert.Equal("InternalError", error.ErrorCode);
        Assert.Equal("boom", error.ErrorMessage);
    }

    [Fact]
    public void KinesisSubscribeToShardReadsTheInitialResponseThenEventsThenAModeledException()
    {
        var kinesis = BotocoreModels.Load("kinesis");
        var operation = kinesis.GetOperation("SubscribeToShard");
        var initial = Message(new[] { String(":message-type", "event"), String(":event-type", "initial-response") }, Encoding.UTF8.GetBytes("{}"));
        var record = "{\"Records\":[{\"SequenceNumber\":\"1\",\"Data\":\"aGk=\",\"PartitionKey\":\"k\",\"ApproximateArrivalTimestamp\":1.5}],\"ContinuationSequenceNumber\":\"2\",\"MillisBehindLatest\":0}";
        var stream = new MemoryStream(initial
            .Concat(Event("SubscribeToShardEvent", Encoding.UTF8.GetBytes(record), "application/json"))
            .Concat(Exception("ResourceInUseException", "{\"message\":\"in use\"}"))
            .ToArray());
        var response = new AwsHttpResponse { StatusCode = 200, BodyStream = stream };

        var parsed = ProtocolRegistry.For("json").Parser.Parse(operation, response);
        var events = ((EventStreamReader)parsed["EventStream"]!).GetEnumerator();

        Assert.True(events.MoveNext());
        var shardEvent = (ValueMap)events.Current["SubscribeToShardEvent"]!;
        var first = (ValueMap)((List<object?>)shardEvent["Records"]!)[0]!;
        Assert.Equal("hi", Encoding.UTF8.GetString((byte[])first["Data"]!));
        Assert.Equal(new DateTime(1970, 1, 1, 0, 0, 1, 500, DateTimeKind.Utc), first["ApproximateArrivalTimestamp"]);

        var error = Assert.Throws<AwsServiceException>(() => events.MoveNext());
        Assert.Equal("ResourceInUseException", error.ErrorCode);
        Assert.Equal("in use", error.ErrorMessage);
        Assert.Equal("in use", error.Fields["message"]);
    }

    [Fact]
    public void AnRpcStreamWithoutInitialResponseIsRejected()
    {
        var operation = BotocoreModels.Load("kinesis").GetOperation("SubscribeToShard");
        var response = new AwsHttpResponse { StatusCode = 200, BodyStream = new MemoryStream(Event("SubscribeToShardEvent", Encoding.UTF8.GetBytes("{}"))) };
        var error = Assert.Throws<FormatException>(() => ProtocolRegistry.For("json").Parser.Parse(operation, response));
        Assert.Contains("initial-response", error.Message);
    }

    [Fact]
    public void AReaderCanBeEnumeratedOnlyOnce()
    {
        var operation = BotocoreModels.Load("s3").GetOperation("SelectObjectContent");
        var response = new AwsHttpResponse { StatusCode = 200, BodyStream = new MemoryStream(Event("End", Array.Empty<byte>())) };
        var events = (EventStreamReader)ProtocolRegistry.For("rest-xml").Parser.Parse(operation, response)["Payload"]!;
        Assert.Single((IEnumerable<ValueMap>)events);
        Assert.Throws<InvalidOperationException>(() => events.GetEnumerator());
    }

    private sealed class CountingStream : MemoryStream
    {
        public CountingStream(byte[] data) : base(data) { }

        public long BytesRead { get; private set; }

        public override int Read(byte[] buffer, int offset, int count)
        {
            var n = base.Read(buffer, offset, count);
            BytesRead += n;
            return n;
        }

        public override int Read(Span<byte> buffer)
        {
            var n = base.Read(buffer);
            BytesRead += n;
            return n;
        }
    }
}
