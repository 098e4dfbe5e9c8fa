using System.Runtime.CompilerServices;
using System.Text.Json;
using AwsCore.Models;

namespace AwsCore.Commands;

/// <summary>
/// What a paginated operation streams: the result keys of its paginator (paginators-1.json) and the shape of the
/// items of the primary one, whose items commands write one at a time.
/// </summary>
public sealed class PagedResult
{
    private static readonly ConditionalWeakTable<ServiceModel, IReadOnlyDictionary<string, JsonElement>> Paginators = new();

    private PagedResult(string operation, IReadOnlyList<string> resultKeys, Shape? itemShape, string? limitKey, IReadOnlyList<string> inputTokens)
    {
        InputTokens = inputTokens;
        Operation = operation;
        ResultKeys = resultKeys;
        ItemShape = itemShape;
        LimitKey = limitKey;
    }

    /// <summary>The operation's name.</summary>
    public string Operation { get; }

    /// <summary>The paginator's result keys in order; dotted paths into the output ("DistributionList.Items").</summary>
    public IReadOnlyList<string> ResultKeys { get; }

    /// <summary>The key whose items are streamed: the first result key.</summary>
    public string PrimaryResultKey => ResultKeys[0];

    /// <summary>The shape of one item of the primary result key (the list's member shape), or null when it is not a list.</summary>
    public Shape? ItemShape { get; }

    /// <summary>The input member that sets the page size, or null when the paginator has none.</summary>
    public string? LimitKey { get; }

    /// <summary>The input members that carry the continuation token (usually one; a few paginators use several).</summary>
    public IReadOnlyList<string> InputTokens { get; }

    /// <summary>The streamed result of <paramref name="operation"/>, or null when it has no paginator with a result key.</summary>
    /// <exception cref="ModelLoadException">The paginators file is not valid JSON.</exception>
    public static PagedResult? For(ServiceModel model, string operation)
    {
        if (!Paginators.GetValue(model, Load).TryGetValue(operation, out var config)) return null;
        var keys = ResultKeysOf(config);
        if (keys.Count == 0) return null;
        var item = model.HasOperation(operation) ? ItemShapeOf(model.GetOperation(operation).Output, keys[0]) : null;
        return new PagedResult(operation, keys, item, config.String("limit_key"), StringOrStrings(config, "input_token"));
    }

    /// <summary>True when <paramref name="operation"/> has a paginator (with or without result keys).</summary>
    public static bool IsPaginated(ServiceModel model, string operation) => Paginators.GetValue(model, Load).ContainsKey(operation);

    /// <summary>The value at a dotted result-key path of an output tree, or null when a step is missing.</summary>
    public static object? Select(IReadOnlyDictionary<string, object?> output, string path)
    {
        object? current = output;
        foreach (var step in path.Split('.'))
        {
            if (current is not IReadOnlyDictionary<string, object?> map || !map.TryGetValue(step, out current)) return null;
        }
        return current;
    }

    private static IReadOnlyList<string> ResultKeysOf(JsonElement config) => StringOrStrings(config, "result_key");

    private static IReadOnlyList<string> StringOrStrings(JsonElement config, string name)
    {
        if (!config.TryGetProperty(name, out var value)) return Array.Empty<string>();
        return value.ValueKind == JsonValueKind.String ? new[] { value.GetString()! } : config.Strings(name);
    }

    private static Shape? ItemShapeOf(Shape? output, string path)
    {
        var shape = output;
        foreach (var step in path.Split('.'))
        {
            if (shape is null || shape.Type != ShapeType.Structure || !shape.Members.TryGetValue(step, out shape)) return null;
        }
        return shape is { Type: ShapeType.List } list ? list.ListMember : null;
    }

    private static IReadOnlyDictionary<string, JsonElement> Load(ServiceModel model)
    {
        var file = model.GetCompanionFile("paginators-1");
        var result = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        if (file is null) return result;
        try
        {
            using var document = JsonDocument.Parse(file.Bytes);
            if (document.RootElement.Object("pagination") is { } pagination)
                foreach (var p in pagination.EnumerateObject())
                    if (p.Value.ValueKind == JsonValueKind.Object) result[p.Name] = p.Value.Clone();
        }
        catch (JsonException e)
        {
            throw new ModelLoadException($"{file.Path}: invalid JSON at line {e.LineNumber + 1}: {e.Message}", e);
        }
        return result;
    }
}
