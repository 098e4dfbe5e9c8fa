namespace AwsCore.Protocols.EventStream;

/// <summary>A malformed event-stream frame: bad CRC, impossible lengths, unknown header type, or a stream cut mid-message.</summary>
public sealed class EventStreamFormatException : FormatException
{
    public EventStreamFormatException(string message) : base(message) { }
}
