using System.Collections;
using System.Text;
using AwsCore.Models;
using AwsCore.Protocols.Json;
using AwsCore.Protocols.RpcV2;
using AwsCore.Protocols.Xml;
using AwsCore.Runtime;

namespace AwsCore.Protocols.EventStream;

/// <summary>
/// The events of an output event stream (S3 SelectObjectContent, Kinesis SubscribeToShard, Bedrock and Transcribe
/// streams), read lazily from the response stream as they arrive: each event is {"EventName": {members}} with members
/// taken from event headers and the payload. A modeled exception event (or an error message) ends the enumeration
/// with an <see cref="AwsServiceException"/> at its place in the stream. Enumerate once; dispose to close the stream.
/// </summary>
public sealed class EventStreamReader : IEnumerable<ValueMap>, IDisposable
#if NET
    , IAsyncEnumerable<ValueMap>
#endif
{
    private readonly EventStreamDecoder _decoder;
    private readonly Stream? _stream;
    private readonly Shape _shape;
    private readonly EventPayloadFormat _format;
    private readonly OperationModel? _operation;
    private int _started;

    internal EventStreamReader(Stream stream, Shape eventStreamShape, EventPayloadFormat format, OperationModel? operation = null)
        : this(new EventStreamDecoder(stream), eventStreamShape, format, operation)
    {
        _stream = stream;
    }

    internal EventStreamReader(EventStreamDecoder decoder, Shape eventStreamShape, EventPayloadFormat format, OperationModel? operation)
    {
        _decoder = decoder;
        _shape = eventStreamShape;
        _format = format;
        _operation = operation;
    }

    /// <summary>The event-stream union shape the events are read by.</summary>
    public Shape Shape => _shape;

    public IEnumerator<ValueMap> GetEnumerator()
    {
        StartOnce();
        return Events();
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    private IEnumerator<ValueMap> Events()
    {
        while (_decoder.ReadMessage() is { } message)
        {
            var parsed = Interpret(message);
            if (parsed is not null) yield return parsed;
        }
    }

#if NET
    public async IAsyncEnumerator<ValueMap> GetAsyncEnumerator(CancellationToken cancellationToken = default)
    {
        StartOnce();
        while (await _decoder.ReadMessageAsync(cancellationToken).ConfigureAwait(false) is { } message)
        {
            var parsed = Interpret(message);
            if (parsed is not null) yield return parsed;
        }
    }
#endif

    public void Dispose() => _stream?.Dispose();

    private void StartOnce()
    {
        if (Interlocked.Exchange(ref _started, 1) != 0)
            throw new InvalidOperationException("an event stream can be enumerated only once: its events are read from the network as they arrive");
    }

    /// <summary>An event as {"Name": {...}}; null for an event type the model does not know; throws for exceptions and errors.</summary>
    internal ValueMap? Interpret(EventStreamMessage message)
    {
        var messageType = message.StringHeader(":message-type");
        if (messageType is "exception" or "error") throw ToException(message);
        var eventType = message.StringHeader(":event-type");
        if (eventType is null || !_shape.Members.TryGetValue(eventType, out var eventShape)) return null;
        return new ValueMap { [eventType] = ParseEvent(eventShape, message) };
    }

    private ValueMap ParseEvent(Shape eventShape, EventStreamMessage message)
    {
        var parsed = new ValueMap();
        foreach (var member in eventShape.Members)
        {
            if (!member.Value.EventHeader || !message.Headers.TryGetValue(member.Key, out var value)) continue;
            parsed[member.Key] = member.Value.Type == ShapeType.Timestamp && value is long ms
                ? Timestamps.FromEpochSeconds(ms / 1000.0)
                : value;
        }
        if (!eventShape.IsEvent) return parsed;
        foreach (var member in eventShape.Members)
        {
            if (!member.Value.EventPayload) continue;
            parsed[member.Key] = member.Value.Type switch
            {
                ShapeType.Blob => message.Payload,
                ShapeType.String => Encoding.UTF8.GetString(message.Payload),
                _ => ParseBody(member.Value, message.Payload),
            };
            return parsed;
        }
        foreach (var pair in ParseBody(eventShape, message.Payload)) parsed[pair.Key] = pair.Value;
        return parsed;
    }

    private AwsServiceException ToException(EventStreamMessage message)
    {
        var exceptionType = message.StringHeader(":exception-type");
        var error = new ValueMap();
        var parsed = new ValueMap { ["Error"] = error };
        if (exceptionType is not null && _shape.Members.TryGetValue(exceptionType, out var exceptionShape))
        {
            var body = ParseBody(exceptionShape, message.Payload);
            error["Code"] = exceptionType;
            error["Message"] = body.TryGetValue("Message", out var m) ? m : body.TryGetValue("message", out var m2) ? m2 : "";
            foreach (var pair in body) parsed[pair.Key] = pair.Value;
        }
        else
        {
            error["Code"] = message.StringHeader(":error-code") ?? "";
            error["Message"] = message.StringHeader(":error-message") ?? "";
        }
        var fields = new ValueMap(error);
        foreach (var pair in parsed)
            if (pair.Key != "Error") fields[pair.Key] = pair.Value;
        return new AwsServiceException(
            (string)error["Code"]!, error["Message"] as string ?? "", 400, null,
            _operation?.Service.ServiceName ?? "", _operation?.Name ?? "", fields, parsed);
    }

    private ValueMap ParseBody(Shape shape, byte[] payload)
    {
        switch (_format)
        {
            case EventPayloadFormat.Json:
                return shape.Type == ShapeType.Structure ? JsonParser.ParseBody(payload, shape) : Wrap(ParseJsonValue(shape, payload));
            case EventPayloadFormat.Cbor:
                return RpcV2CborParser.ParseBody(payload, shape);
            default:
                var root = payload.Length == 0 ? XmlNode.Empty() : XmlNodes.Load(payload);
                return new XmlShapeReader(ec2: false).ReadStructure(shape, root);
        }
    }

    private static object? ParseJsonValue(Shape shape, byte[] payload)
    {
        using var document = JsonShapeReader.ParseBody(payload);
        return JsonShapeReader.Read(shape, document.RootElement);
    }

    private static ValueMap Wrap(object? value) =>
        value as ValueMap ?? new ValueMap();
}
