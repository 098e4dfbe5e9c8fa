using AwsCore.Http;
using AwsCore.Models;
using AwsCore.Protocols.Json;
using AwsCore.Protocols.RpcV2;

namespace AwsCore.Protocols.EventStream;

/// <summary>
/// Event-stream outputs of the RPC protocols (json, smithy-rpc-v2-cbor): the first message is an "initial-response"
/// event whose payload holds the output's other members; the events follow.
/// </summary>
internal static class EventStreamOutput
{
    public static ValueMap WithInitialResponse(
        OperationModel operation, AwsHttpResponse response, Shape output, string eventStreamName, EventPayloadFormat format)
    {
        var decoder = new EventStreamDecoder(response.BodyStream ?? new MemoryStream(response.Body, writable: false));
        var first = decoder.ReadMessage();
        if (first is null || first.StringHeader(":event-type") != "initial-response")
            throw new FormatException($"{operation}: first event was not of type initial-response");
        var parsed = format == EventPayloadFormat.Cbor
            ? RpcV2CborParser.ParseBody(first.Payload, output)
            : JsonParser.ParseBody(first.Payload, output);
        parsed[eventStreamName] = new EventStreamReader(decoder, output.Members[eventStreamName], format, operation);
        return parsed;
    }
}
