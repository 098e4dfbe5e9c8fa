using System.Management.Automation;
using AwsCore.Commands;
using AwsCore.Runtime;

namespace AwsCore.Module;

/// <summary>
/// <para type="synopsis">Calls any operation of any AWS service the loaded models describe.</para>
/// </summary>
[Cmdlet(VerbsLifecycle.Invoke, "AwsOperation")]
[OutputType(typeof(PSObject))]
public sealed class InvokeAwsOperationCommand : AwsOperationCmdlet
{
    /// <summary>A JMESPath expression evaluated over the output (over each page of a paginated operation).</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? Query { get; set; }

    /// <summary>Stop after this many items in total (paginated operations).</summary>
    [Parameter]
    [ValidateRange(1, int.MaxValue)]
    public int MaxItems { get; set; }

    /// <summary>Items asked for per request (paginated operations).</summary>
    [Parameter]
    [ValidateRange(1, int.MaxValue)]
    public int PageSize { get; set; }

    /// <summary>Resume a paginated listing from the token a previous -MaxItems run left.</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? StartingToken { get; set; }

    /// <summary>Make one call and write the whole page, continuation token included.</summary>
    [Parameter]
    public SwitchParameter NoPaginate { get; set; }

    /// <summary>Runs the operation once per pipeline input.</summary>
    protected override void ProcessRecord()
    {
        CommonArguments common;
        try
        {
            common = ClientArguments(Query);
        }
        catch (ParameterConversionException e)
        {
            ThrowTerminatingError(ErrorRecords.From(e, Credential));
            return;
        }
        var bound = MyInvocation.BoundParameters;
        var paging = new PagingArguments
        {
            MaxItems = bound.ContainsKey(nameof(MaxItems)) ? MaxItems : null,
            PageSize = bound.ContainsKey(nameof(PageSize)) ? PageSize : null,
            StartingToken = StartingToken,
            NoPaginate = NoPaginate.IsPresent,
        };
        Run(Service, Operation, Parameter, common, paging, Parameter);
    }
}
