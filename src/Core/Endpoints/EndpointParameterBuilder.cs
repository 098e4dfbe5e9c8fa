namespace AwsCore.Endpoints;

/// <summary>
/// Builds the parameter values for one call, as botocore's EndpointRulesetResolver does: for each parameter the rule set
/// declares, the first value found among the operation's static context params, its context params (input members),
/// its operation context params (JMESPath over the input), the client context params, then the parameter's built-in.
/// Thread-safe; create one per client.
/// </summary>
public sealed class EndpointParameterBuilder
{
    private readonly EndpointRuleSet _ruleSet;
    private readonly HashSet<string> _clientContextParams;
    private readonly Func<string, object?, object?> _jmesPath;

    /// <summary>
    /// Creates a builder for a rule set. <paramref name="clientContextParams"/> names the service model's clientContextParams;
    /// <paramref name="jmesPath"/> evaluates an expression over the input for operationContextParams (AwsCore.Jmes by default).
    /// </summary>
    public EndpointParameterBuilder(
        EndpointRuleSet ruleSet,
        IEnumerable<string>? clientContextParams = null,
        Func<string, object?, object?>? jmesPath = null)
    {
        _ruleSet = ruleSet ?? throw new ArgumentNullException(nameof(ruleSet));
        _clientContextParams = new HashSet<string>(clientContextParams ?? Array.Empty<string>(), StringComparer.Ordinal);
        _jmesPath = jmesPath ?? Jmes.JmesPath.Search;
        foreach (var parameter in ruleSet.Parameters)
            if (parameter.BuiltIn is { } builtIn && !EndpointBuiltIns.IsKnown(builtIn))
                throw new EndpointResolutionException($"{ruleSet.Source}: parameters.{parameter.Name}: unknown built-in '{builtIn}'");
    }

    /// <summary>
    /// The parameters for one call. <paramref name="input"/> is the operation's input value tree; <paramref name="builtIns"/>
    /// maps built-in names ("AWS::Region", ...) to values; <paramref name="clientContext"/> maps client context parameter
    /// names ("ForcePathStyle", ...) to values. Parameters with no value are left out.
    /// </summary>
    public Dictionary<string, object?> Build(
        EndpointOperationBindings operation,
        IReadOnlyDictionary<string, object?>? input,
        IReadOnlyDictionary<string, object?>? builtIns,
        IReadOnlyDictionary<string, object?>? clientContext = null)
    {
        operation ??= EndpointOperationBindings.None;
        var result = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var parameter in _ruleSet.Parameters)
        {
            var value = FromContext(parameter.Name, operation, input, clientContext);
            if (value is null && parameter.BuiltIn is { } builtIn && builtIns is not null)
                builtIns.TryGetValue(builtIn, out value);
            if (value is not null) result[parameter.Name] = value;
        }
        return result;
    }

    private object? FromContext(string name, EndpointOperationBindings operation, IReadOnlyDictionary<string, object?>? input,
        IReadOnlyDictionary<string, object?>? clientContext)
    {
        if (operation.StaticContextParams.TryGetValue(name, out var fixedValue) && fixedValue is not null) return fixedValue;
        if (operation.ContextParams.TryGetValue(name, out var member) && input is not null &&
            input.TryGetValue(member, out var memberValue) && memberValue is not null)
            return memberValue;
        if (operation.OperationContextParams.TryGetValue(name, out var path))
        {
            object? found;
            try
            {
                found = _jmesPath(path, input);
            }
            catch (Jmes.JmesPathException e)
            {
                throw new EndpointResolutionException($"Endpoint parameter {name}: operationContextParams path '{path}': {e.Message}", e);
            }
            if (found is not null) return found;
        }
        if (_clientContextParams.Contains(name) && clientContext is not null && clientContext.TryGetValue(name, out var clientValue))
            return clientValue;
        return null;
    }
}
