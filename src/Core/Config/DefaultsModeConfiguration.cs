using System.Globalization;
using System.Text.Json;

namespace AwsCore.Config;

/// <summary>
/// sdk-default-configuration.json: a base set of defaults and per-mode modifications (override, multiply, add).
/// "legacy" changes nothing; "auto" picks in-region, cross-region or standard from the execution environment.
/// </summary>
public sealed class DefaultsModeConfiguration
{
    /// <summary>The setting each document key feeds, and how its value is converted (milliseconds become seconds).</summary>
    private static readonly Dictionary<string, (string Setting, double Divisor)> Targets = new(StringComparer.Ordinal)
    {
        ["retryMode"] = ("retry_mode", 0),
        ["stsRegionalEndpoints"] = ("sts_regional_endpoints", 0),
        ["s3UsEast1RegionalEndpoints"] = ("s3.us_east_1_regional_endpoint", 0),
        ["connectTimeoutInMillis"] = ("connect_timeout", 1000),
    };

    /// <summary>The settings a defaults mode can supply.</summary>
    public static IReadOnlyCollection<string> AffectedSettings { get; } = new HashSet<string>(Targets.Values.Select(t => t.Setting), StringComparer.Ordinal);

    private readonly Dictionary<string, JsonElement> _base;
    private readonly Dictionary<string, Dictionary<string, JsonElement>> _modes;

    private DefaultsModeConfiguration(Dictionary<string, JsonElement> baseValues, Dictionary<string, Dictionary<string, JsonElement>> modes)
    {
        _base = baseValues;
        _modes = modes;
    }

    /// <summary>Parses the document's text; <paramref name="path"/> names it in errors.</summary>
    public static DefaultsModeConfiguration Parse(string json, string path = "sdk-default-configuration.json")
    {
        try
        {
            using var doc = JsonDocument.Parse(json);
            var root = doc.RootElement;
            var baseValues = root.GetProperty("base").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.Clone(), StringComparer.Ordinal);
            var modes = root.GetProperty("modes").EnumerateObject().ToDictionary(
                m => m.Name,
                m => m.Value.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.Clone(), StringComparer.Ordinal),
                StringComparer.Ordinal);
            return new DefaultsModeConfiguration(baseValues, modes);
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException)
        {
            throw new ConfigFileException(path, 0, "not a valid defaults configuration document: " + e.Message, e);
        }
    }

    /// <summary>Loads the document from a file.</summary>
    public static DefaultsModeConfiguration Load(string path) => Parse(File.ReadAllText(path), path);

    /// <summary>The modes a user may name: legacy, auto and the document's own.</summary>
    public IEnumerable<string> Modes => new[] { "legacy", "auto" }.Concat(_modes.Keys);

    /// <summary>Setting name to value for <paramref name="mode"/> (not "auto"; resolve it first).</summary>
    public IReadOnlyDictionary<string, string> ValuesFor(string mode)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        if (mode == "legacy") return result;
        if (!_modes.TryGetValue(mode, out var changes))
            throw new ArgumentException($"defaults_mode: '{mode}' is not one of {string.Join(", ", Modes)}", nameof(mode));
        foreach (var pair in _base)
        {
            if (!Targets.TryGetValue(pair.Key, out var target)) continue;
            var value = pair.Value;
            string text;
            if (value.ValueKind == JsonValueKind.Number)
            {
                var number = value.GetDouble();
                if (changes.TryGetValue(pair.Key, out var change))
                {
                    var op = change.EnumerateObject().First();
                    number = op.Name switch
                    {
                        "multiply" => number * op.Value.GetDouble(),
                        "add" => number + op.Value.GetDouble(),
                        "override" => op.Value.GetDouble(),
                        _ => number,
                    };
                }
                text = (target.Divisor > 0 ? number / target.Divisor : number).ToString(CultureInfo.InvariantCulture);
            }
            else
            {
                text = changes.TryGetValue(pair.Key, out var change) && change.TryGetProperty("override", out var o) ? o.GetString() ?? "" : value.GetString() ?? "";
            }
            result[target.Setting] = text;
        }
        return result;
    }

    /// <summary>
    /// botocore's auto mode: in an AWS execution environment (AWS_EXECUTION_ENV), compare the client's region with
    /// AWS_REGION/AWS_DEFAULT_REGION (or the instance's region, when a lookup is given); standard when unknown.
    /// </summary>
    public static string ResolveAutoMode(string? clientRegion, IReadOnlyDictionary<string, string> environment, Func<string?>? instanceRegion = null)
    {
        string? current = null;
        if (environment.TryGetValue("AWS_EXECUTION_ENV", out var exec) && exec.Length > 0)
            current = environment.TryGetValue("AWS_REGION", out var r) ? r : environment.TryGetValue("AWS_DEFAULT_REGION", out var d) ? d : null;
        if (string.IsNullOrEmpty(current) && instanceRegion != null)
        {
            try { current = instanceRegion(); }
            catch (Exception) { current = null; }
        }
        if (string.IsNullOrEmpty(current)) return "standard";
        return clientRegion == current ? "in-region" : "cross-region";
    }
}
