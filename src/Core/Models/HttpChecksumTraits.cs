namespace AwsCore.Models;

/// <summary>An operation's httpChecksum trait (flexible checksums).</summary>
public sealed record HttpChecksumTraits(
    string? RequestAlgorithmMember,
    bool RequestChecksumRequired,
    string? RequestValidationModeMember,
    IReadOnlyList<string> ResponseAlgorithms);
