namespace AwsCore.Endpoints;

/// <summary>
/// Endpoint resolution failed: an error rule of the rule set matched (its message is the rule's message),
/// no rule matched, a parameter was missing or of the wrong type, or a rule set or partitions file is malformed.
/// </summary>
public sealed class EndpointResolutionException : Exception
{
    /// <summary>Creates the exception with the message the rule set or the engine gave.</summary>
    public EndpointResolutionException(string message) : base(message) { }

    /// <summary>Creates the exception with the message and the failure underneath it.</summary>
    public EndpointResolutionException(string message, Exception inner) : base(message, inner) { }
}
