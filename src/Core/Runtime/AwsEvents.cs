namespace AwsCore.Runtime;

/// <summary>The event types a call emits, in order, under botocore's names; see <see cref="AwsEventArgs"/> for what each carries.</summary>
public static class AwsEvents
{
    public const string ProvideClientParams = "provide-client-params";
    public const string BeforeParameterBuild = "before-parameter-build";
    public const string BeforeEndpointResolution = "before-endpoint-resolution";
    public const string BeforeCall = "before-call";
    public const string RequestCreated = "request-created";
    public const string BeforeSign = "before-sign";
    public const string BeforeSend = "before-send";
    public const string NeedsRetry = "needs-retry";
    public const string AfterCall = "after-call";
    public const string AfterCallError = "after-call-error";
}
