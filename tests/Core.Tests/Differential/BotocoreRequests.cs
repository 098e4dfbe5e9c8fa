using System.Text.Json;
using System.Text.Json.Nodes;

namespace AwsCore.Tests.Differential;

/// <summary>A request as botocore prepared it, just before sending.</summary>
internal sealed record BotocoreRequest(string Method, string Url, IReadOnlyDictionary<string, string> Headers, byte[] Body);

/// <summary>
/// Builds botocore's requests for a batch of calls in one python3 process (botocore_requests.py beside this file,
/// copied to the test output): one JSON line in and one out per call, with the clock frozen and nothing sent.
/// </summary>
internal static class BotocoreRequests
{
    public static Dictionary<string, BotocoreRequest> Build(IEnumerable<JsonObject> calls)
    {
        var results = new Dictionary<string, BotocoreRequest>(StringComparer.Ordinal);
        foreach (var line in PythonScript.Run("botocore_requests.py", calls.Select(c => c.ToJsonString())))
        {
            using var document = JsonDocument.Parse(line);
            var root = document.RootElement;
            var id = root.GetProperty("id").GetString()!;
            if (root.TryGetProperty("error", out var error))
                throw new InvalidOperationException($"botocore could not build {id}: {error.GetString()}");
            results[id] = new BotocoreRequest(
                root.GetProperty("method").GetString()!,
                root.GetProperty("url").GetString()!,
                root.GetProperty("headers").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString()!, StringComparer.OrdinalIgnoreCase),
                Convert.FromBase64String(root.GetProperty("body").GetString()!));
        }
        return results;
    }
}
