using System.Text.Json;
using AwsCore.Http;
using AwsCore.Tests.Endpoints;
using Xunit.Abstractions;

namespace AwsCore.Tests.Retries;

/// <summary>
/// Legacy, standard and adaptive decisions against botocore's own classes over the same scenarios, random numbers and
/// clock readings: every delay, quota level and rate must match.
/// </summary>
public sealed class BotocoreRetryDifferentialTests
{
    private static readonly double[] Randoms = { 0.11, 0.93, 0.5, 0.02, 0.77, 0.31, 0.64, 0.999, 0.0, 0.45 };

    private static readonly string[] LegacyServices =
        { "dynamodb", "ec2", "s3", "sqs", "organizations", "kinesis", "sts", "glacier", "route53", "lambda", "cloudsearch" };

    private static readonly (int? Status, string? Code, string Transport, bool Crc)[] Outcomes =
    {
        (200, null, "None", false), (200, null, "None", true), (400, "ThrottlingException", "None", false),
        (400, "Throttling", "None", false), (400, "ProvisionedThroughputExceededException", "None", false),
        (400, "TransactionInProgressException", "None", false), (409, "ReplicatedWriteConflictException", "None", false),
        (429, null, "None", false), (400, "TooManyRequestsException", "None", false), (500, "InternalError", "None", false),
        (502, null, "None", false), (503, "RequestLimitExceeded", "None", false), (503, "EC2ThrottledException", "None", false),
        (504, null, "None", false), (509, null, "None", false), (509, "BandwidthLimitExceeded", "None", false),
        (400, "RequestTimeout", "None", false), (400, "BadDigest", "None", false), (408, "RequestTimeoutException", "None", false),
        (400, "PriorRequestNotComplete", "None", false), (400, "IDPCommunicationError", "None", false),
        (403, "RequestThrottled", "None", false), (400, "LimitExceededException", "None", false), (400, "SlowDown", "None", false),
        (404, "NoSuchKey", "None", false), (400, "ValidationException", "None", false), (null, null, "Connection", false),
        (null, null, "ConnectTimeout", false), (null, null, "ReadTimeout", false), (null, null, "OtherHttpClientError", false),
    };

    private readonly ITestOutputHelper _output;

    public BotocoreRetryDifferentialTests(ITestOutputHelper output) => _output = output;

    [Fact]
    public void DecisionsMatchBotocore()
    {
        var legacyConfig = LegacyRetryConfig.Load(Path.Combine(PythonBotocore.Data, "_retry.json"));

        var legacyCases = new List<(string Service, int? Max, int N, int Outcome)>();
        foreach (var service in LegacyServices)
            for (var o = 0; o < Outcomes.Length; o++)
                foreach (var n in new[] { 1, 3, 4, 5, 9, 10 })
                    legacyCases.Add((service, n == 3 && o % 3 == 0 ? 3 : null, n, o));

        var random = new Random(7);
        var standardCases = new List<(string Service, int Max, List<List<(int N, int Outcome)>> Requests)>();
        foreach (var service in new[] { "dynamodb", "sts", "s3" })
        {
            foreach (var max in new[] { 1, 3, 5 })
            {
                var requests = new List<List<(int, int)>>();
                for (var r = 0; r < 60; r++)
                    requests.Add(Enumerable.Range(1, 5).Select(n => (n, random.Next(Outcomes.Length))).ToList());
                standardCases.Add((service, max, requests));
            }
        }

        var adaptiveCases = new List<(double Start, List<(double T, string? Code)> Events)>();
        for (var c = 0; c < 6; c++)
        {
            var t = 1000.0 + c * 3.3;
            var events = new List<(double, string?)>();
            for (var e = 0; e < 80; e++)
            {
                t += random.NextDouble() * 0.4;
                events.Add((t, random.Next(5) == 0 ? (random.Next(2) == 0 ? "ThrottlingException" : "SlowDown") : null));
            }
            adaptiveCases.Add((1000.0 + c * 3.3, events));
        }

        var request = JsonSerializer.Serialize(new
        {
            randoms = Randoms,
            legacy = legacyCases.Select(c => new { service = c.Service, max = c.Max, attempt = Json(c.N, c.Outcome) }),
            standard = standardCases.Select(c => new
            {
                service = c.Service, max = c.Max, requests = c.Requests.Select(r => r.Select(a => Json(a.N, a.Outcome))),
            }),
            adaptive = adaptiveCases.Select(c => new { start = c.Start, events = c.Events.Select(e => new object?[] { e.T, e.Code }) }),
        });
        using var answer = JsonDocument.Parse(PythonBotocore.Run(BotocoreRetryHarness.Script, request));
        var root = answer.RootElement;
        var failures = new List<string>();
        var next = 0;
        Func<double> sequence = () => Randoms[next++ % Randoms.Length];

        var retried = 0;
        for (var i = 0; i < legacyCases.Count; i++)
        {
            var (service, max, n, outcome) = legacyCases[i];
            var strategy = new LegacyRetryStrategy(legacyConfig.ForService(service, max), sequence);
            var decision = strategy.Evaluate(strategy.BeginRequest(), Attempt(n, outcome));
            var expected = root.GetProperty("legacy")[i];
            if (decision.ShouldRetry) retried++;
            if (!SameDelay(expected, decision))
                failures.Add($"legacy {service} max={max} {Attempt(n, outcome)}: botocore {expected}, AwsCore {decision}");
        }

        for (var i = 0; i < standardCases.Count; i++)
        {
            var (service, max, requests) = standardCases[i];
            var strategy = new StandardRetryStrategy(service, max, new RetryQuota(), sequence);
            var rows = root.GetProperty("standard")[i];
            var row = 0;
            foreach (var attempts in requests)
            {
                var state = strategy.BeginRequest();
                foreach (var (n, outcome) in attempts)
                {
                    var decision = strategy.Evaluate(state, Attempt(n, outcome));
                    if (row >= rows.GetArrayLength())
                    {
                        failures.Add($"standard {service} max={max} {Attempt(n, outcome)}: botocore stopped earlier, AwsCore {decision}");
                        break;
                    }
                    var expected = rows[row++];
                    if (!SameDelay(expected[0], decision) || expected[1].GetInt32() != strategy.Quota.Available)
                        failures.Add($"standard {service} max={max} {Attempt(n, outcome)}: botocore {expected}, AwsCore {decision} quota {strategy.Quota.Available}");
                    if (!decision.ShouldRetry) break;
                }
            }
            if (row != rows.GetArrayLength()) failures.Add($"standard {service} max={max}: {row} attempts, botocore {rows.GetArrayLength()}");
        }

        for (var i = 0; i < adaptiveCases.Count; i++)
        {
            var (start, events) = adaptiveCases[i];
            var now = start;
            var limiter = new RetryRateLimiter(() => now);
            var rows = root.GetProperty("adaptive")[i];
            for (var e = 0; e < events.Count; e++)
            {
                now = events[e].T;
                limiter.OnResponse(RetryErrorCodes.IsThrottling(new RetryAttempt { StatusCode = 400, ErrorCode = events[e].Code }));
                var expected = rows[e];
                if (!Close(expected[0].GetDouble(), limiter.Bucket.MaxRate) || !Close(expected[1].GetDouble(), limiter.MeasuredRate)
                    || expected[2].GetBoolean() != limiter.Enabled || !Close(expected[3].GetDouble(), limiter.Bucket.AvailableCapacity))
                    failures.Add($"adaptive case {i} event {e}: botocore {expected}, AwsCore [{limiter.Bucket.MaxRate}, {limiter.MeasuredRate}, {limiter.Enabled}, {limiter.Bucket.AvailableCapacity}]");
            }
        }

        _output.WriteLine($"{legacyCases.Count} legacy decisions ({retried} retries), {standardCases.Count} standard sequences, {adaptiveCases.Count} adaptive traces");
        Assert.True(retried > 100 && retried < legacyCases.Count - 100, $"the scenarios should both retry and stop ({retried})");
        Assert.True(failures.Count == 0, string.Join("\n", failures.Take(25)));
    }

    private static object Json(int n, int outcome)
    {
        var (status, code, transport, crc) = Outcomes[outcome];
        return new { n, status, code, transport, crc };
    }

    private static RetryAttempt Attempt(int n, int outcome)
    {
        var (status, code, transport, crc) = Outcomes[outcome];
        return new RetryAttempt
        {
            AttemptNumber = n,
            StatusCode = status,
            ErrorCode = code,
            TransportError = Enum.Parse<RetryTransportError>(transport),
            Crc32Mismatch = crc,
        };
    }

    private static bool SameDelay(JsonElement expected, RetryDecision decision) =>
        expected.ValueKind == JsonValueKind.Null
            ? !decision.ShouldRetry
            : decision.ShouldRetry && Math.Abs(expected.GetDouble() - decision.Delay.TotalSeconds) < 1e-6;

    private static bool Close(double a, double b) => Math.Abs(a - b) <= 1e-9 * Math.Max(1, Math.Abs(a));
}
