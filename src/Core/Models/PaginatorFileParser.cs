using System.Text.Json;

namespace AwsCore.Models;

internal static class PaginatorFileParser
{
    public static IReadOnlyDictionary<string, PaginatorDefinition> Parse(byte[] json, string file)
    {
        var reader = new DefinitionJson(file);
        using var document = reader.Parse(json);
        if (document.RootElement.ValueKind != JsonValueKind.Object) throw reader.Error("(root)", "expected a JSON object");
        var pagination = reader.RequireObject(document.RootElement, "pagination", "(root)");
        var result = new Dictionary<string, PaginatorDefinition>(StringComparer.Ordinal);
        foreach (var entry in pagination.EnumerateObject())
            result[entry.Name] = ParseOne(reader, entry.Name, entry.Value, "pagination." + entry.Name);
        return result;
    }

    private static PaginatorDefinition ParseOne(DefinitionJson reader, string operation, JsonElement config, string path)
    {
        if (config.ValueKind != JsonValueKind.Object) throw reader.Error(path, $"expected an object, got {config.ValueKind}");
        var inputTokens = reader.StringOrList(config, "input_token", path);
        var outputTokenTexts = reader.StringOrList(config, "output_token", path);
        if (inputTokens.Count == 0) throw reader.Error(path, "missing \"input_token\"");
        if (outputTokenTexts.Count == 0) throw reader.Error(path, "missing \"output_token\"");
        if (inputTokens.Count != outputTokenTexts.Count)
            throw reader.Error(path, $"{inputTokens.Count} input_token but {outputTokenTexts.Count} output_token; each input token needs its output token");
        var outputTokens = outputTokenTexts.Select((t, i) => reader.Compile(t, $"{path}.output_token[{i}]")).ToArray();
        var more = reader.OptionalString(config, "more_results", path);
        var resultKeys = reader.StringOrList(config, "result_key", path)
            .Select((t, i) => reader.Compile(t, $"{path}.result_key[{i}]")).ToArray();
        var nonAggregate = reader.StringOrList(config, "non_aggregate_keys", path)
            .Select((t, i) => reader.Compile(t, $"{path}.non_aggregate_keys[{i}]")).ToArray();
        return new PaginatorDefinition(
            operation,
            inputTokens,
            outputTokens,
            more is null ? null : reader.Compile(more, path + ".more_results"),
            reader.OptionalString(config, "limit_key", path),
            resultKeys,
            nonAggregate);
    }
}
