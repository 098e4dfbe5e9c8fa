using System.Collections.Concurrent;
using AwsCore.Models;

namespace AwsCore.Endpoints;

/// <summary>
/// One client's endpoint resolution, as botocore's EndpointRulesetResolver.construct_endpoint: the service's rule set,
/// the client's built-in values and client context parameters, and per call the operation's bindings and input.
/// Results are cached by parameter values. Thread-safe; create one per client.
/// </summary>
public sealed class ServiceEndpointResolver
{
    private readonly EndpointProvider _provider;
    private readonly EndpointParameterBuilder _builder;
    private readonly IReadOnlyDictionary<string, object?> _builtIns;
    private readonly IReadOnlyDictionary<string, object?>? _clientContext;
    private readonly bool _useSsl;
    private readonly ConcurrentDictionary<string, EndpointOperationBindings> _bindings = new(StringComparer.Ordinal);

    /// <summary>
    /// Creates the resolver. <paramref name="builtIns"/> maps built-in names to values (see <see cref="EndpointBuiltInSettings"/>);
    /// <paramref name="clientContext"/> holds values for the service's clientContextParams by parameter name; with
    /// <paramref name="useSsl"/> false an https endpoint becomes http unless the user gave the endpoint.
    /// </summary>
    public ServiceEndpointResolver(ServiceModel service, EndpointRuleSet ruleSet, IReadOnlyDictionary<string, object?> builtIns,
        IReadOnlyDictionary<string, object?>? clientContext = null, bool useSsl = true, Func<string, object?, object?>? jmesPath = null)
    {
        Service = service ?? throw new ArgumentNullException(nameof(service));
        RuleSet = ruleSet ?? throw new ArgumentNullException(nameof(ruleSet));
        _builtIns = builtIns ?? throw new ArgumentNullException(nameof(builtIns));
        _clientContext = clientContext;
        _useSsl = useSsl;
        _provider = new EndpointProvider(ruleSet);
        _builder = new EndpointParameterBuilder(ruleSet, service.ClientContextParams.Keys, jmesPath);
    }

    /// <summary>The service model.</summary>
    public ServiceModel Service { get; }

    /// <summary>The service's compiled rule set.</summary>
    public EndpointRuleSet RuleSet { get; }

    /// <summary>
    /// A resolver over the rule set beside the service's model (endpoint-rule-set-1.json in its version folder);
    /// throws naming the service when the model has none.
    /// </summary>
    public static ServiceEndpointResolver ForService(ServiceModel service, PartitionSet partitions, IReadOnlyDictionary<string, object?> builtIns,
        IReadOnlyDictionary<string, object?>? clientContext = null, bool useSsl = true)
    {
        var file = service.GetCompanionFile("endpoint-rule-set-1")
                   ?? throw new EndpointResolutionException($"{service.ServiceName}: no endpoint-rule-set-1.json beside the service model");
        return new ServiceEndpointResolver(service, EndpointRuleSet.Parse(file.Bytes, partitions, file.Path), builtIns, clientContext, useSsl);
    }

    /// <summary>
    /// The rule-set parameters for one call; <paramref name="builtInOverrides"/> replaces built-in values for this call only
    /// (what botocore's before-endpoint-resolution handlers do, e.g. S3 forcing path style for GetBucketLocation).
    /// </summary>
    public Dictionary<string, object?> BuildParameters(OperationModel operation, IReadOnlyDictionary<string, object?>? input,
        IReadOnlyDictionary<string, object?>? builtInOverrides = null)
    {
        if (operation is null) throw new ArgumentNullException(nameof(operation));
        var bindings = _bindings.GetOrAdd(operation.Name, _ => EndpointOperationBindings.From(operation));
        var builtIns = _builtIns;
        if (builtInOverrides is { Count: > 0 })
        {
            var merged = new Dictionary<string, object?>(StringComparer.Ordinal);
            foreach (var entry in _builtIns) merged[entry.Key] = entry.Value;
            foreach (var entry in builtInOverrides) merged[entry.Key] = entry.Value;
            builtIns = merged;
        }
        return _builder.Build(bindings, input, builtIns, _clientContext);
    }

    /// <summary>
    /// The endpoint for one call of <paramref name="operation"/> with <paramref name="input"/>. Rule-set errors that
    /// botocore turns into its own exceptions come with that exception's message and <see cref="EndpointResolutionException.Kind"/>.
    /// </summary>
    public ResolvedEndpoint Resolve(OperationModel operation, IReadOnlyDictionary<string, object?>? input,
        IReadOnlyDictionary<string, object?>? builtInOverrides = null)
    {
        var parameters = BuildParameters(operation, input, builtInOverrides);
        ResolvedEndpoint endpoint;
        try
        {
            endpoint = _provider.Resolve(parameters);
        }
        catch (EndpointResolutionException e)
        {
            var translated = EndpointErrorTranslation.Translate(Service.ServiceName, e, parameters);
            if (ReferenceEquals(translated, e)) throw;
            throw translated;
        }
        if (!_useSsl && !parameters.ContainsKey("Endpoint") && endpoint.Url.StartsWith("https://", StringComparison.Ordinal))
            endpoint = new ResolvedEndpoint("http://" + endpoint.Url.Substring(8), endpoint.Properties, endpoint.Headers);
        return endpoint;
    }
}
