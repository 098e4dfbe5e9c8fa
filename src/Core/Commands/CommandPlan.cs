namespace AwsCore.Commands;

/// <summary>
/// Everything the Module needs to generate one operation's command: its name, whether it changes state, its
/// parameters, and whether it pages. Plain data, no PowerShell types.
/// </summary>
public sealed class CommandPlan
{
    internal CommandPlan(string service, CommandName name, bool isPaginated, IReadOnlyList<CommandParameter> parameters)
    {
        Service = service;
        Name = name;
        IsPaginated = isPaginated;
        Parameters = parameters;
    }

    /// <summary>The service name the model was loaded as (<c>s3</c>).</summary>
    public string Service { get; }

    /// <summary>The operation the command calls.</summary>
    public string Operation => Name.Operation;

    /// <summary>The command's verb, noun and impact.</summary>
    public CommandName Name { get; }

    /// <summary>Whether the operation has a paginator: the command takes -MaxItems, -PageSize, -StartingToken, -NoPaginate.</summary>
    public bool IsPaginated { get; }

    /// <summary>One parameter per top-level input member, in the model's member order, less the paginator's token and limit members.</summary>
    public IReadOnlyList<CommandParameter> Parameters { get; }

    /// <summary>Whether the command takes -WhatIf and -Confirm.</summary>
    public bool SupportsShouldProcess => Name.SupportsShouldProcess;

    /// <summary>How much the command changes state; the Module maps it to ConfirmImpact.</summary>
    public CommandImpact Impact => Name.Impact;

    public override string ToString() => Name.Name;
}
