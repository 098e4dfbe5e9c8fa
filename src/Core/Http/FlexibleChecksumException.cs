namespace AwsCore.Http;

/// <summary>
/// A flexible-checksum failure (botocore's FlexibleChecksumError): a response whose body does not match the checksum
/// the service sent, or a request asking for an algorithm AwsCore does not support.
/// </summary>
public sealed class FlexibleChecksumException : IOException
{
    public FlexibleChecksumException(string message) : base(message)
    {
    }
}
