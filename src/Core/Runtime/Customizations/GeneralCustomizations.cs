using System.Text;
using System.Text.Json;
using AwsCore.Http;
using AwsCore.Models;

namespace AwsCore.Runtime;

/// <summary>The transforms of botocore's handlers module that apply to every service, or to IAM, CloudFormation and API Gateway.</summary>
internal static class GeneralCustomizations
{
    /// <summary>Every operation: members marked idempotencyToken that the caller left out get a fresh random UUID.</summary>
    public static void GenerateIdempotentUuid(OperationModel operation, IDictionary<string, object?> parameters)
    {
        if (operation.Input is not { Type: ShapeType.Structure } input) return;
        foreach (var member in input.Members)
            if (member.Value.IdempotencyToken && !parameters.ContainsKey(member.Key))
                parameters[member.Key] = Guid.NewGuid().ToString();
    }

    /// <summary>
    /// Every request made from inside AWS Lambda carries the invocation's trace id (X-Amzn-Trace-Id), so AWS can detect
    /// a function calling itself in a loop. <paramref name="environment"/> reads a variable (the process's by default).
    /// </summary>
    public static void AddRecursionDetectionHeader(AwsHttpRequest request, Func<string, string?>? environment = null)
    {
        environment ??= Environment.GetEnvironmentVariable;
        if (environment("AWS_LAMBDA_FUNCTION_NAME") is null) return;
        var traceId = environment("_X_AMZN_TRACE_ID");
        if (string.IsNullOrEmpty(traceId) || request.Headers.ContainsKey("X-Amzn-Trace-Id")) return;
        request.Headers["X-Amzn-Trace-Id"] = QuoteTraceId(traceId!);
    }

    /// <summary>Python's quote(value, safe='-=;:+&amp;[]{}"\',') over UTF-8.</summary>
    private static string QuoteTraceId(string value)
    {
        const string safe = "-=;:+&[]{}\"',";
        var result = new StringBuilder(value.Length);
        foreach (var b in Encoding.UTF8.GetBytes(value))
        {
            var c = (char)b;
            if (b < 0x80 && (UriEncoding.IsUnreserved(c) || safe.IndexOf(c) >= 0)) result.Append(c);
            else result.Append('%').Append(b.ToString("X2", System.Globalization.CultureInfo.InvariantCulture));
        }
        return result.ToString();
    }

    /// <summary>API Gateway: responses are asked for as JSON unless the caller chose an Accept header.</summary>
    public static void AddAcceptHeader(AwsHttpRequest request)
    {
        if (!request.Headers.TryGetValue("Accept", out var accept) || string.IsNullOrEmpty(accept))
            request.Headers["Accept"] = "application/json";
    }

    /// <summary>
    /// IAM: policy documents (members of shape policyDocumentType) come url-encoded JSON and are returned decoded,
    /// as the value tree; one that is not JSON stays a string.
    /// </summary>
    public static void JsonDecodePolicies(OperationModel operation, IDictionary<string, object?> parsed)
    {
        if (operation.Output is { } output) DecodePolicyTypes(parsed, output);
    }

    private static void DecodePolicyTypes(object? parsed, Shape shape)
    {
        if (shape.Type == ShapeType.Structure && parsed is IDictionary<string, object?> structure)
        {
            foreach (var member in shape.Members)
            {
                if (!structure.TryGetValue(member.Key, out var value)) continue;
                if (member.Value.Type == ShapeType.String && member.Value.Name == "policyDocumentType")
                {
                    if (value is string text && TryParseJson(PercentDecoding.Unquote(text), out var document)) structure[member.Key] = document;
                }
                else
                {
                    DecodePolicyTypes(value, member.Value);
                }
            }
        }
        else if (shape.Type == ShapeType.List && parsed is IList<object?> list)
        {
            foreach (var item in list) DecodePolicyTypes(item, shape.ListMember);
        }
    }

    /// <summary>
    /// SSO OIDC errors follow OAuth 2.0 and carry their text in error_description; it is copied to Message (when the
    /// body has none) so the error reads like every other service's.
    /// </summary>
    public static void MapOAuth2Errors(AwsHttpResponse response)
    {
        if (response.StatusCode < 400 || response.Body.Length == 0) return;
        try
        {
            using var document = JsonDocument.Parse(response.Body);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("error_description", out var description)
                || description.ValueKind != JsonValueKind.String || description.GetString() is not { Length: > 0 } message)
                return;
            if (HasText(root, "Message") || HasText(root, "message")) return;
            var output = new MemoryStream();
            using (var writer = new Utf8JsonWriter(output))
            {
                writer.WriteStartObject();
                foreach (var property in root.EnumerateObject()) property.WriteTo(writer);
                writer.WriteString("Message", message);
                writer.WriteEndObject();
            }
            response.Body = output.ToArray();
        }
        catch (JsonException)
        {
            // not JSON: left for the parser to report
        }
    }

    private static bool HasText(JsonElement root, string name) =>
        root.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null && !(value.ValueKind == JsonValueKind.String && value.GetString() == "");

    /// <summary>CloudFormation GetTemplate: a JSON TemplateBody is returned as the value tree (keys in document order); YAML stays a string.</summary>
    public static void JsonDecodeTemplateBody(IDictionary<string, object?> parsed)
    {
        if (parsed.TryGetValue("TemplateBody", out var value) && value is string text && TryParseJson(text, out var template))
            parsed["TemplateBody"] = template;
    }

    internal static bool TryParseJson(string text, out object? value)
    {
        try
        {
            using var document = JsonDocument.Parse(text);
            value = ToTree(document.RootElement);
            return true;
        }
        catch (JsonException)
        {
            value = null;
            return false;
        }
    }

    private static object? ToTree(JsonElement element)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                var map = new ValueMap();
                foreach (var property in element.EnumerateObject()) map[property.Name] = ToTree(property.Value);
                return map;
            case JsonValueKind.Array:
                var list = new List<object?>(element.GetArrayLength());
                foreach (var item in element.EnumerateArray()) list.Add(ToTree(item));
                return list;
            case JsonValueKind.String:
                return element.GetString();
            case JsonValueKind.Number:
                if (element.TryGetInt64(out var whole)) return whole;
                return element.GetDouble();
            case JsonValueKind.True:
                return true;
            case JsonValueKind.False:
                return false;
            default:
                return null;
        }
    }
}
