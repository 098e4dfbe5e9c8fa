using AwsCore.Http;
using AwsCore.Models;

namespace AwsCore.Runtime;

/// <summary>
/// What an event handler sees and may change. Which members are set depends on the event, as botocore's keyword
/// arguments do:
/// provide-client-params and before-parameter-build: <see cref="Parameters"/> (change them to change the call);
/// before-endpoint-resolution: <see cref="Parameters"/> and <see cref="EndpointBuiltins"/>;
/// before-call: <see cref="Parameters"/> and <see cref="Request"/> (serialized; return an <see cref="AwsEventResponse"/> to answer the call without sending it);
/// request-created, before-sign: <see cref="Request"/> (headers may be added);
/// before-send: <see cref="Request"/> (signed; return an <see cref="AwsHttpResponse"/> to use it instead of sending);
/// needs-retry: <see cref="HttpResponse"/> or <see cref="Exception"/>, and <see cref="Attempt"/> (return a <see cref="TimeSpan"/> to retry after that delay);
/// after-call: <see cref="HttpResponse"/> and <see cref="Parsed"/> (which may be changed);
/// after-call-error: <see cref="Exception"/>.
/// <see cref="Context"/> is the call's own scratch space, shared by every event of one call.
/// </summary>
public sealed class AwsEventArgs
{
    public AwsEventArgs(OperationModel operation)
    {
        Operation = operation ?? throw new ArgumentNullException(nameof(operation));
    }

    /// <summary>The full event name as emitted ("before-call.s3.PutObject"), after alias translation.</summary>
    public string EventName { get; internal set; } = "";

    public OperationModel Operation { get; }

    public ServiceModel Service => Operation.Service;

    /// <summary>The operation's input parameters (the value tree); handlers may add, change or remove members.</summary>
    public IDictionary<string, object?>? Parameters { get; set; }

    /// <summary>The endpoint builtins (AWS::Region, SDK::Endpoint, ...) before endpoint resolution; handlers may change them.</summary>
    public IDictionary<string, object?>? EndpointBuiltins { get; set; }

    /// <summary>The HTTP request being built or about to be sent.</summary>
    public AwsHttpRequest? Request { get; set; }

    /// <summary>The HTTP response received (its body may be a stream not yet read).</summary>
    public AwsHttpResponse? HttpResponse { get; set; }

    /// <summary>The parsed output of the call; handlers of after-call may change it.</summary>
    public IDictionary<string, object?>? Parsed { get; set; }

    /// <summary>The failure of the attempt or call (a service error, a connection error), when there was one.</summary>
    public Exception? Exception { get; set; }

    /// <summary>The attempt number, from 1.</summary>
    public int Attempt { get; set; }

    /// <summary>Per-call state shared by the handlers of every event of the call.</summary>
    public IDictionary<string, object?> Context { get; set; } = new Dictionary<string, object?>(StringComparer.Ordinal);
}

/// <summary>A before-call handler's answer for the call: the response (if any) and the parsed output to return.</summary>
public sealed record AwsEventResponse(AwsHttpResponse? HttpResponse, IDictionary<string, object?> Parsed);
