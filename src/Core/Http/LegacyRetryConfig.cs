using System.IO.Compression;
using System.Text.Json;

namespace AwsCore.Http;

/// <summary>
/// _retry.json: the legacy mode's retry policies, a default set plus per-service additions keyed by endpoint prefix,
/// with "$ref"s into its definitions. Immutable once loaded.
/// </summary>
public sealed class LegacyRetryConfig
{
    private readonly Dictionary<string, object?> _default;
    private readonly Dictionary<string, object?> _services;
    private readonly string _source;

    private LegacyRetryConfig(Dictionary<string, object?> defaults, Dictionary<string, object?> services, string source)
    {
        _default = defaults;
        _services = services;
        _source = source;
    }

    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<Models.ModelLoader, LegacyRetryConfig> ByLoader = new();

    /// <summary>The _retry.json on a model loader's search path, parsed once per loader.</summary>
    public static LegacyRetryConfig For(Models.ModelLoader loader) =>
        ByLoader.GetValue(loader ?? throw new ArgumentNullException(nameof(loader)), l => Parse(l.RequireData("_retry"), "_retry.json"));

    /// <summary>Reads _retry.json (plain or .gz).</summary>
    public static LegacyRetryConfig Load(string path)
    {
        var bytes = File.ReadAllBytes(path);
        if (path.EndsWith(".gz", StringComparison.OrdinalIgnoreCase))
        {
            using var gzip = new GZipStream(new MemoryStream(bytes), CompressionMode.Decompress);
            using var buffer = new MemoryStream();
            gzip.CopyTo(buffer);
            bytes = buffer.ToArray();
        }
        return Parse(bytes, path);
    }

    /// <summary>Parses the text of _retry.json; <paramref name="source"/> names it in errors.</summary>
    public static LegacyRetryConfig Parse(ReadOnlyMemory<byte> json, string source = "_retry.json")
    {
        Dictionary<string, object?> root;
        try
        {
            using var doc = JsonDocument.Parse(json);
            root = Endpoints.JsonValues.ToValue(doc.RootElement) as Dictionary<string, object?>
                   ?? throw new FormatException($"{source}: the root must be an object");
        }
        catch (JsonException e)
        {
            throw new FormatException($"{source}: line {e.LineNumber + 1}: {e.Message}", e);
        }
        var definitions = root.TryGetValue("definitions", out var d) && d is Dictionary<string, object?> defs
            ? defs
            : new Dictionary<string, object?>();
        var retry = root.TryGetValue("retry", out var r) && r is Dictionary<string, object?> map
            ? map
            : throw new FormatException($"{source}: no \"retry\" object");
        var resolved = (Dictionary<string, object?>)Resolve(retry, definitions, source, "retry")!;
        var defaults = resolved.TryGetValue("__default__", out var def) && def is Dictionary<string, object?> dd
            ? dd
            : throw new FormatException($"{source}: retry has no \"__default__\"");
        return new LegacyRetryConfig(defaults, resolved, source);
    }

    /// <summary>
    /// The policy for one service (by endpoint prefix): the default policies with the service's merged over them, as
    /// botocore's build_retry_config does. <paramref name="totalMaxAttempts"/> overrides max_attempts when given.
    /// </summary>
    public LegacyRetryPolicy ForService(string endpointPrefix, int? totalMaxAttempts = null)
    {
        var merged = (Dictionary<string, object?>)Copy(_default)!;
        if (_services.TryGetValue(endpointPrefix, out var service) && service is Dictionary<string, object?> s &&
            s.TryGetValue("__default__", out var serviceDefault) && serviceDefault is Dictionary<string, object?> sd)
            Merge(merged, sd);
        if (totalMaxAttempts is { } total)
        {
            if (total < 1) throw new ArgumentOutOfRangeException(nameof(totalMaxAttempts), "max_attempts must be at least 1");
            merged["max_attempts"] = (long)total;
        }
        return LegacyRetryPolicy.From(merged, $"{_source}: retry.{endpointPrefix}");
    }

    private static object? Resolve(object? value, Dictionary<string, object?> definitions, string source, string path)
    {
        if (value is Dictionary<string, object?> map)
        {
            if (map.Count == 1 && map.TryGetValue("$ref", out var reference))
            {
                var name = reference as string;
                if (name is null || !definitions.TryGetValue(name, out var target))
                    throw new FormatException($"{source}: {path}: unknown $ref '{reference}'");
                return Copy(target);
            }
            var result = new Dictionary<string, object?>(StringComparer.Ordinal);
            foreach (var entry in map) result[entry.Key] = Resolve(entry.Value, definitions, source, path + "." + entry.Key);
            return result;
        }
        return value;
    }

    private static void Merge(Dictionary<string, object?> target, Dictionary<string, object?> source)
    {
        foreach (var entry in source)
        {
            if (entry.Value is Dictionary<string, object?> nested && target.TryGetValue(entry.Key, out var existing) &&
                existing is Dictionary<string, object?> existingMap)
                Merge(existingMap, nested);
            else target[entry.Key] = Copy(entry.Value);
        }
    }

    private static object? Copy(object? value) => value switch
    {
        Dictionary<string, object?> map => map.ToDictionary(e => e.Key, e => Copy(e.Value), StringComparer.Ordinal),
        List<object?> list => list.Select(Copy).ToList(),
        _ => value,
    };
}
