namespace AwsCore.Endpoints;

/// <summary>The names of the SDK built-ins a rule-set parameter may be bound to (botocore's EndpointResolverBuiltins).</summary>
public static class EndpointBuiltIns
{
    /// <summary>The client's region.</summary>
    public const string Region = "AWS::Region";
    /// <summary>Whether FIPS endpoints are asked for.</summary>
    public const string UseFips = "AWS::UseFIPS";
    /// <summary>Whether dual-stack endpoints are asked for.</summary>
    public const string UseDualStack = "AWS::UseDualStack";
    /// <summary>Whether STS uses its global endpoint in the legacy regions.</summary>
    public const string StsUseGlobalEndpoint = "AWS::STS::UseGlobalEndpoint";
    /// <summary>Whether S3 uses its global endpoint for us-east-1.</summary>
    public const string S3UseGlobalEndpoint = "AWS::S3::UseGlobalEndpoint";
    /// <summary>Whether S3 Transfer Acceleration is on.</summary>
    public const string S3Accelerate = "AWS::S3::Accelerate";
    /// <summary>Whether S3 uses path-style addressing.</summary>
    public const string S3ForcePathStyle = "AWS::S3::ForcePathStyle";
    /// <summary>Whether S3 follows an ARN's region.</summary>
    public const string S3UseArnRegion = "AWS::S3::UseArnRegion";
    /// <summary>Whether S3 Express session auth is off.</summary>
    public const string S3DisableExpressSessionAuth = "AWS::S3::DisableS3ExpressSessionAuth";
    /// <summary>Whether S3 Control follows an ARN's region.</summary>
    public const string S3ControlUseArnRegion = "AWS::S3Control::UseArnRegion";
    /// <summary>Whether multi-region access points are off.</summary>
    public const string S3DisableMultiRegionAccessPoints = "AWS::S3::DisableMultiRegionAccessPoints";
    /// <summary>The endpoint URL the user configured.</summary>
    public const string Endpoint = "SDK::Endpoint";
    /// <summary>The account id of the credentials.</summary>
    public const string AccountId = "AWS::Auth::AccountId";
    /// <summary>preferred, required or disabled.</summary>
    public const string AccountIdEndpointMode = "AWS::Auth::AccountIdEndpointMode";

    private static readonly HashSet<string> Known = new(StringComparer.Ordinal)
    {
        Region, UseFips, UseDualStack, StsUseGlobalEndpoint, S3UseGlobalEndpoint, S3Accelerate, S3ForcePathStyle,
        S3UseArnRegion, S3DisableExpressSessionAuth, S3ControlUseArnRegion, S3DisableMultiRegionAccessPoints, Endpoint,
        AccountId, AccountIdEndpointMode,
    };

    /// <summary>Whether <paramref name="name"/> is a built-in AwsCore supplies.</summary>
    public static bool IsKnown(string name) => Known.Contains(name);
}
