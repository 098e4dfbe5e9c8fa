using AwsCore.Http;
using AwsCore.Runtime;

namespace AwsCore.Tests.Resilience;

/// <summary>botocore's events, through AwsClient calls that a loopback server answers.</summary>
public sealed class EventTests
{
    [Fact]
    public async Task ABeforeCallHandlerAnswersTheCallWithoutSendingIt()
    {
        using var fault = new FaultServer((_, _, c) => Answers.StsIdentity(c));
        var client = FaultClients.Create(fault.Server, "sts", RetryMode.Standard);
        client.Events.Register("before-call.sts.GetCallerIdentity", _ =>
            new AwsEventResponse(null, new Dictionary<string, object?> { ["Account"] = "999999999999" }));

        var output = await client.InvokeAsync("GetCallerIdentity");

        Assert.Equal("999999999999", output["Account"]);
        Assert.Empty(fault.Requests);
    }

    [Fact]
    public async Task HandlersRegisteredAfterEarlierCallsStillRun()
    {
        // A client keeps one invoker per operation and events are looked up from a cache: neither may hide a handler
        // registered after the operation was first called, nor keep one that was removed.
        using var fault = new FaultServer((_, _, c) => Answers.StsIdentity(c));
        var client = FaultClients.Create(fault.Server, "sts", RetryMode.Standard);
        await client.InvokeAsync("GetCallerIdentity");

        var registration = client.Events.Register("before-sign.sts.GetCallerIdentity", e =>
        {
            e.Request!.Headers["X-Late-Handler"] = "ran";
            return null;
        });
        await client.InvokeAsync("GetCallerIdentity");
        registration.Dispose();
        await client.InvokeAsync("GetCallerIdentity");

        Assert.Equal(3, fault.Requests.Count);
        Assert.False(fault.Requests[0].Headers.ContainsKey("X-Late-Handler"));
        Assert.Equal("ran", fault.Requests[1].Headers["X-Late-Handler"]);
        Assert.False(fault.Requests[2].Headers.ContainsKey("X-Late-Handler"));
    }

    [Fact]
    public async Task ABeforeParameterBuildHandlerChangesWhatIsSent()
    {
        using var fault = new FaultServer((_, _, c) => Answers.DynamoDbTables(c));
        var client = FaultClients.Create(fault.Server, "dynamodb", RetryMode.Standard);
        client.Events.Register("before-parameter-build.dynamodb.ListTables", e =>
        {
            e.Parameters!["Limit"] = 7;
            return null;
        });

        await client.InvokeAsync("ListTables", new Dictionary<string, object?> { ["Limit"] = 3 });

        Assert.Matches("\"Limit\":\\s*7\\b", System.Text.Encoding.UTF8.GetString(Assert.Single(fault.Requests).Body));
    }

    [Theory]
    [InlineData("request-created")]
    [InlineData("before-sign")]
    public async Task AHeaderAddedBeforeSigningReachesTheServerAndIsSigned(string eventName)
    {
        using var fault = new FaultServer((_, _, c) => Answers.StsIdentity(c));
        var client = FaultClients.Create(fault.Server, "sts", RetryMode.Standard);
        client.Events.Register(eventName + ".sts", e =>
        {
            e.Request!.Headers["X-Resilience-Test"] = eventName;
            return null;
        });

        await client.InvokeAsync("GetCallerIdentity");

        var seen = Assert.Single(fault.Requests);
        Assert.Equal(eventName, seen.Headers["X-Resilience-Test"]);
        Assert.Contains("x-resilience-test", seen.Headers["Authorization"]);
    }

    [Fact]
    public async Task AfterCallSeesTheParsedOutput()
    {
        using var fault = new FaultServer((_, _, c) => Answers.StsIdentity(c));
        var client = FaultClients.Create(fault.Server, "sts", RetryMode.Standard);
        IDictionary<string, object?>? parsed = null;
        client.Events.Register("after-call.sts.GetCallerIdentity", e => { parsed = e.Parsed; return null; });

        await client.InvokeAsync("GetCallerIdentity");

        Assert.NotNull(parsed);
        Assert.Equal("arn:aws:iam::123456789012:user/fault", parsed!["Arn"]);
    }

    [Fact]
    public async Task NeedsRetryFiresOncePerAttemptThatFailed()
    {
        using var fault = new FaultServer((attempt, _, c) =>
            attempt < 3 ? Answers.DynamoDbError(c, 500, "InternalServerError") : Answers.DynamoDbTables(c));
        var client = FaultClients.Create(fault.Server, "dynamodb", RetryMode.Standard);
        var attempts = new List<int>();
        client.Events.Register("needs-retry.dynamodb", e => { attempts.Add(e.Attempt); return null; });

        await client.InvokeAsync("ListTables");

        Assert.Equal(new[] { 1, 2 }, attempts);
    }

    [Fact]
    public async Task ServiceIdsKeepAutoScalingAndAutoScalingPlansApart()
    {
        using var fault = new FaultServer((_, request, c) => request.Headers.ContainsKey("X-Amz-Target")
            ? c.Respond(200, "{\"ScalingPlans\":[]}", ("Content-Type", "application/x-amz-json-1.1"))
            : c.Respond(200, "<DescribeAutoScalingGroupsResponse xmlns=\"http://autoscaling.amazonaws.com/doc/2011-01-01/\">" +
                "<DescribeAutoScalingGroupsResult><AutoScalingGroups/></DescribeAutoScalingGroupsResult></DescribeAutoScalingGroupsResponse>",
                ("Content-Type", "text/xml")));
        var events = new AwsEventEmitter();
        var fired = new List<string>();
        events.Register("before-call.auto-scaling-plans", e => { fired.Add("plans:" + e.Operation.Name); return null; });
        events.Register("before-call.autoscaling", e => { fired.Add("autoscaling:" + e.Operation.Name); return null; });
        var plans = FaultClients.Create(fault.Server, "autoscaling-plans", RetryMode.Standard, events: events);
        var autoscaling = FaultClients.Create(fault.Server, "autoscaling", RetryMode.Standard, events: events);

        await plans.InvokeAsync("DescribeScalingPlans");
        await autoscaling.InvokeAsync("DescribeAutoScalingGroups");

        Assert.Equal(new[] { "plans:DescribeScalingPlans", "autoscaling:DescribeAutoScalingGroups" }, fired);
    }

    [Fact]
    public async Task AnUnregisteredHandlerNoLongerFires()
    {
        using var fault = new FaultServer((_, _, c) => Answers.StsIdentity(c));
        var client = FaultClients.Create(fault.Server, "sts", RetryMode.Standard);
        var calls = 0;
        AwsEventHandler handler = _ => { calls++; return null; };
        var registration = client.Events.Register("before-call.sts", handler);
        client.Events.Register("after-call", _ => { calls += 100; return null; }, uniqueId: "counter");

        await client.InvokeAsync("GetCallerIdentity");
        Assert.Equal(101, calls);

        Assert.True(client.Events.Unregister(registration));
        Assert.True(client.Events.UnregisterUniqueId("counter"));
        await client.InvokeAsync("GetCallerIdentity");

        Assert.Equal(101, calls);
        Assert.Equal(2, fault.Requests.Count);
    }
}
