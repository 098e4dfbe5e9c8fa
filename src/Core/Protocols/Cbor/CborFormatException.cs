namespace AwsCore.Protocols.Cbor;

/// <summary>Malformed CBOR input; the message names the byte offset where decoding stopped.</summary>
public sealed class CborFormatException : FormatException
{
    public CborFormatException(string message) : base(message) { }
}
