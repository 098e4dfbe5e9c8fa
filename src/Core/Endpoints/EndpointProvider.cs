namespace AwsCore.Endpoints;

/// <summary>
/// Resolves endpoints from a rule set and remembers the most recent results, so repeated calls with the same parameter
/// values skip evaluation (botocore keeps 100). Thread-safe. Errors are not cached.
/// </summary>
public sealed class EndpointProvider
{
    private readonly EndpointCache _cache;

    /// <summary>Creates a provider over a compiled rule set, keeping up to <paramref name="cacheCapacity"/> results.</summary>
    public EndpointProvider(EndpointRuleSet ruleSet, int cacheCapacity = 100)
    {
        RuleSet = ruleSet ?? throw new ArgumentNullException(nameof(ruleSet));
        if (cacheCapacity < 0) throw new ArgumentOutOfRangeException(nameof(cacheCapacity));
        _cache = new EndpointCache(cacheCapacity);
    }

    /// <summary>The rule set this provider evaluates.</summary>
    public EndpointRuleSet RuleSet { get; }

    /// <summary>How many resolutions were answered from the cache (for diagnostics and tests).</summary>
    public long CacheHits => _cache.Hits;

    /// <summary>Resolves the endpoint for the parameter values, from the cache when these values were seen recently.</summary>
    public ResolvedEndpoint Resolve(IReadOnlyDictionary<string, object?> parameters)
    {
        if (parameters is null) throw new ArgumentNullException(nameof(parameters));
        var key = EndpointCache.Key.For(RuleSet, parameters);
        if (_cache.TryGet(key, out var cached)) return cached;
        var endpoint = RuleSet.Resolve(parameters);
        _cache.Add(key, endpoint);
        return endpoint;
    }
}
