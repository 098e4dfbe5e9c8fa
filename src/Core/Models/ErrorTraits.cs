namespace AwsCore.Models;

/// <summary>The "error" trait of an exception shape: the wire code and HTTP status it is sent with.</summary>
public sealed record ErrorTraits(string? Code, int? HttpStatusCode, bool SenderFault);
