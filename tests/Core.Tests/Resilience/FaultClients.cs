using AwsCore.Credentials;
using AwsCore.Http;
using AwsCore.Runtime;
using AwsCore.Tests.Integration;
using AwsCore.Tests.Support;

namespace AwsCore.Tests.Resilience;

/// <summary>Clients pointed at a <see cref="LoopbackServer"/>, with fixed test credentials and an environment of their own.</summary>
internal static class FaultClients
{
    public const string AccessKey = "AKIDRESILIENCETEST";
    public const string SecretKey = "resilience-secret-key-0123456789";
    public const string SessionToken = "resilience-session-token-ABCDEFGH";

    public static AwsClient Create(LoopbackServer server, string service, RetryMode mode, int? maxAttempts = null,
        TimeSpan? readTimeout = null, AwsEventEmitter? events = null, ClientConfig? extra = null)
    {
        var config = new ClientConfig { Retries = new RetryConfig { Mode = mode, TotalMaxAttempts = maxAttempts } }.Merge(extra);
        if (readTimeout is { } timeout) config = config with { ReadTimeout = timeout };
        return AwsClientFactory.Create(service, new ClientOptions
        {
            Region = "us-east-1",
            EndpointUrl = server.Url.ToString(),
            Credentials = new AwsCredentials(AccessKey, SecretKey, SessionToken, source: "test"),
            Config = config,
            Environment = MotoClients.IsolatedEnvironment(),
            Events = events,
        });
    }
}

/// <summary>Error and success bodies in each protocol's own wire format.</summary>
internal static class Answers
{
    public static Task DynamoDbError(LoopbackConnection c, int status, string code) =>
        c.Respond(status, $"{{\"__type\":\"com.amazonaws.dynamodb.v20120810#{code}\",\"message\":\"{code} from the fault server\"}}",
            ("Content-Type", "application/x-amz-json-1.0"), ("x-amzn-RequestId", "fault-request"));

    public static Task DynamoDbTables(LoopbackConnection c) =>
        c.Respond(200, "{\"TableNames\":[\"t1\"]}", ("Content-Type", "application/x-amz-json-1.0"));

    public static Task StsError(LoopbackConnection c, int status, string code) =>
        c.Respond(status,
            "<ErrorResponse xmlns=\"https://sts.amazonaws.com/doc/2011-06-15/\"><Error><Type>Sender</Type>" +
            $"<Code>{code}</Code><Message>{code} from the fault server</Message></Error><RequestId>fault-request</RequestId></ErrorResponse>",
            ("Content-Type", "text/xml"));

    public static Task StsIdentity(LoopbackConnection c) =>
        c.Respond(200,
            "<GetCallerIdentityResponse xmlns=\"https://sts.amazonaws.com/doc/2011-06-15/\"><GetCallerIdentityResult>" +
            "<Arn>arn:aws:iam::123456789012:user/fault</Arn><UserId>AIDAFAULT</UserId><Account>123456789012</Account>" +
            "</GetCallerIdentityResult><ResponseMetadata><RequestId>ok</RequestId></ResponseMetadata></GetCallerIdentityResponse>",
            ("Content-Type", "text/xml"));
}

/// <summary>A loopback server whose handler is told the attempt number (1-based) and records when each request arrived.</summary>
internal sealed class FaultServer : IDisposable
{
    private readonly List<DateTime> _seen = new();
    private readonly LoopbackServer _server;

    public FaultServer(Func<int, LoopbackRequest, LoopbackConnection, Task> answer)
    {
        _server = new LoopbackServer(async (request, connection) =>
        {
            int attempt;
            lock (_seen)
            {
                _seen.Add(DateTime.UtcNow);
                attempt = _seen.Count;
            }
            await answer(attempt, request, connection).ConfigureAwait(false);
        });
    }

    public LoopbackServer Server => _server;

    public IReadOnlyList<LoopbackRequest> Requests => _server.Requests;

    /// <summary>Seconds between consecutive requests, from the times the handler recorded.</summary>
    public double[] Gaps()
    {
        DateTime[] seen;
        lock (_seen) seen = _seen.ToArray();
        return seen.Zip(seen.Skip(1), (a, b) => (b - a).TotalSeconds).ToArray();
    }

    public void Dispose() => _server.Dispose();
}
