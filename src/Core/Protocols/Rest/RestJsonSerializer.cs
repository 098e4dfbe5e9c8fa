using AwsCore.Http;
using AwsCore.Models;
using AwsCore.Protocols.Json;

namespace AwsCore.Protocols.Rest;

/// <summary>rest-json: the REST bindings with a JSON body; "{}" whenever the input has unbound members but none were given.</summary>
internal sealed class RestJsonSerializer : RestSerializer
{
    protected override byte[] SerializeBody(Shape shape, object value, bool isPayloadMember) => JsonBodyWriter.Write(shape, value);

    protected override byte[] EmptyBody => JsonBodyWriter.EmptyObject();

    protected override bool RequiresEmptyBody(Shape shape) => shape.Members.Values.Any(m => m.Location is null);

    protected override void SetContentType(AwsHttpRequest request, bool streamingPayload)
    {
        if (streamingPayload || request.Body.Length == 0 || request.Headers.ContainsKey("Content-Type")) return;
        request.Headers["Content-Type"] = "application/json";
    }
}
