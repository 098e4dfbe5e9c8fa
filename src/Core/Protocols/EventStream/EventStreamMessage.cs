namespace AwsCore.Protocols.EventStream;

/// <summary>
/// One decoded application/vnd.amazon.eventstream message: its headers (bool, byte, short, int, long, byte[], string,
/// DateTime for timestamps, Guid for uuids) and its payload bytes.
/// </summary>
public sealed class EventStreamMessage
{
    internal EventStreamMessage(Dictionary<string, object> headers, byte[] payload)
    {
        Headers = headers;
        Payload = payload;
    }

    public IReadOnlyDictionary<string, object> Headers { get; }

    public byte[] Payload { get; }

    /// <summary>The string header <paramref name="name"/> (":message-type", ":event-type", ...), or null.</summary>
    public string? StringHeader(string name) => Headers.TryGetValue(name, out var v) ? v as string : null;
}
