using AwsCore.Http;
using AwsCore.Models;

namespace AwsCore.Protocols.Json;

/// <summary>The json protocol (1.0 and 1.1): POST / with X-Amz-Target "{targetPrefix}.{operation}" and the input as a JSON object.</summary>
internal sealed class JsonSerializer : SerializerBase
{
    protected override AwsHttpRequest SerializeCore(OperationModel operation, IDictionary<string, object?> parameters)
    {
        var service = operation.Service;
        var request = new AwsHttpRequest { Method = operation.HttpMethod };
        request.Headers["X-Amz-Target"] = $"{service.TargetPrefix}.{operation.Name}";
        request.Headers["Content-Type"] = $"application/x-amz-json-{service.JsonVersion}";
        if (service.AwsQueryCompatible) request.Headers["x-amzn-query-mode"] = "true";
        request.Body = operation.Input is { } shape ? JsonBodyWriter.Write(shape, parameters) : JsonBodyWriter.EmptyObject();
        return request;
    }
}
