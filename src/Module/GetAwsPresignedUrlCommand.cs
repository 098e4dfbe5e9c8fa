using System.Management.Automation;
using AwsCore.Commands;

namespace AwsCore.Module;

/// <summary>
/// <para type="synopsis">Creates a presigned URL for an operation (S3 GetObject, PutObject, ...).</para>
/// </summary>
[Cmdlet(VerbsCommon.Get, "AwsPresignedUrl")]
[OutputType(typeof(string))]
public sealed class GetAwsPresignedUrlCommand : AwsCmdlet
{
    /// <summary>The service, as botocore names it (s3).</summary>
    [Parameter(Mandatory = true, Position = 0)]
    [ArgumentCompleter(typeof(ServiceNameCompleter))]
    [ValidateNotNullOrEmpty]
    public string Service { get; set; } = "";

    /// <summary>The operation (GetObject, PutObject).</summary>
    [Parameter(Mandatory = true, Position = 1)]
    [ArgumentCompleter(typeof(OperationNameCompleter))]
    [ValidateNotNullOrEmpty]
    public string Operation { get; set; } = "";

    /// <summary>The operation's input: a hashtable or an object whose properties are the input members.</summary>
    [Parameter(Position = 2, ValueFromPipeline = true)]
    [Alias("Parameters", "Input")]
    public object? Parameter { get; set; }

    /// <summary>How long the URL stays valid, in seconds (at most 604800, seven days).</summary>
    [Parameter]
    [ValidateRange(1, 604800)]
    public int ExpiresIn { get; set; } = 3600;

    /// <summary>The region; resolved as for every AWS command when omitted.</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? Region { get; set; }

    /// <summary>The profile of the shared config and credentials files.</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? ProfileName { get; set; }

    /// <summary>An endpoint URL replacing the one the endpoint rules give.</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? EndpointUrl { get; set; }

    /// <summary>Credentials: AwsCredentials, a PSCredential or a hashtable.</summary>
    [Parameter]
    public object? Credential { get; set; }

    /// <summary>Writes one URL per pipeline input; the URL itself is never written to verbose output.</summary>
    protected override void ProcessRecord()
    {
        try
        {
            var common = new CommonArguments { Region = Region, ProfileName = ProfileName, EndpointUrl = EndpointUrl, Credential = CredentialValue.Convert(Credential) };
            var (op, input) = Prepare(Service, Operation, Parameter);
            using var client = CreateClient(op, common);
            var url = client.PresignAsync(op.Name, input, ExpiresIn, StopToken).GetAwaiter().GetResult();
            WriteObject(url.AbsoluteUri);
        }
        catch (OperationCanceledException) when (Stopping)
        {
            throw new PipelineStoppedException();
        }
        catch (Exception e) when (e is not (PipelineStoppedException or OutOfMemoryException or StackOverflowException))
        {
            WriteError(ErrorRecords.From(e, Parameter));
        }
    }
}
