namespace AwsCore.Models;

/// <summary>The contents of one model data file and the path it was read from (for error messages).</summary>
public sealed record ModelFile(byte[] Bytes, string Path);
