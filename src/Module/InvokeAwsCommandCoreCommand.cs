using System.Collections;
using System.Management.Automation;
using AwsCore.Commands;
using AwsCore.Models;

namespace AwsCore.Module;

/// <summary>
/// <para type="synopsis">The binary core of generated service commands (not for direct use).</para>
/// <para type="description">A generated function hands its $PSBoundParameters here; the command plan maps them back
/// to the operation's input members and the common and paging parameters, then the call runs as Invoke-AwsOperation's.</para>
/// </summary>
[Cmdlet(VerbsLifecycle.Invoke, "AwsCommandCore")]
[OutputType(typeof(PSObject))]
public sealed class InvokeAwsCommandCoreCommand : AwsCmdlet
{
    /// <summary>The service the generated command belongs to.</summary>
    [Parameter(Mandatory = true)]
    public string Service { get; set; } = "";

    /// <summary>The operation the generated command calls.</summary>
    [Parameter(Mandatory = true)]
    public string Operation { get; set; } = "";

    /// <summary>The generated function's $PSBoundParameters.</summary>
    [Parameter(Mandatory = true)]
    [AllowEmptyCollection]
    public IDictionary BoundParameters { get; set; } = new Hashtable();

    /// <summary>Binds and runs the call.</summary>
    protected override void ProcessRecord()
    {
        BoundCommand bound;
        CommonArguments common;
        try
        {
            var model = ModelLoader.Default.GetService(Service);
            var values = new Hashtable(StringComparer.OrdinalIgnoreCase);
            foreach (DictionaryEntry entry in BoundParameters)
                values[entry.Key] = entry.Value is SwitchParameter s ? s.IsPresent : entry.Value;
            bound = CommandArgumentBinder.Bind(ServicePlans.For(model, Operation), values);
            common = ClientSettings.Arguments(
                bound.CommonString(nameof(CommonArguments.Region)),
                bound.CommonString(nameof(CommonArguments.ProfileName)),
                bound.CommonString(nameof(CommonArguments.EndpointUrl)),
                bound.Common.TryGetValue(nameof(CommonArguments.Credential), out var credential) ? credential : null,
                bound.CommonString(nameof(CommonArguments.Query)));
        }
        catch (Exception e) when (e is ArgumentException or ModelLoadException)
        {
            WriteError(ErrorRecords.From(e, Operation));
            return;
        }
        Run(Service, Operation, bound.Input, common, bound.Paging, Target(bound));
    }

    /// <summary>The identifier values of the call, as the error's target object.</summary>
    private static object? Target(BoundCommand bound)
    {
        var identifiers = bound.Plan.Parameters.Where(p => p.ValueFromPipelineByPropertyName && !p.Sensitive && bound.Input.ContainsKey(p.MemberName)).ToList();
        return identifiers.Count == 1 ? bound.Input[identifiers[0].MemberName] : identifiers.Count == 0 ? null : string.Join(", ", identifiers.Select(p => $"{p.Name}={bound.Input[p.MemberName]}"));
    }
}
