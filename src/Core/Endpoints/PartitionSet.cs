using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace AwsCore.Endpoints;

/// <summary>
/// The partitions of partitions.json (aws, aws-cn, aws-us-gov, ...) that the aws.partition function matches regions against.
/// Immutable and safe to share between rule sets and threads.
/// </summary>
public sealed class PartitionSet
{
    private const int MaxCachedRegions = 1024;
    private readonly Partition[] _partitions;
    private readonly ConcurrentDictionary<string, IReadOnlyDictionary<string, object?>> _byRegion = new(StringComparer.Ordinal);

    private PartitionSet(Partition[] partitions) => _partitions = partitions;

    /// <summary>The partition ids in file order; the first is the fallback for unknown regions.</summary>
    public IReadOnlyList<string> Ids => _partitions.Select(p => p.Id).ToArray();

    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<Models.ModelLoader, PartitionSet> ByLoader = new();

    /// <summary>The partitions.json on a model loader's search path, parsed once per loader.</summary>
    public static PartitionSet For(Models.ModelLoader loader) =>
        ByLoader.GetValue(loader ?? throw new ArgumentNullException(nameof(loader)), l => Parse(l.RequireData("partitions"), "partitions.json"));

    /// <summary>Reads a partitions.json file.</summary>
    public static PartitionSet Load(string path)
    {
        try
        {
            return Parse(File.ReadAllBytes(path), path);
        }
        catch (IOException e)
        {
            throw new EndpointResolutionException($"{path}: {e.Message}", e);
        }
    }

    /// <summary>Parses the text of a partitions.json file; <paramref name="source"/> names it in errors.</summary>
    public static PartitionSet Parse(ReadOnlyMemory<byte> json, string source = "partitions.json")
    {
        JsonDocument doc;
        try
        {
            doc = JsonDocument.Parse(json);
        }
        catch (JsonException e)
        {
            throw new EndpointResolutionException($"{source}: line {e.LineNumber + 1}: {e.Message}", e);
        }
        using (doc)
        {
            if (!doc.RootElement.TryGetProperty("partitions", out var list) || list.ValueKind != JsonValueKind.Array)
                throw new EndpointResolutionException($"{source}: no \"partitions\" array");
            var partitions = new List<Partition>();
            var index = 0;
            foreach (var element in list.EnumerateArray())
                partitions.Add(Partition.Read(element, $"{source}: partitions[{index++}]"));
            if (partitions.Count == 0) throw new EndpointResolutionException($"{source}: \"partitions\" is empty");
            return new PartitionSet(partitions.ToArray());
        }
    }

    /// <summary>
    /// The outputs of the partition a region belongs to (listed in its regions, or matching its regionRegex), with "name" set
    /// to the partition id; an unknown or null region gets the first partition's outputs, as botocore does.
    /// </summary>
    public IReadOnlyDictionary<string, object?> Find(string? region)
    {
        if (region is null) return _partitions[0].Outputs;
        if (_byRegion.TryGetValue(region, out var cached)) return cached;
        var found = _partitions[0].Outputs;
        foreach (var partition in _partitions)
        {
            if (partition.Matches(region))
            {
                found = partition.Outputs;
                break;
            }
        }
        if (_byRegion.Count < MaxCachedRegions) _byRegion.TryAdd(region, found);
        return found;
    }

    private sealed class Partition
    {
        private readonly HashSet<string> _regions;
        private readonly Regex _regionRegex;

        private Partition(string id, HashSet<string> regions, Regex regionRegex, IReadOnlyDictionary<string, object?> outputs)
        {
            Id = id;
            _regions = regions;
            _regionRegex = regionRegex;
            Outputs = outputs;
        }

        public string Id { get; }
        public IReadOnlyDictionary<string, object?> Outputs { get; }

        // Python's re.match anchors at the start only; the patterns carry their own '$'.
        public bool Matches(string region) => _regions.Contains(region) || _regionRegex.Match(region) is { Success: true, Index: 0 };

        public static Partition Read(JsonElement element, string where)
        {
            var id = RequireString(element, "id", where);
            var pattern = RequireString(element, "regionRegex", where);
            Regex regex;
            try
            {
                regex = new Regex(@"\G(?:" + pattern + ")", RegexOptions.CultureInvariant);
            }
            catch (ArgumentException e)
            {
                throw new EndpointResolutionException($"{where}.regionRegex: {e.Message}", e);
            }
            var regions = new HashSet<string>(StringComparer.Ordinal);
            if (element.TryGetProperty("regions", out var regionMap) && regionMap.ValueKind == JsonValueKind.Object)
                foreach (var region in regionMap.EnumerateObject()) regions.Add(region.Name);
            if (!element.TryGetProperty("outputs", out var outputElement) || outputElement.ValueKind != JsonValueKind.Object)
                throw new EndpointResolutionException($"{where}: no \"outputs\" object");
            var outputs = (Dictionary<string, object?>)JsonValues.ToValue(outputElement)!;
            outputs["name"] = id;
            return new Partition(id, regions, regex, outputs);
        }

        private static string RequireString(JsonElement element, string name, string where) =>
            element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
                ? value.GetString()!
                : throw new EndpointResolutionException($"{where}: no \"{name}\" string");
    }
}
