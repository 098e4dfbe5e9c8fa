using AwsCore.Models;

namespace AwsCore.Runtime;

/// <summary>Why a wait ended without success.</summary>
public enum WaiterFailure
{
    /// <summary>An acceptor moved the waiter to the failure state.</summary>
    FailureState,
    /// <summary>The operation failed with an error no acceptor expects.</summary>
    UnexpectedError,
    /// <summary>Every attempt was used without reaching success.</summary>
    MaxAttemptsExceeded,
    /// <summary>The overall time limit passed.</summary>
    Timeout,
}

/// <summary>
/// A wait that did not succeed (botocore's WaiterError): names the waiter, the acceptor that fired (or the
/// attempts/time exhausted), and the last response. Message: "Waiter NAME failed: REASON".
/// </summary>
public sealed class WaiterException : Exception
{
    /// <summary>Creates the error.</summary>
    public WaiterException(string waiterName, WaiterFailure failure, string reason, WaiterAcceptor? acceptor, WaiterResponse? lastResponse, int attempts, Exception? inner = null)
        : base($"Waiter {waiterName} failed: {reason}", inner)
    {
        WaiterName = waiterName;
        Failure = failure;
        Reason = reason;
        Acceptor = acceptor;
        LastResponse = lastResponse;
        Attempts = attempts;
    }

    /// <summary>The waiter's name, e.g. "BucketExists".</summary>
    public string WaiterName { get; }

    /// <summary>Why the wait ended.</summary>
    public WaiterFailure Failure { get; }

    /// <summary>The reason, without the "Waiter NAME failed:" prefix.</summary>
    public string Reason { get; }

    /// <summary>The acceptor that moved to failure, or the last one that matched before attempts or time ran out; null if none matched.</summary>
    public WaiterAcceptor? Acceptor { get; }

    /// <summary>The last response received; null when the time ran out before any arrived.</summary>
    public WaiterResponse? LastResponse { get; }

    /// <summary>How many attempts were made.</summary>
    public int Attempts { get; }
}
