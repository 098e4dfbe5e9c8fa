using AwsCore.Http;
using AwsCore.Models;
using AwsCore.Runtime;

namespace AwsCore.Protocols;

/// <summary>Reads an HTTP response into the operation's output value tree or into a service error.</summary>
public interface IProtocolParser
{
    /// <summary>
    /// Parses a successful response into the output tree, with "ResponseMetadata" (RequestId, HTTPStatusCode,
    /// HTTPHeaders with lower-case names, and HostId for S3) as botocore adds it. An event-stream member is an
    /// <see cref="EventStream.EventStreamReader"/> over the response's stream.
    /// </summary>
    ValueMap Parse(OperationModel operation, AwsHttpResponse response);

    /// <summary>
    /// Parses an error response (status 300 or more, or an S3 200 whose body is an Error) into an exception carrying the
    /// error code, message, request id and the fields of the modeled error shape when the code names one.
    /// </summary>
    AwsServiceException ParseError(OperationModel operation, AwsHttpResponse response);
}
