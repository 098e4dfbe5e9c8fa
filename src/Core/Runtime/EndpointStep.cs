using System.Runtime.CompilerServices;
using AwsCore.Config;
using AwsCore.Endpoints;
using AwsCore.Http;
using AwsCore.Jmes;
using AwsCore.Models;

namespace AwsCore.Runtime;

/// <summary>
/// Resolves a call's endpoint through the service's rule set, as botocore's EndpointRulesetResolver: built-ins from the
/// client's settings, the operation's context parameters, then the rules. Rule sets compile once per model.
/// </summary>
internal sealed class EndpointStep
{
    private static readonly ConditionalWeakTable<ServiceModel, EndpointProvider> Providers = new();
    private static readonly ConditionalWeakTable<ModelLoader, PartitionSet> Partitions = new();

    private readonly ServiceModel _model;
    private readonly EndpointProvider _provider;
    private readonly EndpointParameterBuilder _parameters;
    private readonly Dictionary<string, object?> _builtIns;
    private readonly IReadOnlyDictionary<string, object?> _clientContext;
    private readonly ConditionalWeakTable<OperationModel, EndpointOperationBindings> _bindings = new();

    public EndpointStep(ServiceModel model, ModelLoader loader, EndpointBuiltInSettings settings, IReadOnlyDictionary<string, object?> clientContext)
    {
        _model = model;
        _provider = Providers.GetValue(model, m => new EndpointProvider(LoadRuleSet(m, loader)));
        _parameters = new EndpointParameterBuilder(_provider.RuleSet, model.ClientContextParams.Keys, (expression, input) => JmesPath.Search(expression, input));
        _builtIns = settings.ToBuiltIns();
        _clientContext = clientContext;
    }

    /// <summary>The endpoint for one call of <paramref name="operation"/> with <paramref name="input"/>.</summary>
    public ResolvedEndpoint Resolve(OperationModel operation, IDictionary<string, object?> input)
    {
        var bindings = _bindings.GetValue(operation, op => new EndpointOperationBindings
        {
            StaticContextParams = op.StaticContextParams,
            ContextParams = op.ContextParams,
            OperationContextParams = op.OperationContextParams,
        });
        var parameters = _parameters.Build(bindings, new ReadOnlyView(input), BuiltInsFor(operation, input), _clientContext);
        return _provider.Resolve(parameters);
    }

    /// <summary>
    /// S3's per-call addressing, as botocore's customize_endpoint_resolver_builtins: GetBucketLocation always goes
    /// path-style (the bucket's region, hence its virtual host, is what the caller does not know yet), and a bucket
    /// given as an ARN never does.
    /// </summary>
    private IReadOnlyDictionary<string, object?> BuiltInsFor(OperationModel operation, IDictionary<string, object?> input)
    {
        if (_model.ServiceName != "s3") return _builtIns;
        bool? forcePathStyle = operation.Name == "GetBucketLocation" ? true
            : input.TryGetValue("Bucket", out var bucket) && bucket is string name && name.StartsWith("arn:", StringComparison.Ordinal) ? false
            : null;
        if (forcePathStyle is null) return _builtIns;
        return new Dictionary<string, object?>(_builtIns, StringComparer.Ordinal) { [EndpointBuiltIns.S3ForcePathStyle] = forcePathStyle.Value };
    }

    /// <summary>Points the request at the endpoint and adds the endpoint's headers.</summary>
    public static void Apply(AwsHttpRequest request, ResolvedEndpoint endpoint)
    {
        if (!Uri.TryCreate(endpoint.Url, UriKind.Absolute, out var uri))
            throw new EndpointResolutionException($"the rule set produced '{endpoint.Url}', which is not an absolute URL");
        request.Endpoint = uri;
        foreach (var header in endpoint.Headers)
            request.Headers[header.Key] = string.Join(",", header.Value);
    }

    private static EndpointRuleSet LoadRuleSet(ServiceModel model, ModelLoader loader)
    {
        var file = model.GetCompanionFile("endpoint-rule-set-1")
            ?? throw new EndpointResolutionException($"service '{model.ServiceName}' has no endpoint-rule-set-1.json beside {model.Source}");
        var partitions = Partitions.GetValue(loader, l => PartitionSet.Parse(l.RequireData("partitions"), "partitions.json"));
        return EndpointRuleSet.Parse(file.Bytes, partitions, file.Path);
    }

    /// <summary>The input dictionary seen as the read-only view the parameter builder takes, without copying.</summary>
    private sealed class ReadOnlyView : IReadOnlyDictionary<string, object?>
    {
        private readonly IDictionary<string, object?> _inner;
        public ReadOnlyView(IDictionary<string, object?> inner) => _inner = inner;
        public object? this[string key] => _inner[key];
        public IEnumerable<string> Keys => _inner.Keys;
        public IEnumerable<object?> Values => _inner.Values;
        public int Count => _inner.Count;
        public bool ContainsKey(string key) => _inner.ContainsKey(key);
        public bool TryGetValue(string key, out object? value) => _inner.TryGetValue(key, out value);
        public IEnumerator<KeyValuePair<string, object?>> GetEnumerator() => _inner.GetEnumerator();
        System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
    }
}
