using System.Text.Json;
using AwsCore.Jmes;

namespace AwsCore.Models;

internal static class WaiterFileParser
{
    private const int SupportedVersion = 2;

    public static IReadOnlyDictionary<string, WaiterDefinition> Parse(byte[] json, string file)
    {
        var reader = new DefinitionJson(file);
        using var document = reader.Parse(json);
        var root = document.RootElement;
        if (root.ValueKind != JsonValueKind.Object) throw reader.Error("(root)", "expected a JSON object");
        if (!root.TryGetProperty("version", out var version) || version.ValueKind != JsonValueKind.Number
            || !version.TryGetInt32(out var number) || number != SupportedVersion)
            throw reader.Error("version", $"unsupported waiter version {(root.TryGetProperty("version", out var v) ? v.GetRawText() : "(missing)")}; only version {SupportedVersion} is supported");
        var waiters = reader.RequireObject(root, "waiters", "(root)");
        var result = new Dictionary<string, WaiterDefinition>(StringComparer.Ordinal);
        foreach (var entry in waiters.EnumerateObject())
            result[entry.Name] = ParseOne(reader, entry.Name, entry.Value, "waiters." + entry.Name);
        return result;
    }

    private static WaiterDefinition ParseOne(DefinitionJson reader, string name, JsonElement config, string path)
    {
        if (config.ValueKind != JsonValueKind.Object) throw reader.Error(path, $"expected an object, got {config.ValueKind}");
        var delay = reader.RequireInt(config, "delay", path);
        var maxAttempts = reader.RequireInt(config, "maxAttempts", path);
        if (delay < 0) throw reader.Error(path + ".delay", $"must not be negative, got {delay}");
        if (maxAttempts < 1) throw reader.Error(path + ".maxAttempts", $"must be at least 1, got {maxAttempts}");
        if (!config.TryGetProperty("acceptors", out var acceptorsJson) || acceptorsJson.ValueKind != JsonValueKind.Array)
            throw reader.Error(path, "missing \"acceptors\" (a list)");
        var acceptors = new List<WaiterAcceptor>();
        var index = 0;
        foreach (var acceptor in acceptorsJson.EnumerateArray())
            acceptors.Add(ParseAcceptor(reader, acceptor, $"{path}.acceptors[{index++}]"));
        return new WaiterDefinition(name, reader.RequireString(config, "operation", path), delay, maxAttempts, acceptors,
            reader.OptionalString(config, "description", path));
    }

    private static WaiterAcceptor ParseAcceptor(DefinitionJson reader, JsonElement config, string path)
    {
        if (config.ValueKind != JsonValueKind.Object) throw reader.Error(path, $"expected an object, got {config.ValueKind}");
        var stateText = reader.RequireString(config, "state", path);
        var state = stateText switch
        {
            "success" => WaiterState.Success,
            "failure" => WaiterState.Failure,
            "retry" => WaiterState.Retry,
            _ => throw reader.Error(path + ".state", $"unknown state \"{stateText}\" (expected success, failure or retry)"),
        };
        var matcherText = reader.RequireString(config, "matcher", path);
        var matcher = matcherText switch
        {
            "path" => WaiterMatcher.Path,
            "pathAll" => WaiterMatcher.PathAll,
            "pathAny" => WaiterMatcher.PathAny,
            "status" => WaiterMatcher.Status,
            "error" => WaiterMatcher.Error,
            _ => throw reader.Error(path + ".matcher", $"unknown matcher \"{matcherText}\" (expected path, pathAll, pathAny, status or error)"),
        };
        if (!config.TryGetProperty("expected", out var expectedJson)) throw reader.Error(path, "missing \"expected\"");
        var expected = JmesJson.ToTree(expectedJson);
        if (matcher == WaiterMatcher.Status && !(expected is long code && code is >= 100 and <= 999))
            throw reader.Error(path + ".expected", $"a status matcher expects an HTTP status code, got {expectedJson.GetRawText()}");
        if (matcher == WaiterMatcher.Error && expected is not (bool or string))
            throw reader.Error(path + ".expected", $"an error matcher expects true, false or an error code, got {expectedJson.GetRawText()}");
        JmesPathExpression? argument = null;
        if (matcher is WaiterMatcher.Path or WaiterMatcher.PathAll or WaiterMatcher.PathAny)
            argument = reader.Compile(reader.RequireString(config, "argument", path), path + ".argument");
        return new WaiterAcceptor(state, matcher, expected, argument);
    }
}
