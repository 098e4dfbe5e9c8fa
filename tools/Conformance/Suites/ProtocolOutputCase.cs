using System.Text;
using System.Text.Json.Nodes;
using AwsCore.Http;
using AwsCore.Protocols;

namespace AwsCore.Conformance.Suites;

/// <summary>One output case: parse "response" and compare with "result", or with "error"/"errorCode"/"errorMessage".</summary>
internal static class OutputCase
{
    public static void Check(JsonObject suite, JsonObject testCase)
    {
        var protocol = (string)suite["metadata"]!["protocol"]!;
        var isError = testCase.ContainsKey("error");
        var (model, operation) = ProtocolsSuite.BuildModel(suite, testCase, given =>
        {
            // The botocore runner gives query outputs a "<Operation>Result" wrapper when the output has members.
            if (protocol != "query" || isError || given["output"] is not JsonObject output) return;
            var shapeName = (string)output["shape"]!;
            if (suite["shapes"]?[shapeName]?["members"] is JsonObject { Count: > 0 })
                output["resultWrapper"] = (string)given["name"]! + "Result";
        });
        var parser = ProtocolRegistry.For(model.Protocol).Parser;
        var response = BuildResponse(protocol, testCase["response"]!.AsObject());

        IDictionary<string, object?> parsed;
        Dictionary<string, object?> expected;
        if (isError)
        {
            parsed = ((ParserBase)parser).ParseErrorTree(operation, response);
            var error = new Dictionary<string, object?>(StringComparer.Ordinal)
            {
                ["Code"] = (string?)testCase["errorCode"] ?? "",
                ["Message"] = (string?)testCase["errorMessage"] ?? "",
            };
            expected = new Dictionary<string, object?>(StringComparer.Ordinal) { ["Error"] = error };
            foreach (var pair in (Dictionary<string, object?>)ProtocolValues.Plain(testCase["error"])!) expected[pair.Key] = pair.Value;
        }
        else
        {
            parsed = parser.Parse(operation, response);
            expected = ProtocolValues.Plain(testCase["result"]) as Dictionary<string, object?> ?? new Dictionary<string, object?>();
        }

        parsed.Remove("ResponseMetadata");
        var normalized = (Dictionary<string, object?>)ProtocolValues.Normalize(parsed)!;
        if (normalized.TryGetValue("Error", out var e) && e is Dictionary<string, object?> errorFields)
            foreach (var key in errorFields.Keys.ToList())
                if (key != "Code" && key != "Message") errorFields.Remove(key);
        if (ProtocolValues.Compare(normalized, expected, "result") is { } problem) throw new InvalidOperationException(problem);
    }

    private static AwsHttpResponse BuildResponse(string protocol, JsonObject spec)
    {
        var response = new AwsHttpResponse { StatusCode = (int)spec["status_code"]! };
        if (spec["headers"] is JsonObject headers)
            foreach (var pair in headers) response.Headers[pair.Key] = (string)pair.Value!;
        if (spec["body"] is { } body)
        {
            var text = (string)body!;
            response.Body = protocol == "smithy-rpc-v2-cbor" ? Convert.FromBase64String(text) : Encoding.UTF8.GetBytes(text);
        }
        else if (protocol == "query")
        {
            response.Body = Encoding.UTF8.GetBytes("<xml/>");
        }
        return response;
    }
}
