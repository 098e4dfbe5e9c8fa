using AwsCore.Models;
namespace AwsCore.Runtime;

/// <summary>
/// What one poll of a waiter's operation gave: the parsed output (null when the call failed), the HTTP status
/// code, and the service error code and message when the call failed with a service error.
/// </summary>
/// <param name="Output">The operation's output tree; null for an error response.</param>
/// <param name="StatusCode">The HTTP status code of the response.</param>
/// <param name="ErrorCode">The service error code (e.g. "NoSuchBucket"), or null when the call succeeded.</param>
/// <param name="ErrorMessage">The service error message, when there is one.</param>
public sealed record WaiterResponse(ValueMap? Output, int StatusCode, string? ErrorCode = null, string? ErrorMessage = null)
{
    /// <summary>The response a poll reports for a service error (the waiter's error acceptors match its code).</summary>
    public static WaiterResponse FromServiceError(AwsServiceException error) =>
        new(null, error.StatusCode, error.ErrorCode, error.ErrorMessage);

    /// <summary>A short description for messages: the status and, for an error, its code and message.</summary>
    public string Describe() => ErrorCode is null
        ? $"HTTP {StatusCode}"
        : $"HTTP {StatusCode}, {ErrorCode}: {ErrorMessage ?? "Unknown"}";
}
