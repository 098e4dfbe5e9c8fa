namespace AwsCore.Protocols.EventStream;

/// <summary>How event payloads that are structures are encoded: the body format of the service's protocol.</summary>
internal enum EventPayloadFormat
{
    Json,
    Xml,
    Cbor,
}
