namespace AwsCore.Http;

/// <summary>Why a request got no HTTP response; retry policies treat each kind as botocore does.</summary>
public enum TransportFailure
{
    /// <summary>The connection could not be made (DNS, refused, TLS, proxy).</summary>
    Connect,
    /// <summary>The connection closed or reset before a whole response arrived.</summary>
    ConnectionClosed,
    /// <summary>No bytes within the read timeout.</summary>
    ReadTimeout,
    /// <summary>The connect timeout elapsed.</summary>
    ConnectTimeout,
}

/// <summary>A request that got no (complete) HTTP response; the message names the host, never the request's secrets.</summary>
public sealed class AwsTransportException : Exception
{
    public AwsTransportException(TransportFailure failure, string message, Exception? inner = null) : base(message, inner) => Failure = failure;

    public TransportFailure Failure { get; }
}
