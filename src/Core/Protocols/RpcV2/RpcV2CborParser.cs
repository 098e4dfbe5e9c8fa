using System.Globalization;
using AwsCore.Http;
using AwsCore.Models;
using AwsCore.Protocols.Cbor;
using AwsCore.Protocols.EventStream;

namespace AwsCore.Protocols.RpcV2;

/// <summary>smithy-rpc-v2-cbor responses: a CBOR map body; errors carry "__type" and "message".</summary>
internal sealed class RpcV2CborParser : ParserBase
{
    protected override ValueMap DoParse(OperationModel operation, AwsHttpResponse response, Shape? shape)
    {
        if (shape is null) return new ValueMap();
        var parsed = ShapeCache.For(shape).EventStreamMember(shape) is { } eventStreamName
            ? EventStreamOutput.WithInitialResponse(operation, response, shape, eventStreamName, EventPayloadFormat.Cbor)
            : ParseBody(response.Body, shape);
        var metadata = new ValueMap();
        if (response.Headers.TryGetValue("x-amzn-requestid", out var requestId)) metadata["RequestId"] = requestId;
        parsed["ResponseMetadata"] = metadata;
        return parsed;
    }

    protected override ValueMap DoModeledErrorParse(AwsHttpResponse response, Shape shape) => ParseBody(response.Body, shape);

    protected override ValueMap DoErrorParse(OperationModel operation, AwsHttpResponse response)
    {
        var body = response.Body.Length == 0 ? null : CborDecoder.Decode(response.Body) as Dictionary<object, object?>;
        var error = new ValueMap();
        error["Message"] = StringOf(body, "message") ?? StringOf(body, "Message") ?? "";
        error["Code"] = "";
        var parsed = new ValueMap();
        parsed["Error"] = error;
        var metadata = new ValueMap();
        parsed["ResponseMetadata"] = metadata;
        var code = StringOf(body, "__type") ?? response.StatusCode.ToString(CultureInfo.InvariantCulture);
        code = ErrorCodes.Sanitize(code);
        error["Code"] = ErrorCodes.QueryCompatible(code, response, error);
        if (response.Headers.TryGetValue("x-amzn-requestid", out var requestId)) metadata["RequestId"] = requestId;
        return parsed;
    }

    internal static ValueMap ParseBody(byte[] body, Shape shape) =>
        body.Length == 0 ? new ValueMap() : CborShapeReader.ReadStructure(shape, CborDecoder.Decode(body));

    private static string? StringOf(Dictionary<object, object?>? map, string key) =>
        map != null && map.TryGetValue(key, out var v) ? v as string : null;
}
