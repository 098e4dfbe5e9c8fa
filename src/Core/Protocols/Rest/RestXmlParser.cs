using AwsCore.Http;
using AwsCore.Models;
using AwsCore.Protocols.EventStream;
using AwsCore.Protocols.Xml;

namespace AwsCore.Protocols.Rest;

/// <summary>rest-xml responses (S3, CloudFront, Route 53): an XML body; errors as &lt;Error&gt; or &lt;ErrorResponse&gt;&lt;Error&gt;.</summary>
internal sealed class RestXmlParser : RestParser
{
    private readonly XmlShapeReader _reader = new(ec2: false);

    protected override EventPayloadFormat EventFormat => EventPayloadFormat.Xml;

    protected override ValueMap ParseBodyAs(Shape shape, byte[] body) =>
        body.Length == 0 ? new ValueMap() : _reader.ReadStructure(shape, XmlNodes.Load(body));

    protected override object? ParsePayload(Shape shape, byte[] body) =>
        body.Length == 0 ? _reader.Read(shape, XmlNode.Empty()) : _reader.Read(shape, XmlNodes.Load(body));

    protected override ValueMap DoErrorParse(OperationModel operation, AwsHttpResponse response)
    {
        if (response.Body.Length > 0)
        {
            try
            {
                return ErrorFromBody(response);
            }
            catch (FormatException)
            {
                // Not XML: fall back to the status, as botocore does.
            }
        }
        return new ValueMap
        {
            ["Error"] = new ValueMap
            {
                ["Code"] = response.StatusCode.ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["Message"] = HttpReason.Phrase(response.StatusCode),
            },
            ["ResponseMetadata"] = new ValueMap
            {
                ["RequestId"] = response.Headers.TryGetValue("x-amz-request-id", out var id) ? id : "",
                ["HostId"] = response.Headers.TryGetValue("x-amz-id-2", out var host) ? host : "",
            },
        };
    }

    private static ValueMap ErrorFromBody(AwsHttpResponse response)
    {
        var root = XmlNodes.Load(response.Body);
        var parsed = XmlNodes.Untyped(root);
        if (root.Tag == "Error")
        {
            parsed.Remove("RequestId");
            parsed.Remove("HostId");
            return new ValueMap
            {
                ["Error"] = parsed,
                ["ResponseMetadata"] = RequestMetadata(response),
            };
        }
        if (parsed.TryGetValue("RequestId", out var requestId))
        {
            parsed.Remove("RequestId");
            parsed["ResponseMetadata"] = new ValueMap { ["RequestId"] = requestId };
        }
        var error = new ValueMap { ["Message"] = "", ["Code"] = "" };
        var result = new ValueMap { ["Error"] = error };
        foreach (var pair in parsed)
        {
            if (pair.Key == "Error" && pair.Value is ValueMap inner)
                foreach (var e in inner) error[e.Key] = e.Value;
            else result[pair.Key] = pair.Value;
        }
        return result;
    }
}
