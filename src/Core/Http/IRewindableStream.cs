namespace AwsCore.Http;

/// <summary>
/// A request body wrapper (aws-chunked, gzip) that can start over from the beginning for a retry, even when it cannot
/// seek in general. The transport rewinds a body before resending it: <see cref="Rewind"/> when <see cref="CanRewind"/>,
/// otherwise Position = start when the stream can seek.
/// </summary>
internal interface IRewindableStream
{
    /// <summary>True when the wrapped source can seek, so the body can be produced again.</summary>
    bool CanRewind { get; }

    /// <summary>Starts the body over from its first byte.</summary>
    void Rewind();
}
