using System.Text;
using AwsCore.Models;
using AwsCore.Runtime;
using AwsCore.Tests.Jmes;

namespace AwsCore.Tests.Waiters;

public sealed class WaiterTests
{
    /// <summary>Time that only moves when the waiter sleeps, so a 20-attempt wait takes no real time.</summary>
    private sealed class FakeClock : IWaiterClock
    {
        public List<TimeSpan> Sleeps { get; } = new();
        public TimeSpan Elapsed { get; private set; }

        public Task Delay(TimeSpan delay, CancellationToken cancellationToken)
        {
            cancellationToken.ThrowIfCancellationRequested();
            Sleeps.Add(delay);
            Elapsed += delay;
            return Task.CompletedTask;
        }
    }

    /// <summary>Answers each poll with the next scripted response (the last one repeats) and records the inputs.</summary>
    private sealed class ScriptedOperation
    {
        private readonly WaiterResponse[] _responses;
        public List<Dictionary<string, object?>> Inputs { get; } = new();

        public ScriptedOperation(params WaiterResponse[] responses) => _responses = responses;

        public Task<WaiterResponse> Poll(Dictionary<string, object?> input, CancellationToken _)
        {
            Inputs.Add(input);
            return Task.FromResult(_responses[Math.Min(Inputs.Count - 1, _responses.Length - 1)]);
        }
    }

    private static WaiterDefinition Botocore(string service, string waiter)
    {
        var dir = Directory.GetDirectories(Path.Combine(BotocoreData.Directory(), service)).OrderBy(d => d, StringComparer.Ordinal).Last();
        var file = Path.Combine(dir, "waiters-2.json");
        return WaiterDefinition.ParseFile(BotocoreData.ReadBytes(file), file)[waiter];
    }

    private static (Waiter Waiter, FakeClock Clock, ScriptedOperation Operation) Make(WaiterDefinition definition, params WaiterResponse[] responses)
    {
        var clock = new FakeClock();
        var operation = new ScriptedOperation(responses);
        return (new Waiter(definition, operation.Poll, () => clock), clock, operation);
    }

    private static WaiterResponse Ok(string json) => new(new AwsCore.Models.ValueMap(JsonTree(json)), 200);

    private static Dictionary<string, object?> JsonTree(string json)
    {
        using var document = System.Text.Json.JsonDocument.Parse(json);
        return (Dictionary<string, object?>)AwsCore.Jmes.JmesJson.ToTree(document.RootElement)!;
    }

    private static WaiterResponse Error(int status, string code, string message = "it failed") => new(null, status, code, message);

    [Fact]
    public void PathMatcherRetriesUntilSuccessWithTheModelsDelay()
    {
        var definition = Botocore("dynamodb", "TableExists");
        var (waiter, clock, operation) = Make(definition,
            Error(400, "ResourceNotFoundException"),
            Ok(@"{""Table"": {""TableStatus"": ""CREATING""}}"),
            Ok(@"{""Table"": {""TableStatus"": ""ACTIVE""}}"));
        var result = waiter.Wait(new Dictionary<string, object?> { ["TableName"] = "t" });
        Assert.Equal(3, result.Attempts);
        Assert.Equal(WaiterMatcher.Path, result.Acceptor!.Matcher);
        Assert.Equal(new[] { TimeSpan.FromSeconds(definition.Delay), TimeSpan.FromSeconds(definition.Delay) }, clock.Sleeps);
        Assert.All(operation.Inputs, i => Assert.Equal("t", i["TableName"]));
    }

    [Fact]
    public void StatusMatcherSucceedsAndRetries()
    {
        var (waiter, clock, _) = Make(Botocore("s3", "BucketExists"), Error(404, "NotFound", "Not Found"), Error(404, "NotFound"), new WaiterResponse(new(), 200));
        Assert.Equal(3, waiter.Wait().Attempts);
        Assert.Equal(2, clock.Sleeps.Count);

        // A 403 counts as existing (the bucket is someone else's), as the model says.
        var (forbidden, _, _) = Make(Botocore("s3", "BucketExists"), Error(403, "Forbidden"));
        Assert.Equal(1, forbidden.Wait().Attempts);
    }

    [Fact]
    public void PathAllNeedsEveryElementAndPathAnyFailsOnOne()
    {
        var definition = Botocore("ec2", "InstanceRunning");
        var (waiter, _, _) = Make(definition,
            Ok(@"{""Reservations"": [{""Instances"": [{""State"": {""Name"": ""running""}}, {""State"": {""Name"": ""pending""}}]}]}"),
            Ok(@"{""Reservations"": [{""Instances"": [{""State"": {""Name"": ""running""}}]}, {""Instances"": [{""State"": {""Name"": ""running""}}]}]}"));
        var result = waiter.Wait();
        Assert.Equal(2, result.Attempts);
        Assert.Equal(WaiterMatcher.PathAll, result.Acceptor!.Matcher);

        var (failing, _, _) = Make(definition,
            Ok(@"{""Reservations"": [{""Instances"": [{""State"": {""Name"": ""running""}}, {""State"": {""Name"": ""terminated""}}]}]}"));
        var error = Assert.Throws<WaiterException>(() => failing.Wait());
        Assert.Equal(WaiterFailure.FailureState, error.Failure);
        Assert.Equal("InstanceRunning", error.WaiterName);
        Assert.Equal(WaiterState.Failure, error.Acceptor!.State);
        Assert.Equal("terminated", error.Acceptor.Expected);
        Assert.StartsWith("Waiter InstanceRunning failed: Waiter encountered a terminal failure state: For expression \"Reservations[].Instances[].State.Name\" we matched expected path: \"terminated\" at least once", error.Message);
        Assert.Contains("last response: HTTP 200", error.Message);
    }

    [Fact]
    public void AnEmptyListMatchesNeitherPathAllNorPathAny()
    {
        var (waiter, _, operation) = Make(Botocore("ec2", "InstanceRunning"), Ok(@"{""Reservations"": []}"));
        var error = Assert.Throws<WaiterException>(() => waiter.Wait(options: new WaiterOptions { MaxAttempts = 2 }));
        Assert.Equal(WaiterFailure.MaxAttemptsExceeded, error.Failure);
        Assert.Equal(2, operation.Inputs.Count);
        Assert.StartsWith("Waiter InstanceRunning failed: Max attempts exceeded (after 2 attempts", error.Message);
    }

    [Fact]
    public void AnErrorNoAcceptorExpectsEndsTheWaitAtOnce()
    {
        var (waiter, _, operation) = Make(Botocore("dynamodb", "TableExists"), Error(400, "AccessDeniedException", "User is not authorized"));
        var error = Assert.Throws<WaiterException>(() => waiter.Wait());
        Assert.Equal(WaiterFailure.UnexpectedError, error.Failure);
        Assert.Equal("Waiter TableExists failed: An error occurred (AccessDeniedException): User is not authorized", error.Message);
        Assert.Single(operation.Inputs);
        Assert.Equal("AccessDeniedException", error.LastResponse!.ErrorCode);
    }

    [Theory]
    [InlineData(true, "Boom", true)]
    [InlineData(true, null, false)]
    [InlineData(false, null, true)]
    [InlineData(false, "Boom", false)]
    [InlineData("Boom", "Boom", true)]
    [InlineData("Boom", "Other", false)]
    public void ErrorMatcherTrueFalseAndCode(object expected, string? errorCode, bool matches)
    {
        var json = $@"{{""version"": 2, ""waiters"": {{""W"": {{""delay"": 1, ""maxAttempts"": 1, ""operation"": ""Op"", ""acceptors"": [
            {{""expected"": {System.Text.Json.JsonSerializer.Serialize(expected)}, ""matcher"": ""error"", ""state"": ""success""}}]}}}}}}";
        var acceptor = WaiterDefinition.ParseFile(Encoding.UTF8.GetBytes(json), "w.json")["W"].Acceptors[0];
        var response = errorCode is null ? new WaiterResponse(new(), 200) : new WaiterResponse(null, 400, errorCode);
        Assert.Equal(matches, Waiter.Matches(acceptor, response));
    }

    [Fact]
    public void MaxAttemptsAndDelayCanBeOverriddenAndTheLastMatchIsNamed()
    {
        var (waiter, clock, operation) = Make(Botocore("dynamodb", "TableExists"), Error(400, "ResourceNotFoundException", "Requested resource not found"));
        var error = Assert.Throws<WaiterException>(() => waiter.Wait(options: new WaiterOptions { MaxAttempts = 4, Delay = TimeSpan.FromMilliseconds(1500) }));
        Assert.Equal(4, operation.Inputs.Count);
        Assert.Equal(Enumerable.Repeat(TimeSpan.FromMilliseconds(1500), 3), clock.Sleeps);
        Assert.Equal(WaiterFailure.MaxAttemptsExceeded, error.Failure);
        Assert.Equal(4, error.Attempts);
        Assert.Equal(
            "Waiter TableExists failed: Max attempts exceeded. Previously accepted state: Matched expected service error code: ResourceNotFoundException "
            + "(after 4 attempts; last response: HTTP 400, ResourceNotFoundException: Requested resource not found)", error.Message);
    }

    [Fact]
    public void TheOverallTimeoutEndsTheWaitBeforeAttemptsRunOut()
    {
        var (waiter, clock, operation) = Make(Botocore("s3", "ObjectExists"), Error(404, "NotFound"));
        var error = Assert.Throws<WaiterException>(() => waiter.Wait(options: new WaiterOptions { Timeout = TimeSpan.FromSeconds(12) }));
        Assert.Equal(WaiterFailure.Timeout, error.Failure);
        Assert.Equal(3, operation.Inputs.Count);
        Assert.Equal(TimeSpan.FromSeconds(10), clock.Elapsed);
        Assert.Contains("Timeout of 00:00:12", error.Message);
    }

    [Fact]
    public async Task TheTimeoutCancelsAHangingRequest()
    {
        var definition = Botocore("s3", "ObjectExists");
        var waiter = new Waiter(definition, async (_, token) =>
        {
            await Task.Delay(Timeout.Infinite, token);
            return new WaiterResponse(new(), 200);
        });
        var started = DateTime.UtcNow;
        var error = await Assert.ThrowsAsync<WaiterException>(() => waiter.WaitAsync(options: new WaiterOptions { Timeout = TimeSpan.FromMilliseconds(200) }));
        Assert.Equal(WaiterFailure.Timeout, error.Failure);
        Assert.Equal(0, error.Attempts);
        Assert.True(DateTime.UtcNow - started < TimeSpan.FromSeconds(20));
    }

    [Fact]
    public async Task CancellationStopsTheWait()
    {
        using var cancel = new CancellationTokenSource();
        var polls = 0;
        var waiter = new Waiter(Botocore("s3", "BucketExists"), (_, _) =>
        {
            if (++polls == 2) cancel.Cancel();
            return Task.FromResult(new WaiterResponse(null, 404, "NotFound"));
        });
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => waiter.WaitAsync(options: new WaiterOptions { Delay = TimeSpan.FromMilliseconds(1) }, cancellationToken: cancel.Token));
        Assert.Equal(2, polls);
    }

    [Fact]
    public void AServiceExceptionBecomesAnErrorResponseTheErrorAcceptorsMatch()
    {
        var error = new AwsServiceException("ResourceNotFoundException", "Requested resource not found", 400, "req-1", "dynamodb", "DescribeTable",
            new Dictionary<string, object?>(), new Dictionary<string, object?>());
        var response = WaiterResponse.FromServiceError(error);
        Assert.Equal(new WaiterResponse(null, 400, "ResourceNotFoundException", "Requested resource not found"), response);
        var retry = Botocore("dynamodb", "TableExists").Acceptors.Single(a => a.Matcher == WaiterMatcher.Error);
        Assert.True(Waiter.Matches(retry, response));
    }

    [Fact]
    public void InvalidOverridesAreRefused()
    {
        var (waiter, _, _) = Make(Botocore("s3", "BucketExists"), new WaiterResponse(new(), 200));
        Assert.Throws<ArgumentOutOfRangeException>(() => waiter.Wait(options: new WaiterOptions { MaxAttempts = 0 }));
        Assert.Throws<ArgumentOutOfRangeException>(() => waiter.Wait(options: new WaiterOptions { Delay = TimeSpan.FromSeconds(-1) }));
    }
}
