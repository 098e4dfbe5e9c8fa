using System.Management.Automation;
using AwsCore.Commands;

namespace AwsCore.Module;

/// <summary>
/// <para type="synopsis">Creates a presigned URL for an operation (S3 GetObject, PutObject, ...).</para>
/// </summary>
[Cmdlet(VerbsCommon.Get, "AwsPresignedUrl")]
[OutputType(typeof(string))]
public sealed class GetAwsPresignedUrlCommand : AwsOperationCmdlet
{
    /// <summary>How long the URL stays valid, in seconds (at most 604800, seven days).</summary>
    [Parameter]
    [ValidateRange(1, 604800)]
    public int ExpiresIn { get; set; } = 3600;

    /// <summary>Writes one URL per pipeline input; the URL itself is never written to verbose output.</summary>
    protected override void ProcessRecord() =>
        ForInput(Parameter, () =>
        {
            var common = ClientArguments();
            var (op, input) = Prepare(Service, Operation, Parameter);
            using var client = CreateClient(op, common);
            var url = client.PresignAsync(op.Name, input, ExpiresIn, StopToken).GetAwaiter().GetResult();
            WriteObject(url.AbsoluteUri);
        });
}
