using System.Text.Json;
using AwsCore.Jmes;

namespace AwsCore.Models;

/// <summary>
/// Reading helpers for the paginator and waiter files: every fault names the file and the JSON path of the value
/// (<c>paginators-1.json: pagination.ListObjects.output_token: ...</c>), and JSON syntax faults the line.
/// </summary>
internal readonly struct DefinitionJson
{
    private readonly string _file;

    public DefinitionJson(string file) => _file = file;

    public JsonDocument Parse(byte[] json)
    {
        try
        {
            return JsonDocument.Parse(json, new JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip });
        }
        catch (JsonException e)
        {
            throw new ModelLoadException($"{_file}: invalid JSON at line {(e.LineNumber ?? 0) + 1}: {e.Message}", e);
        }
    }

    public ModelLoadException Error(string path, string reason) => new($"{_file}: {path}: {reason}");

    public JsonElement RequireObject(JsonElement parent, string name, string path)
    {
        if (!parent.TryGetProperty(name, out var value)) throw Error(path, $"missing \"{name}\"");
        if (value.ValueKind != JsonValueKind.Object) throw Error($"{path}.{name}", $"expected an object, got {value.ValueKind}");
        return value;
    }

    public string RequireString(JsonElement parent, string name, string path) =>
        OptionalString(parent, name, path) ?? throw Error(path, $"missing \"{name}\"");

    public string? OptionalString(JsonElement parent, string name, string path)
    {
        if (!parent.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null) return null;
        if (value.ValueKind != JsonValueKind.String) throw Error($"{path}.{name}", $"expected a string, got {value.ValueKind}");
        return value.GetString();
    }

    public int RequireInt(JsonElement parent, string name, string path)
    {
        if (!parent.TryGetProperty(name, out var value)) throw Error(path, $"missing \"{name}\"");
        if (value.ValueKind != JsonValueKind.Number || !value.TryGetInt32(out var number))
            throw Error($"{path}.{name}", $"expected an integer, got {value.GetRawText()}");
        return number;
    }

    /// <summary>A string or a list of strings (botocore accepts both forms); empty when absent.</summary>
    public IReadOnlyList<string> StringOrList(JsonElement parent, string name, string path)
    {
        if (!parent.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null) return Array.Empty<string>();
        if (value.ValueKind == JsonValueKind.String) return new[] { value.GetString()! };
        if (value.ValueKind != JsonValueKind.Array) throw Error($"{path}.{name}", $"expected a string or a list of strings, got {value.ValueKind}");
        var items = new List<string>();
        var index = 0;
        foreach (var item in value.EnumerateArray())
        {
            if (item.ValueKind != JsonValueKind.String) throw Error($"{path}.{name}[{index}]", $"expected a string, got {item.ValueKind}");
            items.Add(item.GetString()!);
            index++;
        }
        return items;
    }

    public JmesPathExpression Compile(string expression, string path)
    {
        try
        {
            return JmesPath.Compile(expression);
        }
        catch (JmesPathException e)
        {
            throw new ModelLoadException($"{_file}: {path}: {e.Message}", e);
        }
    }
}
