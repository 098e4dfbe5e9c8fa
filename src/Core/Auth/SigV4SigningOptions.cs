namespace AwsCore.Auth;

/// <summary>
/// What one signature is for: the scope (region and signing name, from the model or the endpoint's authSchemes)
/// and the per-request facts botocore keeps in its request context that change the payload hash.
/// </summary>
public sealed class SigV4SigningOptions
{
    /// <summary>Creates options for a signing region and signing name ("us-east-1", "s3").</summary>
    public SigV4SigningOptions(string region, string service)
    {
        if (string.IsNullOrEmpty(region)) throw new ArgumentException("a SigV4 signature needs a region", nameof(region));
        if (string.IsNullOrEmpty(service)) throw new ArgumentException("a SigV4 signature needs a signing name", nameof(service));
        Region = region;
        Service = service;
    }

    /// <summary>The region in the credential scope.</summary>
    public string Region { get; }

    /// <summary>The signing name in the credential scope (the model's signingName or endpointPrefix, or the authScheme's signingName).</summary>
    public string Service { get; }

    /// <summary>
    /// The S3 variant: x-amz-content-sha256 is always sent, the path is signed as sent (neither normalised nor encoded
    /// again), and presigned URLs carry UNSIGNED-PAYLOAD.
    /// </summary>
    public bool S3Variant { get; init; }

    /// <summary>The operation's payload signing (botocore's context "payload_signing_enabled"); false for operations whose model marks the payload unsigned.</summary>
    public bool PayloadSigningEnabled { get; init; } = true;

    /// <summary>S3 only: the client's s3.payload_signing_enabled setting; null leaves the decision to the request.</summary>
    public bool? S3PayloadSigningEnabled { get; init; }

    /// <summary>S3 only: the operation streams its input (PutObject, UploadPart).</summary>
    public bool HasStreamingInput { get; init; }

    /// <summary>S3 only: the header carrying the request checksum when it travels in a header; Content-MD5 when null.</summary>
    public string? ChecksumHeader { get; init; }

    /// <summary>The request checksum travels in a trailer (aws-chunked), so the payload is STREAMING-UNSIGNED-PAYLOAD-TRAILER.</summary>
    public bool ChecksumInTrailer { get; init; }
}
