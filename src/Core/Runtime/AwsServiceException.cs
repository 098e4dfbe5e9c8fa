namespace AwsCore.Runtime;

/// <summary>
/// An error returned by an AWS service: the error code and message it sent, the HTTP status, the request id, and the
/// parsed error fields (the Error element's entries and the members of the modeled error shape, when one matches).
/// </summary>
public class AwsServiceException : Exception
{
    public AwsServiceException(
        string errorCode,
        string errorMessage,
        int statusCode,
        string? requestId,
        string service,
        string operation,
        IReadOnlyDictionary<string, object?> fields,
        IReadOnlyDictionary<string, object?> response)
        : base($"An error occurred ({errorCode}) when calling the {operation} operation: {errorMessage}")
    {
        ErrorCode = errorCode;
        ErrorMessage = errorMessage;
        StatusCode = statusCode;
        RequestId = requestId;
        Service = service;
        Operation = operation;
        Fields = fields;
        Response = response;
    }

    /// <summary>The AWS error code ("NoSuchBucket", "ValidationException", "ThrottlingException", ...).</summary>
    public string ErrorCode { get; }

    /// <summary>The message the service sent (empty when it sent none).</summary>
    public string ErrorMessage { get; }

    /// <summary>The HTTP status code of the response.</summary>
    public int StatusCode { get; }

    /// <summary>The request id from the response headers or body, when there was one.</summary>
    public string? RequestId { get; }

    /// <summary>The service the call went to (its model name, e.g. "s3").</summary>
    public string Service { get; }

    /// <summary>The operation that failed (e.g. "GetObject").</summary>
    public string Operation { get; }

    /// <summary>The error's fields: Code, Message, Type and any others of the Error element, plus the modeled error shape's members.</summary>
    public IReadOnlyDictionary<string, object?> Fields { get; }

    /// <summary>The whole parsed response as botocore shapes it: "Error", "ResponseMetadata" and the modeled members.</summary>
    public IReadOnlyDictionary<string, object?> Response { get; }
}
