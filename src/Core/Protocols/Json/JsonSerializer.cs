using AwsCore.Http;
using AwsCore.Models;

namespace AwsCore.Protocols.Json;

/// <summary>The json protocol (1.0 and 1.1): POST / with X-Amz-Target "{targetPrefix}.{operation}" and the input as a JSON object.</summary>
internal sealed class JsonSerializer : SerializerBase
{
    /// <summary>Each operation's X-Amz-Target and Content-Type values, built on its first call.</summary>
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<OperationModel, string[]> JsonHeaders = new();

    protected override AwsHttpRequest SerializeCore(OperationModel operation, IDictionary<string, object?> parameters)
    {
        var service = operation.Service;
        var request = new AwsHttpRequest { Method = operation.HttpMethod };
        var headers = JsonHeaders.GetValue(operation, o => new[] { $"{o.Service.TargetPrefix}.{o.Name}", $"application/x-amz-json-{o.Service.JsonVersion}" });
        request.Headers["X-Amz-Target"] = headers[0];
        request.Headers["Content-Type"] = headers[1];
        if (service.AwsQueryCompatible) request.Headers["x-amzn-query-mode"] = "true";
        request.Body = operation.Input is { } shape ? JsonBodyWriter.Write(shape, parameters) : JsonBodyWriter.EmptyObject();
        return request;
    }
}
