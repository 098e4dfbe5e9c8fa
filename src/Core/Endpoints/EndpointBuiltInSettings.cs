namespace AwsCore.Endpoints;

/// <summary>
/// The client settings the built-ins come from, turned into built-in values as botocore does when it creates a client:
/// FIPS and dual-stack are off when an endpoint URL is given, S3 path style follows addressing_style (and defaults to path
/// style for a custom non-accelerate endpoint), the S3 and STS global endpoints follow their us-east-1/legacy settings.
/// </summary>
public sealed class EndpointBuiltInSettings
{
    private static readonly HashSet<string> LegacyGlobalStsRegions = new(StringComparer.Ordinal)
    {
        "ap-northeast-1", "ap-south-1", "ap-southeast-1", "ap-southeast-2", "aws-global", "ca-central-1", "eu-central-1",
        "eu-north-1", "eu-west-1", "eu-west-2", "eu-west-3", "sa-east-1", "us-east-1", "us-east-2", "us-west-1", "us-west-2",
    };

    /// <summary>The client's region.</summary>
    public string? Region { get; init; }
    /// <summary>use_fips_endpoint.</summary>
    public bool UseFips { get; init; }
    /// <summary>use_dualstack_endpoint.</summary>
    public bool UseDualStack { get; init; }
    /// <summary>endpoint_url given to the client (or resolved from configuration).</summary>
    public string? EndpointUrl { get; init; }
    /// <summary>s3.addressing_style: "auto", "virtual" or "path"; null means auto.</summary>
    public string? S3AddressingStyle { get; init; }
    /// <summary>s3.use_accelerate_endpoint.</summary>
    public bool S3UseAccelerateEndpoint { get; init; }
    /// <summary>s3.use_arn_region; null means the service default (true for S3, false for S3 Control).</summary>
    public bool? UseArnRegion { get; init; }
    /// <summary>s3.s3_disable_multiregion_access_points.</summary>
    public bool S3DisableMultiRegionAccessPoints { get; init; }
    /// <summary>s3.us_east_1_regional_endpoint: "legacy" (the default) or "regional".</summary>
    public string? S3UsEast1RegionalEndpoint { get; init; }
    /// <summary>sts_regional_endpoints: "regional" (the default) or "legacy".</summary>
    public string? StsRegionalEndpoints { get; init; }
    /// <summary>s3_disable_express_session_auth.</summary>
    public bool? S3DisableExpressSessionAuth { get; init; }
    /// <summary>The account id the credentials carry, if any.</summary>
    public string? AccountId { get; init; }
    /// <summary>account_id_endpoint_mode: preferred, required or disabled.</summary>
    public string? AccountIdEndpointMode { get; init; }

    /// <summary>The built-in values, keyed by built-in name.</summary>
    public Dictionary<string, object?> ToBuiltIns()
    {
        var customEndpoint = EndpointUrl;
        bool forcePathStyle;
        if (S3UseAccelerateEndpoint) forcePathStyle = false;
        else if (customEndpoint is not null && !IsS3AccelerateUrl(customEndpoint)) forcePathStyle = S3AddressingStyle != "virtual";
        else forcePathStyle = S3AddressingStyle == "path";

        var s3Regional = S3UsEast1RegionalEndpoint ?? "legacy";
        var stsRegional = string.IsNullOrEmpty(StsRegionalEndpoints) ? "regional" : StsRegionalEndpoints!;
        Validate("s3.us_east_1_regional_endpoint", s3Regional);
        Validate("sts_regional_endpoints", stsRegional);

        return new Dictionary<string, object?>(StringComparer.Ordinal)
        {
            [EndpointBuiltIns.Region] = Region,
            [EndpointBuiltIns.UseFips] = customEndpoint is null && UseFips,
            [EndpointBuiltIns.UseDualStack] = customEndpoint is null && UseDualStack,
            [EndpointBuiltIns.StsUseGlobalEndpoint] = stsRegional == "legacy" && Region is not null && LegacyGlobalStsRegions.Contains(Region),
            [EndpointBuiltIns.S3UseGlobalEndpoint] = s3Regional == "legacy" && (Region is null || Region == "us-east-1"),
            [EndpointBuiltIns.S3Accelerate] = S3UseAccelerateEndpoint,
            [EndpointBuiltIns.S3ForcePathStyle] = forcePathStyle,
            [EndpointBuiltIns.S3UseArnRegion] = UseArnRegion ?? true,
            [EndpointBuiltIns.S3ControlUseArnRegion] = UseArnRegion ?? false,
            [EndpointBuiltIns.S3DisableMultiRegionAccessPoints] = S3DisableMultiRegionAccessPoints,
            [EndpointBuiltIns.S3DisableExpressSessionAuth] = S3DisableExpressSessionAuth,
            [EndpointBuiltIns.Endpoint] = customEndpoint,
            [EndpointBuiltIns.AccountId] = AccountId,
            [EndpointBuiltIns.AccountIdEndpointMode] = AccountIdEndpointMode,
        };
    }

    /// <summary>An s3-accelerate[.dualstack].amazonaws.com URL over http or https.</summary>
    internal static bool IsS3AccelerateUrl(string url)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || (uri.Scheme != "https" && uri.Scheme != "http")) return false;
        var authority = uri.IsDefaultPort ? uri.Host : uri.Authority;
        if (!authority.EndsWith("amazonaws.com", StringComparison.Ordinal)) return false;
        var parts = authority.Split('.');
        if (parts[0] != "s3-accelerate") return false;
        var features = parts.Skip(1).Take(Math.Max(0, parts.Length - 3)).ToList();
        return features.Distinct().Count() == features.Count && features.All(p => p == "dualstack");
    }

    private static void Validate(string setting, string value)
    {
        if (value != "legacy" && value != "regional")
            throw new EndpointResolutionException($"{setting}: '{value}' is not valid; use 'legacy' or 'regional'");
    }
}
