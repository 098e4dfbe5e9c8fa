using AwsCore.Http;
using AwsCore.Models;

namespace AwsCore.Protocols;

/// <summary>Turns an operation's input value tree into an HTTP request (method, path, query, headers, body, host prefix).</summary>
public interface IProtocolSerializer
{
    /// <summary>
    /// Serializes <paramref name="parameters"/> (top-level input members by name; null or empty when the operation takes
    /// none) for <paramref name="operation"/>. Idempotency-token members that are absent are filled with a new UUID.
    /// A value the serializer cannot use throws <see cref="ArgumentException"/> naming its parameter path.
    /// </summary>
    AwsHttpRequest Serialize(OperationModel operation, IDictionary<string, object?>? parameters);
}
