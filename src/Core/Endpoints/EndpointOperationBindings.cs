namespace AwsCore.Endpoints;

/// <summary>
/// What one operation of a service model says about endpoint parameters: staticContextParams (fixed values),
/// contextParam on input members (parameter name to member name) and operationContextParams (JMESPath over the input).
/// Filled from the operation model; plain data so the endpoint code does not depend on the model types.
/// </summary>
public sealed class EndpointOperationBindings
{
    private static readonly IReadOnlyDictionary<string, object?> NoValues = new Dictionary<string, object?>();
    private static readonly IReadOnlyDictionary<string, string> NoNames = new Dictionary<string, string>();

    /// <summary>An operation with no endpoint bindings.</summary>
    public static EndpointOperationBindings None { get; } = new();

    /// <summary>Parameter name to the value the model fixes for this operation.</summary>
    public IReadOnlyDictionary<string, object?> StaticContextParams { get; init; } = NoValues;

    /// <summary>Parameter name to the top-level input member whose value it takes.</summary>
    public IReadOnlyDictionary<string, string> ContextParams { get; init; } = NoNames;

    /// <summary>Parameter name to the JMESPath expression evaluated over the operation's input.</summary>
    public IReadOnlyDictionary<string, string> OperationContextParams { get; init; } = NoNames;

    /// <summary>The bindings an operation model declares.</summary>
    public static EndpointOperationBindings From(Models.OperationModel operation) => new()
    {
        StaticContextParams = operation.StaticContextParams,
        ContextParams = operation.ContextParams,
        OperationContextParams = operation.OperationContextParams,
    };
}
