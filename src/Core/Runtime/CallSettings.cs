namespace AwsCore.Runtime;

/// <summary>The per-call switches a client resolved once from its ClientConfig, the environment and the profile.</summary>
internal sealed record CallSettings
{
    public bool ValidateParameters { get; init; } = true;
    public bool InjectHostPrefix { get; init; } = true;
    public RequestChecksumCalculation RequestChecksumCalculation { get; init; } = RequestChecksumCalculation.WhenSupported;
    public ResponseChecksumValidation ResponseChecksumValidation { get; init; } = ResponseChecksumValidation.WhenSupported;
    public bool DisableRequestCompression { get; init; }
    public int RequestMinCompressionSizeBytes { get; init; } = RequestCompression.DefaultMinSizeBytes;

    /// <summary>s3.payload_signing_enabled; null leaves the choice to the request (signed over https only when it has a checksum).</summary>
    public bool? S3PayloadSigningEnabled { get; init; }
}
