namespace AwsCore.Models;

/// <summary>The xmlNamespace trait: a namespace URI and an optional prefix ("xmlns:prefix").</summary>
public sealed record XmlNamespace(string Uri, string? Prefix);
