using AwsCore.Http;
using AwsCore.Models;
using AwsCore.Protocols.EventStream;
using AwsCore.Protocols.Json;

namespace AwsCore.Protocols.Rest;

/// <summary>rest-json responses: a JSON body; error codes from X-Amzn-ErrorType, then the body's code/__type.</summary>
internal sealed class RestJsonParser : RestParser
{
    protected override EventPayloadFormat EventFormat => EventPayloadFormat.Json;

    protected override ValueMap ParseBodyAs(Shape shape, byte[] body) => JsonParser.ParseBody(body, shape);

    protected override object? ParsePayload(Shape shape, byte[] body)
    {
        using var document = JsonShapeReader.ParseBody(body);
        return JsonShapeReader.Read(shape, document.RootElement);
    }

    protected override ValueMap DoErrorParse(OperationModel operation, AwsHttpResponse response) =>
        JsonErrors.Parse(response, restJson: true);
}
