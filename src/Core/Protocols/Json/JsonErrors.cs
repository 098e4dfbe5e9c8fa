using System.Globalization;
using System.Text.Json;
using AwsCore.Http;

using AwsCore.Models;

namespace AwsCore.Protocols.Json;

/// <summary>Error code and message of json and rest-json error responses (botocore's BaseJSONParser and RestJSONParser).</summary>
internal static class JsonErrors
{
    public static ValueMap Parse(AwsHttpResponse response, bool restJson)
    {
        using var document = JsonShapeReader.ParseBody(response.Body);
        var body = document.RootElement;
        var error = new ValueMap { ["Message"] = "", ["Code"] = "" };
        var parsed = new ValueMap
        {
            ["Error"] = error,
            ["ResponseMetadata"] = new ValueMap(),
        };
        error["Message"] = StringOf(body, "message") ?? StringOf(body, "Message") ?? "";
        var code = StringOf(body, "__type") ?? response.StatusCode.ToString(CultureInfo.InvariantCulture);
        code = ErrorCodes.Sanitize(code);
        code = ErrorCodes.QueryCompatible(code, response, error);
        error["Code"] = code;
        if (restJson)
        {
            if (response.Headers.TryGetValue("x-amzn-errortype", out var type)) error["Code"] = ErrorCodes.Sanitize(type);
            else if ((StringOf(body, "code") ?? StringOf(body, "Code")) is { } bodyCode) error["Code"] = ErrorCodes.Sanitize(bodyCode);
        }
        if (response.Headers.TryGetValue("x-amzn-requestid", out var requestId))
            ((ValueMap)parsed["ResponseMetadata"]!)["RequestId"] = requestId;
        return parsed;
    }

    private static string? StringOf(JsonElement body, string name) =>
        body.ValueKind == JsonValueKind.Object && body.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
}
