using System.Text;
using AwsCore.Http;
using AwsCore.Models;
using AwsCore.Protocols.EventStream;
using AwsCore.Protocols.Json;

namespace AwsCore.Protocols.Rest;

/// <summary>
/// What rest-json and rest-xml responses share (botocore's BaseRestParser): members bound to headers, header maps and
/// the status code; a payload member (event stream, raw string/blob, or a parsed structure); request id headers.
/// </summary>
internal abstract class RestParser : ParserBase
{
    protected abstract EventPayloadFormat EventFormat { get; }

    /// <summary>Parses the body as <paramref name="shape"/> (a structure); an empty body gives an empty result.</summary>
    protected abstract ValueMap ParseBodyAs(Shape shape, byte[] body);

    /// <summary>Parses the body as the payload member's shape (a structure, list or document).</summary>
    protected abstract object? ParsePayload(Shape shape, byte[] body);

    protected override ValueMap DoParse(OperationModel operation, AwsHttpResponse response, Shape? shape)
    {
        var parsed = new ValueMap();
        parsed["ResponseMetadata"] = RequestMetadata(response);
        if (shape is not null) AddModeledParse(operation, response, shape, parsed);
        return parsed;
    }

    protected override ValueMap DoModeledErrorParse(AwsHttpResponse response, Shape shape)
    {
        var parsed = new ValueMap();
        AddModeledParse(null, response, shape, parsed);
        return parsed;
    }

    internal static ValueMap RequestMetadata(AwsHttpResponse response)
    {
        var metadata = new ValueMap();
        if (response.Headers.TryGetValue("x-amzn-requestid", out var id)) metadata["RequestId"] = id;
        else if (response.Headers.TryGetValue("x-amz-request-id", out var s3Id))
        {
            metadata["RequestId"] = s3Id;
            metadata["HostId"] = response.Headers.TryGetValue("x-amz-id-2", out var host) ? host : "";
        }
        return metadata;
    }

    private void AddModeledParse(OperationModel? operation, AwsHttpResponse response, Shape shape, ValueMap parsed)
    {
        foreach (var member in shape.Members)
        {
            var m = member.Value;
            switch (m.Location)
            {
                case "statusCode":
                    parsed[member.Key] = m.Type == ShapeType.Long ? (object)(long)response.StatusCode : response.StatusCode;
                    break;
                case "headers":
                    var prefix = (m.LocationName ?? "").ToLowerInvariant();
                    var map = new ValueMap();
                    foreach (var header in response.Headers)
                        if (header.Key.ToLowerInvariant().StartsWith(prefix, StringComparison.Ordinal))
                            map[header.Key.Substring(prefix.Length)] = header.Value;
                    parsed[member.Key] = map;
                    break;
                case "header":
                    if (response.Headers.TryGetValue(m.LocationName ?? member.Key, out var value))
                        parsed[member.Key] = HeaderValue(m, value);
                    break;
            }
        }

        if (shape.Payload is { } payloadName && shape.Members.TryGetValue(payloadName, out var payload))
        {
            if (payload.IsEventStream)
            {
                parsed[payloadName] = new EventStreamReader(BodyStream(response), payload, EventFormat);
            }
            else if (payload.Type == ShapeType.Blob)
            {
                parsed[payloadName] = payload.Streaming ? BodyStream(response) : response.Body;
            }
            else if (payload.Type == ShapeType.String)
            {
                parsed[payloadName] = Encoding.UTF8.GetString(response.Body);
            }
            else
            {
                parsed[payloadName] = ParsePayload(payload, response.Body);
            }
        }
        else
        {
            foreach (var pair in ParseBodyAs(shape, response.Body)) parsed[pair.Key] = pair.Value;
        }
    }

    private static Stream BodyStream(AwsHttpResponse response) => response.BodyStream ?? new MemoryStream(response.Body, writable: false);

    /// <summary>A header's text as the member's type: lists split on commas, jsonvalue strings base64-decoded JSON.</summary>
    internal static object? HeaderValue(Shape shape, string text)
    {
        switch (shape.Type)
        {
            case ShapeType.List:
                var list = new List<object?>();
                foreach (var part in text.Split(','))
                    list.Add(HeaderValue(shape.ListMember, part.Trim()));
                return list;
            case ShapeType.Boolean:
                return text.Equals("true", StringComparison.OrdinalIgnoreCase);
            case ShapeType.Integer:
                return int.Parse(text, System.Globalization.CultureInfo.InvariantCulture);
            case ShapeType.Long:
                return long.Parse(text, System.Globalization.CultureInfo.InvariantCulture);
            case ShapeType.Float:
            case ShapeType.Double:
                return ParseFloat(text);
            case ShapeType.Timestamp:
                return Timestamps.Parse(text);
            case ShapeType.Blob:
                return Convert.FromBase64String(text);
            case ShapeType.String when shape.JsonValue:
                using (var document = System.Text.Json.JsonDocument.Parse(Convert.FromBase64String(text)))
                    return Models.JsonTraits.ToValue(document.RootElement);
            default:
                return text;
        }
    }

    /// <summary>Python float(): numbers plus nan, inf, infinity (any case, signed).</summary>
    internal static double ParseFloat(string text)
    {
        var t = text.Trim();
        var lower = t.ToLowerInvariant();
        var sign = 1.0;
        if (lower.StartsWith("-", StringComparison.Ordinal)) { sign = -1; lower = lower.Substring(1); }
        else if (lower.StartsWith("+", StringComparison.Ordinal)) lower = lower.Substring(1);
        if (lower == "nan") return double.NaN;
        if (lower == "inf" || lower == "infinity") return sign * double.PositiveInfinity;
        return double.Parse(t, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture);
    }
}
