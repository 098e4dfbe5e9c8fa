namespace AwsCore.Runtime;

/// <summary>
/// The full event names one operation emits ("before-call.dynamodb.GetItem"), built once per operation rather than
/// concatenated on every call.
/// </summary>
internal sealed class OperationEventNames
{
    public OperationEventNames(string hyphenizedServiceId, string operationName)
    {
        var suffix = "." + hyphenizedServiceId + "." + operationName;
        ProvideClientParams = "provide-client-params" + suffix;
        BeforeParameterBuild = "before-parameter-build" + suffix;
        BeforeEndpointResolution = "before-endpoint-resolution" + suffix;
        RequestCreated = "request-created" + suffix;
        BeforeCall = "before-call" + suffix;
        BeforeSign = "before-sign" + suffix;
        BeforeSend = "before-send" + suffix;
        NeedsRetry = "needs-retry" + suffix;
        AfterCall = "after-call" + suffix;
        AfterCallError = "after-call-error" + suffix;
    }

    public string ProvideClientParams { get; }
    public string BeforeParameterBuild { get; }
    public string BeforeEndpointResolution { get; }
    public string RequestCreated { get; }
    public string BeforeCall { get; }
    public string BeforeSign { get; }
    public string BeforeSend { get; }
    public string NeedsRetry { get; }
    public string AfterCall { get; }
    public string AfterCallError { get; }
}
