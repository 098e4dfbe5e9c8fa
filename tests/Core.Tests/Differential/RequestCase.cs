using System.Text.Json;

namespace AwsCore.Tests.Differential;

/// <summary>One operation call to build on both sides: the parameters are JSON so python gets exactly what C# gets.</summary>
internal sealed record RequestCase(string Service, string Operation, string ParametersJson, string? AddressingStyle = null)
{
    /// <summary>The parameters as AwsCore's value tree (objects, lists, strings, longs or doubles, booleans).</summary>
    public Dictionary<string, object?> Parameters()
    {
        using var document = JsonDocument.Parse(ParametersJson);
        return (Dictionary<string, object?>)ToValue(document.RootElement)!;
    }

    private static object? ToValue(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Object => element.EnumerateObject().ToDictionary(p => p.Name, p => ToValue(p.Value), StringComparer.Ordinal),
        JsonValueKind.Array => element.EnumerateArray().Select(ToValue).ToList(),
        JsonValueKind.String => element.GetString(),
        JsonValueKind.Number => element.TryGetInt64(out var whole) ? (object)whole : element.GetDouble(),
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        _ => null,
    };
}
