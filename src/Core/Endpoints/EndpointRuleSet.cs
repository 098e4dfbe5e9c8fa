using System.IO.Compression;
using System.Text.Json;

namespace AwsCore.Endpoints;

/// <summary>
/// A compiled endpoint-rule-set-1.json: its parameters and rules, ready to evaluate. Knows nothing of services:
/// it takes parameter values by name and returns the endpoint of the first rule that matches. Immutable and thread-safe.
/// </summary>
public sealed class EndpointRuleSet
{
    private readonly Rule[] _rules;
    private readonly int _slotCount;
    private readonly Dictionary<string, EndpointParameter> _byName;
    private readonly Dictionary<string, int> _indexByName;

    private EndpointRuleSet(string source, string? version, EndpointParameter[] parameters, Rule[] rules, int slotCount)
    {
        Source = source;
        Version = version;
        Parameters = parameters;
        _rules = rules;
        _slotCount = slotCount;
        _byName = parameters.ToDictionary(p => p.Name, StringComparer.Ordinal);
        _indexByName = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < parameters.Length; i++) _indexByName[parameters[i].Name] = i;
    }

    /// <summary>Where the rule set came from (a file path or the name given to <see cref="Parse"/>).</summary>
    public string Source { get; }

    /// <summary>The rule set's "version" field.</summary>
    public string? Version { get; }

    /// <summary>The declared parameters in file order.</summary>
    public IReadOnlyList<EndpointParameter> Parameters { get; }

    /// <summary>The position of a declared parameter in <see cref="Parameters"/>, or -1.</summary>
    internal int IndexOf(string name) => _indexByName.TryGetValue(name, out var index) ? index : -1;

    /// <summary>The parameter declared under <paramref name="name"/>, or null.</summary>
    public EndpointParameter? FindParameter(string name) => _byName.TryGetValue(name, out var p) ? p : null;

    /// <summary>Reads and compiles a rule-set file (plain or .gz).</summary>
    public static EndpointRuleSet Load(string path, PartitionSet partitions)
    {
        byte[] bytes;
        try
        {
            if (path.EndsWith(".gz", StringComparison.OrdinalIgnoreCase))
            {
                using var file = File.OpenRead(path);
                using var gzip = new GZipStream(file, CompressionMode.Decompress);
                using var buffer = new MemoryStream();
                gzip.CopyTo(buffer);
                bytes = buffer.ToArray();
            }
            else bytes = File.ReadAllBytes(path);
        }
        catch (IOException e)
        {
            throw new EndpointResolutionException($"{path}: {e.Message}", e);
        }
        return Parse(bytes, partitions, path);
    }

    /// <summary>Compiles the JSON text of a rule set; <paramref name="source"/> names it in errors.</summary>
    public static EndpointRuleSet Parse(ReadOnlyMemory<byte> json, PartitionSet partitions, string source = "endpoint-rule-set-1.json")
    {
        if (partitions is null) throw new ArgumentNullException(nameof(partitions));
        object? root;
        try
        {
            root = JsonValues.Parse(json.Span, skipDocumentation: true);
        }
        catch (JsonException e)
        {
            throw new EndpointResolutionException($"{source}: line {e.LineNumber + 1}: {e.Message}", e);
        }
        if (root is not Dictionary<string, object?> map)
            throw new EndpointResolutionException($"{source}: a rule set must be a JSON object");
        var version = map.TryGetValue("version", out var v) ? v as string : null;
        var (parameters, rules, slots) = RuleSetCompiler.Compile(map, partitions, source);
        return new EndpointRuleSet(source, version, parameters, rules, slots);
    }

    /// <summary>
    /// Evaluates the rules for the given parameter values (names as declared; values string, bool or a list of strings;
    /// undeclared names are ignored). Throws <see cref="EndpointResolutionException"/> with the error rule's message,
    /// or when no rule matches.
    /// </summary>
    public ResolvedEndpoint Resolve(IReadOnlyDictionary<string, object?> parameters)
    {
        if (parameters is null) throw new ArgumentNullException(nameof(parameters));
        var slots = new object?[_slotCount];
        foreach (var parameter in Parameters)
        {
            parameters.TryGetValue(parameter.Name, out var value);
            slots[parameter.Slot] = parameter.Accept(value);
        }
        foreach (var rule in _rules)
            if (rule.Evaluate(slots) is { } endpoint) return endpoint;
        throw new EndpointResolutionException(
            "No endpoint found for parameters:\n" + string.Join("\n", parameters.Select(p => $"{p.Key}: {PythonValues.Str(p.Value)}")));
    }
}
