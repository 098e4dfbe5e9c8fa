using System.Management.Automation;
using AwsCore.Commands;

namespace AwsCore.Module;

/// <summary>
/// <para type="synopsis">Calls any operation of any AWS service the loaded models describe.</para>
/// </summary>
[Cmdlet(VerbsLifecycle.Invoke, "AwsOperation")]
[OutputType(typeof(PSObject))]
public sealed class InvokeAwsOperationCommand : AwsCmdlet
{
    /// <summary>The service, as botocore names it (s3, dynamodb, ec2, ...).</summary>
    [Parameter(Mandatory = true, Position = 0)]
    [ArgumentCompleter(typeof(ServiceNameCompleter))]
    [ValidateNotNullOrEmpty]
    public string Service { get; set; } = "";

    /// <summary>The operation, as the model names it (ListBuckets, Scan, ...).</summary>
    [Parameter(Mandatory = true, Position = 1)]
    [ArgumentCompleter(typeof(OperationNameCompleter))]
    [ValidateNotNullOrEmpty]
    public string Operation { get; set; } = "";

    /// <summary>The operation's input: a hashtable or any object whose properties are the input members.</summary>
    [Parameter(Position = 2, ValueFromPipeline = true)]
    [Alias("Parameters", "Input")]
    public object? Parameter { get; set; }

    /// <summary>The region; by default as botocore resolves it (AWS_DEFAULT_REGION, AWS_REGION, the profile).</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? Region { get; set; }

    /// <summary>The profile of the shared config and credentials files.</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? ProfileName { get; set; }

    /// <summary>An endpoint URL replacing the one the endpoint rules give (moto, LocalStack, VPC endpoints).</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? EndpointUrl { get; set; }

    /// <summary>Credentials: AwsCredentials, a PSCredential (user name = access key id, password = secret key) or a hashtable.</summary>
    [Parameter]
    public object? Credential { get; set; }

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
            common = new CommonArguments
            {
                Region = Region,
                ProfileName = ProfileName,
                EndpointUrl = EndpointUrl,
                Credential = CredentialValue.Convert(Credential),
                Query = Query,
            };
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
