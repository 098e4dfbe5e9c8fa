namespace AwsCore.Endpoints;

/// <summary>
/// Endpoint resolution failed: an error rule of the rule set matched (its message is the rule's message),
/// no rule matched, a parameter was missing or of the wrong type, or a rule set or partitions file is malformed.
/// </summary>
public sealed class EndpointResolutionException : Exception
{
    /// <summary>The kind botocore gives a failure it does not translate.</summary>
    public const string DefaultKind = "EndpointResolutionError";

    /// <summary>Creates the exception with the message the rule set or the engine gave.</summary>
    public EndpointResolutionException(string message) : this(message, DefaultKind, message) { }

    /// <summary>Creates the exception with the message and the failure underneath it.</summary>
    public EndpointResolutionException(string message, Exception inner) : base(message, inner)
    {
        Kind = DefaultKind;
        RuleMessage = message;
    }

    /// <summary>Creates the exception with botocore's exception name for it and the rule set's own message.</summary>
    public EndpointResolutionException(string message, string kind, string ruleMessage) : base(message)
    {
        Kind = kind;
        RuleMessage = ruleMessage;
    }

    /// <summary>
    /// The botocore exception this failure corresponds to ("EndpointResolutionError", "InvalidHostLabelError",
    /// "UnsupportedS3AccesspointConfigurationError", "ParamValidationError", ...), for error ids.
    /// </summary>
    public string Kind { get; }

    /// <summary>The message as the rule set wrote it, before any translation.</summary>
    public string RuleMessage { get; }
}
