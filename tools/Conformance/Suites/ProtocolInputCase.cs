using System.Text;
using System.Text.Json.Nodes;
using AwsCore.Http;
using AwsCore.Models;
using AwsCore.Protocols;
using AwsCore.Protocols.Cbor;

namespace AwsCore.Conformance.Suites;

/// <summary>One input case: serialize "params" and compare with "serialized" (body, headers, forbidHeaders, uri, method, host).</summary>
internal static class InputCase
{
    public static void Check(JsonObject suite, JsonObject testCase)
    {
        var (model, operation) = ProtocolsSuite.BuildModel(suite, testCase);
        var protocol = model.Protocol;
        var request = ProtocolRegistry.For(protocol).Serializer.Serialize(operation, ProtocolValues.Params(testCase["params"]));
        var expected = testCase["serialized"]!.AsObject();
        var body = request.BodyStream is { } stream ? ReadAll(stream) : request.Body;

        CheckBody(protocol, body, expected);
        CheckHeaders(protocol, operation, request, expected);
        var uri = (string?)expected["uri"] ?? "";
        if (request.PathAndQuery != uri) throw new InvalidOperationException($"URI: {request.PathAndQuery} != {uri}");
        if (expected["method"] is { } method && request.Method != (string)method!)
            throw new InvalidOperationException($"Method: {request.Method} != {method}");
        if (expected["host"] is { } host)
        {
            var endpoint = new Uri((string)suite["clientEndpoint"]!);
            var actualHost = (request.HostPrefix ?? "") + endpoint.Authority;
            if (actualHost != (string)host!) throw new InvalidOperationException($"Host: {actualHost} != {host}");
        }
    }

    private static void CheckBody(string protocol, byte[] body, JsonObject expected)
    {
        if (protocol == "smithy-rpc-v2-cbor" && body.Length > 0)
        {
            var actual = ProtocolValues.Normalize(CborDecoder.Decode(body));
            var wanted = ProtocolValues.Normalize(CborDecoder.Decode(Convert.FromBase64String((string?)expected["body"] ?? "")));
            if (ProtocolValues.Compare(actual, wanted, "body") is { } problem) throw new InvalidOperationException("Body value: " + problem);
            return;
        }
        if (expected["body"] is not { } expectedNode) return;
        var expectedBody = (string)expectedNode!;
        var actualBody = Encoding.UTF8.GetString(body);
        switch (protocol)
        {
            case "json":
            case "rest-json":
                object? a, e;
                try
                {
                    a = ProtocolValues.Plain(JsonNode.Parse(actualBody));
                }
                catch (System.Text.Json.JsonException) when (protocol == "rest-json")
                {
                    if (actualBody != expectedBody) throw new InvalidOperationException($"Body value: {actualBody} != {expectedBody}");
                    return;
                }
                e = ProtocolValues.Plain(JsonNode.Parse(expectedBody));
                if (ProtocolValues.Compare(a, e, "body") is { } problem) throw new InvalidOperationException($"Body value: {problem} (actual {actualBody})");
                return;
            case "rest-xml":
                string ca, ce;
                try
                {
                    ca = ProtocolValues.CanonicalXml(actualBody);
                    ce = ProtocolValues.CanonicalXml(expectedBody);
                }
                catch (System.Xml.XmlException)
                {
                    ca = actualBody;
                    ce = expectedBody;
                }
                if (ca != ce) throw new InvalidOperationException($"Body value: {ca} != {ce}");
                return;
            default:
                if (actualBody != expectedBody) throw new InvalidOperationException($"Body value: {actualBody} != {expectedBody}");
                return;
        }
    }

    private static void CheckHeaders(string protocol, OperationModel operation, AwsHttpRequest request, JsonObject expected)
    {
        var expectedHeaders = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        if (expected["headers"] is JsonObject headers)
            foreach (var pair in headers) expectedHeaders[pair.Key] = (string)pair.Value!;
        var actual = new Dictionary<string, string>(request.Headers, StringComparer.OrdinalIgnoreCase);

        // Smithy joins list headers with ", ", botocore with ","; the botocore runner normalises both sides.
        if (operation.Input is { Type: ShapeType.Structure } input)
        {
            foreach (var member in input.Members.Values)
            {
                if (member.Location != "header" || member.Type != ShapeType.List || member.LocationName is not { } headerName) continue;
                if (expectedHeaders.TryGetValue(headerName, out var e)) expectedHeaders[headerName] = e.Replace(", ", ",");
                if (actual.TryGetValue(headerName, out var a) && member.ListMember.Type == ShapeType.Timestamp) actual[headerName] = a.Replace(", ", ",");
            }
        }
        switch (protocol)
        {
            case "query":
            case "ec2":
                var contentType = expectedHeaders.TryGetValue("Content-Type", out var ct) ? ct : "";
                if (!contentType.Contains("charset=utf-8")) expectedHeaders["Content-Type"] = contentType + "; charset=utf-8";
                break;
            case "rest-xml":
                expectedHeaders.Remove("Content-Type");
                break;
            case "rest-json":
                if (expectedHeaders.TryGetValue("Content-Type", out var jsonType) && jsonType != "application/json") expectedHeaders.Remove("Content-Type");
                break;
        }
        foreach (var pair in expectedHeaders)
        {
            if (!actual.TryGetValue(pair.Key, out var value)) throw new InvalidOperationException($"header {pair.Key} missing (expected '{pair.Value}')");
            if (value != pair.Value) throw new InvalidOperationException($"header {pair.Key}: '{value}' != '{pair.Value}'");
        }
        if (expected["forbidHeaders"] is JsonArray forbidden)
            foreach (var name in forbidden.Select(n => (string)n!))
                if (actual.ContainsKey(name)) throw new InvalidOperationException($"header {name} must not be sent (got '{actual[name]}')");
    }

    private static byte[] ReadAll(Stream stream)
    {
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}
