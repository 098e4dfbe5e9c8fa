namespace AwsCore.Runtime;

/// <summary>When a request checksum is computed (botocore's request_checksum_calculation).</summary>
public enum RequestChecksumCalculation
{
    /// <summary>For every operation that requires or supports one (the default).</summary>
    WhenSupported,

    /// <summary>Only for operations that require one, or when the caller names an algorithm.</summary>
    WhenRequired,
}

/// <summary>When response checksums are checked (botocore's response_checksum_validation).</summary>
public enum ResponseChecksumValidation
{
    /// <summary>For every operation whose responses carry one (the default).</summary>
    WhenSupported,

    /// <summary>Only when the caller sets the operation's validation mode member (S3's ChecksumMode) to ENABLED.</summary>
    WhenRequired,
}
