using System.Text.Json;
using AwsCore.Endpoints;

namespace AwsCore.Conformance.Suites;

/// <summary>
/// The case form shared by the endpoints and endpoints-library suites: evaluate with "params", then compare with
/// "expect.endpoint" (url, properties, headers) or "expect.error" (the message).
/// </summary>
internal static class EndpointCaseCheck
{
    /// <summary>The "testCases" of a test file, each with a name "file#index (documentation)".</summary>
    public static IEnumerable<(string Name, JsonElement Case)> Cases(JsonDocument tests, string label)
    {
        if (!tests.RootElement.TryGetProperty("testCases", out var cases)) yield break;
        var i = 0;
        foreach (var testCase in cases.EnumerateArray())
        {
            var doc = testCase.TryGetProperty("documentation", out var d) ? d.GetString() : null;
            yield return ($"{label}#{i++}" + (doc is null ? "" : $" ({doc})"), testCase);
        }
    }

    public static Dictionary<string, object?> Params(JsonElement testCase)
    {
        var result = new Dictionary<string, object?>(StringComparer.Ordinal);
        if (testCase.TryGetProperty("params", out var parameters))
            foreach (var p in parameters.EnumerateObject()) result[p.Name] = ToValue(p.Value);
        return result;
    }

    /// <summary>Runs <paramref name="resolve"/> and checks the outcome against the case's expectation; throws on mismatch.</summary>
    public static void Check(JsonElement testCase, Func<ResolvedEndpoint> resolve)
    {
        var expect = testCase.GetProperty("expect");
        if (expect.TryGetProperty("error", out var error))
        {
            ResolvedEndpoint endpoint;
            try
            {
                endpoint = resolve();
            }
            catch (EndpointResolutionException e)
            {
                // The rule set's own words; a client may have dressed them as the botocore exception users catch.
                if (e.RuleMessage != error.GetString())
                    throw new InvalidOperationException($"expected error \"{error.GetString()}\", got \"{e.RuleMessage}\"");
                return;
            }
            throw new InvalidOperationException($"expected error \"{error.GetString()}\", got endpoint {endpoint.Url}");
        }
        var expected = expect.GetProperty("endpoint");
        var actual = resolve();
        var url = expected.GetProperty("url").GetString();
        if (actual.Url != url) throw new InvalidOperationException($"url: expected {url}, got {actual.Url}");
        var properties = expected.TryGetProperty("properties", out var p) ? ToValue(p) : new Dictionary<string, object?>();
        if (!DeepEquals(properties, actual.Properties))
            throw new InvalidOperationException($"properties: expected {Show(properties)}, got {Show(actual.Properties)}");
        var headers = expected.TryGetProperty("headers", out var h) ? ToValue(h) : new Dictionary<string, object?>();
        var actualHeaders = actual.Headers.ToDictionary(kv => kv.Key, kv => (object?)kv.Value.Cast<object?>().ToList());
        if (!DeepEquals(headers, actualHeaders))
            throw new InvalidOperationException($"headers: expected {Show(headers)}, got {Show(actualHeaders)}");
    }

    public static object? ToValue(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Object => element.EnumerateObject().ToDictionary(p => p.Name, p => ToValue(p.Value), StringComparer.Ordinal),
        JsonValueKind.Array => element.EnumerateArray().Select(ToValue).ToList(),
        JsonValueKind.String => element.GetString(),
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        JsonValueKind.Number => element.TryGetInt64(out var l) ? (object)l : element.GetDouble(),
        _ => null,
    };

    private static bool DeepEquals(object? a, object? b)
    {
        if (a is IReadOnlyDictionary<string, object?> ma && b is IReadOnlyDictionary<string, object?> mb)
            return ma.Count == mb.Count && ma.All(kv => mb.TryGetValue(kv.Key, out var v) && DeepEquals(kv.Value, v));
        if (a is IReadOnlyList<object?> la && b is IReadOnlyList<object?> lb)
            return la.Count == lb.Count && la.Zip(lb, DeepEquals).All(x => x);
        return Equals(a, b);
    }

    private static string Show(object? value) => JsonSerializer.Serialize(value);
}
