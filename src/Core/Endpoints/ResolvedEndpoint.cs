namespace AwsCore.Endpoints;

/// <summary>The endpoint a rule set chose: the URL, its properties (authSchemes and others) and extra headers.</summary>
public sealed class ResolvedEndpoint
{
    private static readonly IReadOnlyDictionary<string, object?> NoProperties = new Dictionary<string, object?>();
    private static readonly IReadOnlyDictionary<string, IReadOnlyList<string>> NoHeaders =
        new Dictionary<string, IReadOnlyList<string>>();

    /// <summary>Creates a resolved endpoint; null properties or headers mean none.</summary>
    public ResolvedEndpoint(
        string url,
        IReadOnlyDictionary<string, object?>? properties = null,
        IReadOnlyDictionary<string, IReadOnlyList<string>>? headers = null)
    {
        Url = url ?? throw new ArgumentNullException(nameof(url));
        Properties = properties ?? NoProperties;
        Headers = headers ?? NoHeaders;
    }

    /// <summary>The endpoint URL (scheme, authority and any base path), e.g. "https://bucket.s3.us-west-2.amazonaws.com".</summary>
    public string Url { get; }

    /// <summary>
    /// The endpoint's properties as a value tree (dictionaries, lists, strings, booleans, numbers). Parts without
    /// templates, and whole results from the cache, are shared between resolutions: read them, never modify them.
    /// </summary>
    public IReadOnlyDictionary<string, object?> Properties { get; }

    /// <summary>Headers the rule set asks to be sent, each with its values in order.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> Headers { get; }

    /// <summary>The "authSchemes" property: one dictionary per scheme (name, signingName, signingRegion, ...), in preference order.</summary>
    public IReadOnlyList<IReadOnlyDictionary<string, object?>> AuthSchemes
    {
        get
        {
            if (!Properties.TryGetValue("authSchemes", out var value) || value is not IEnumerable<object?> list)
                return Array.Empty<IReadOnlyDictionary<string, object?>>();
            var schemes = new List<IReadOnlyDictionary<string, object?>>();
            foreach (var item in list)
                if (item is IReadOnlyDictionary<string, object?> scheme) schemes.Add(scheme);
            return schemes;
        }
    }

    /// <inheritdoc />
    public override string ToString() => Url;
}
