namespace AwsCore.Http;

/// <summary>A response as the transport received it, before the protocol parser reads it.</summary>
public sealed class AwsHttpResponse
{
    public int StatusCode { get; set; }

    public Dictionary<string, string> Headers { get; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>The whole body, for responses that are not streamed.</summary>
    public byte[] Body { get; set; } = Array.Empty<byte>();

    /// <summary>The body of a streaming output (S3 GetObject, event streams); the parser hands it on unread.</summary>
    public Stream? BodyStream { get; set; }
}
