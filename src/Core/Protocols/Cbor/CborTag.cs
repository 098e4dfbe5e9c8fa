namespace AwsCore.Protocols.Cbor;

/// <summary>A CBOR tagged data item (major type 6) that the decoder does not interpret itself.</summary>
public sealed record CborTag(ulong Id, object? Value);
