using System.Management.Automation;
using AwsCore.Commands;
using AwsCore.Runtime;

namespace AwsCore.Module;

/// <summary>
/// The base of the cmdlets that name an operation and take its input and a client's settings as parameters
/// (Invoke-AwsOperation, Get-AwsPresignedUrl): -Service, -Operation, -Parameter, -Region, -ProfileName,
/// -EndpointUrl and -Credential, declared once here.
/// </summary>
public abstract class AwsOperationCmdlet : AwsCmdlet
{
    /// <summary>The service, as botocore names it (s3, dynamodb, ec2, ...).</summary>
    [Parameter(Mandatory = true, Position = 0)]
    [ArgumentCompleter(typeof(ServiceNameCompleter))]
    [ValidateNotNullOrEmpty]
    public string Service { get; set; } = "";

    /// <summary>The operation, as the model names it (ListBuckets, GetObject, Scan, ...).</summary>
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

    /// <summary>The client settings given, -Credential converted; <paramref name="query"/> is -Query where the cmdlet has it.</summary>
    /// <exception cref="ParameterConversionException">-Credential is not a credential form.</exception>
    internal CommonArguments ClientArguments(string? query = null) =>
        ClientSettings.Arguments(Region, ProfileName, EndpointUrl, Credential, query);
}
