using System.Text.Json;
using AwsCore.Http;
using AwsCore.Models;
using AwsCore.Protocols.EventStream;

namespace AwsCore.Protocols.Json;

/// <summary>The json protocol's responses: the body is the output object; errors carry "__type" and "message".</summary>
internal sealed class JsonParser : ParserBase
{
    protected override Dictionary<string, object?> DoParse(OperationModel operation, AwsHttpResponse response, Shape? shape)
    {
        Dictionary<string, object?> parsed;
        if (shape is null) parsed = NewMap();
        else if (ShapeCache.For(shape).EventStreamMember(shape) is { } eventStreamName)
            parsed = EventStreamOutput.WithInitialResponse(operation, response, shape, eventStreamName, EventPayloadFormat.Json);
        else parsed = ParseBody(response.Body, shape);
        if (response.Headers.TryGetValue("x-amzn-requestid", out var requestId))
            parsed["ResponseMetadata"] = new Dictionary<string, object?>(StringComparer.Ordinal) { ["RequestId"] = requestId };
        return parsed;
    }

    protected override Dictionary<string, object?> DoErrorParse(OperationModel operation, AwsHttpResponse response) =>
        JsonErrors.Parse(response, restJson: false);

    protected override Dictionary<string, object?> DoModeledErrorParse(AwsHttpResponse response, Shape shape) =>
        ParseBody(response.Body, shape);

    internal static Dictionary<string, object?> ParseBody(byte[] body, Shape shape)
    {
        if (JsonStreamReader.TryReadStructure(body, shape, out var fast)) return fast;
        using var document = JsonShapeReader.ParseBody(body);
        return JsonShapeReader.Read(shape, document.RootElement) as Dictionary<string, object?> ?? new Dictionary<string, object?>(StringComparer.Ordinal);
    }
}
