using AwsCore.Http;
using AwsCore.Models;

namespace AwsCore.Protocols.RpcV2;

/// <summary>smithy-rpc-v2-cbor: POST /service/{targetPrefix}/operation/{operation} with the input as a CBOR map.</summary>
internal sealed class RpcV2CborSerializer : SerializerBase
{
    protected override AwsHttpRequest SerializeCore(OperationModel operation, IDictionary<string, object?> parameters)
    {
        var service = operation.Service;
        var request = new AwsHttpRequest
        {
            Method = "POST",
            Path = $"/service/{service.TargetPrefix}/operation/{operation.Name}",
        };
        if (operation.Input is { } shape) request.Body = CborBodyWriter.Write(shape, parameters);
        request.Headers["smithy-protocol"] = "rpc-v2-cbor";
        var mediaType = operation.EventStreamOutput is not null ? "application/vnd.amazon.eventstream" : "application/cbor";
        if (service.AwsQueryCompatible) request.Headers["x-amzn-query-mode"] = "true";
        request.Headers["Accept"] = mediaType;
        if (request.Body.Length > 0) request.Headers["Content-Type"] = mediaType;
        return request;
    }
}
