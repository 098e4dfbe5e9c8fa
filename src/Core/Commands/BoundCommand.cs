namespace AwsCore.Commands;

/// <summary>
/// What a generated command's <c>$PSBoundParameters</c> mean for the call: the operation input (by member name, values
/// as the user gave them), the common parameters (raw; the Module converts -Credential) and the paging parameters.
/// </summary>
public sealed class BoundCommand
{
    internal BoundCommand(CommandPlan plan, Dictionary<string, object?> input, Dictionary<string, object?> common, PagingArguments paging)
    {
        Plan = plan;
        Input = input;
        Common = common;
        Paging = paging;
    }

    /// <summary>The plan of the command that was called.</summary>
    public CommandPlan Plan { get; }

    /// <summary>Input member name to the bound value, for <see cref="Runtime.ParameterConverter.ConvertInput"/>.</summary>
    public Dictionary<string, object?> Input { get; }

    /// <summary>The bound common parameters (Region, ProfileName, EndpointUrl, Credential, Query) by name.</summary>
    public Dictionary<string, object?> Common { get; }

    /// <summary>-MaxItems, -PageSize, -StartingToken, -NoPaginate.</summary>
    public PagingArguments Paging { get; }

    /// <summary>A common parameter's value as a string, or null when it was not given.</summary>
    public string? CommonString(string name) => Common.TryGetValue(name, out var v) ? v?.ToString() : null;
}
