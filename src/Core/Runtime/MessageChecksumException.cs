namespace AwsCore.Runtime;

/// <summary>A message's digest returned by the service (SQS's MD5OfMessageBody, ...) does not match the message: it was damaged on the way.</summary>
public sealed class MessageChecksumException : IOException
{
    public MessageChecksumException(string message) : base(message)
    {
    }
}
