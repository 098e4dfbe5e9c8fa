using AwsCore.Http;

namespace AwsCore.Runtime;

/// <summary>The retries setting of a <see cref="ClientConfig"/> (botocore's retries dict).</summary>
public sealed record RetryConfig
{
    private readonly int? _maxAttempts, _totalMaxAttempts;

    public RetryMode? Mode { get; init; }

    /// <summary>Retries after the first attempt (botocore's max_attempts); 0 or more.</summary>
    public int? MaxAttempts
    {
        get => _maxAttempts;
        init => _maxAttempts = value is < 0
            ? throw new ArgumentOutOfRangeException(nameof(MaxAttempts), value, "retries max_attempts must be 0 or more")
            : value;
    }

    /// <summary>Attempts in all, the first included (botocore's total_max_attempts); 1 or more. Wins over <see cref="MaxAttempts"/>.</summary>
    public int? TotalMaxAttempts
    {
        get => _totalMaxAttempts;
        init => _totalMaxAttempts = value is < 1
            ? throw new ArgumentOutOfRangeException(nameof(TotalMaxAttempts), value, "retries total_max_attempts must be 1 or more")
            : value;
    }

    /// <summary>The number of attempts, the first included, that this setting asks for; null when it sets neither.</summary>
    public int? EffectiveTotalMaxAttempts => TotalMaxAttempts ?? (MaxAttempts is { } retries ? retries + 1 : null);
}

/// <summary>How S3 bucket names are put in URLs (botocore's s3 "addressing_style").</summary>
public enum S3AddressingStyle
{
    /// <summary>Virtual-hosted where the bucket name allows it, else path-style.</summary>
    Auto,

    /// <summary>Always bucket.s3.amazonaws.com.</summary>
    Virtual,

    /// <summary>Always s3.amazonaws.com/bucket.</summary>
    Path,
}

/// <summary>The S3 settings of a <see cref="ClientConfig"/> (botocore's s3 dict); null members are not set.</summary>
public sealed record S3Config
{
    public S3AddressingStyle? AddressingStyle { get; init; }
    public bool? UseAccelerateEndpoint { get; init; }
    public bool? UseDualstackEndpoint { get; init; }

    /// <summary>SHA-256 sign request bodies even over https (botocore signs them over http only unless this is set).</summary>
    public bool? PayloadSigningEnabled { get; init; }
    public bool? UseArnRegion { get; init; }

    /// <summary>"regional" or "legacy": which endpoint us-east-1 requests use.</summary>
    public string? UsEast1RegionalEndpoint { get; init; }
    public bool? DisableMultiRegionAccessPoints { get; init; }
    public bool? DisableS3ExpressSessionAuth { get; init; }
}

/// <summary>Extra proxy settings (botocore's proxies_config).</summary>
public sealed record ProxiesConfig
{
    /// <summary>A PEM bundle of CAs to trust for the proxy's own certificate.</summary>
    public string? ProxyCaBundle { get; init; }

    /// <summary>A client certificate to present to the proxy.</summary>
    public string? ProxyClientCert { get; init; }

    /// <summary>Send https requests to an https proxy as absolute URLs instead of tunnelling (CONNECT).</summary>
    public bool? ProxyUseForwardingForHttps { get; init; }
}
