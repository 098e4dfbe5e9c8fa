using System.Text.Json;
using AwsCore.Http;
using AwsCore.Models;
using AwsCore.Protocols.EventStream;

namespace AwsCore.Protocols.Json;

/// <summary>The json protocol's responses: the body is the output object; errors carry "__type" and "message".</summary>
internal sealed class JsonParser : ParserBase
{
    protected override ValueMap DoParse(OperationModel operation, AwsHttpResponse response, Shape? shape)
    {
        ValueMap parsed;
        if (shape is null) parsed = new ValueMap();
        else if (ShapeCache.For(shape).EventStreamMember(shape) is { } eventStreamName)
            parsed = EventStreamOutput.WithInitialResponse(operation, response, shape, eventStreamName, EventPayloadFormat.Json);
        else parsed = ParseBody(response.Body, shape);
        if (response.Headers.TryGetValue("x-amzn-requestid", out var requestId))
            parsed["ResponseMetadata"] = new ValueMap { ["RequestId"] = requestId };
        return parsed;
    }

    protected override ValueMap DoErrorParse(OperationModel operation, AwsHttpResponse response) =>
        JsonErrors.Parse(response, restJson: false);

    protected override ValueMap DoModeledErrorParse(AwsHttpResponse response, Shape shape) =>
        ParseBody(response.Body, shape);

    internal static ValueMap ParseBody(byte[] body, Shape shape)
    {
        if (JsonStreamReader.TryReadStructure(body, shape, out var fast)) return fast;
        using var document = JsonShapeReader.ParseBody(body);
        return JsonShapeReader.Read(shape, document.RootElement) as ValueMap ?? new ValueMap();
    }
}
