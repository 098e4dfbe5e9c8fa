using System.Text.Json;
using AwsCore.Models;
using AwsCore.Runtime;

namespace AwsCore.Tests.Runtime;

public sealed class AwsEventEmitterTests
{
    private static readonly Lazy<ServiceModel> S3 = new(() => ModelLoader.Default.GetService("s3"));

    private static AwsEventArgs Args() => new(S3.Value.GetOperation("ListBuckets"));

    private static List<string> Fired(AwsEventEmitter emitter, string eventName)
    {
        var args = Args();
        var log = new List<string>();
        args.Context["log"] = log;
        emitter.Emit(eventName, args);
        return log;
    }

    private static AwsEventHandler Logs(string id) => e =>
    {
        ((List<string>)e.Context["log"]!).Add(id);
        return null;
    };

    [Fact]
    public void HandlersMatchByWholeNamePartsFromMostToLeastSpecific()
    {
        var emitter = new AwsEventEmitter();
        emitter.Register("before-call", Logs("all"));
        emitter.Register("before-call.s3", Logs("s3"));
        emitter.Register("before-call.s3.PutObject", Logs("put"));
        emitter.Register("before-call.s3.GetObject", Logs("get"));
        emitter.Register("before-call.s3control", Logs("s3control"));
        emitter.Register("after-call.s3", Logs("after"));
        Assert.Equal(new[] { "put", "s3", "all" }, Fired(emitter, "before-call.s3.PutObject"));
        Assert.Equal(new[] { "s3", "all" }, Fired(emitter, "before-call.s3.ListBuckets"));
        Assert.Equal(new[] { "s3control", "all" }, Fired(emitter, "before-call.s3control.GetJob"));
        Assert.Equal(new[] { "all" }, Fired(emitter, "before-call.dynamodb.GetItem"));
        Assert.Empty(Fired(emitter, "before-sign.s3.PutObject"));
    }

    [Fact]
    public void ServiceIdsNeverReachEachOther()
    {
        var emitter = new AwsEventEmitter();
        emitter.Register("before-call.auto-scaling-plans", Logs("plans"));
        emitter.Register("before-call.autoscaling", Logs("autoscaling"));
        var autoscaling = ModelLoader.Default.GetService("autoscaling");
        var plans = ModelLoader.Default.GetService("autoscaling-plans");
        Assert.Equal("auto-scaling", autoscaling.HyphenizedServiceId);
        Assert.Equal("auto-scaling-plans", plans.HyphenizedServiceId);
        // "autoscaling" is botocore's alias for "auto-scaling": it reaches Auto Scaling and only it.
        Assert.Equal(new[] { "autoscaling" }, Fired(emitter, AwsEventEmitter.EventName(AwsEvents.BeforeCall, autoscaling, "DescribeAutoScalingGroups")));
        Assert.Equal(new[] { "plans" }, Fired(emitter, AwsEventEmitter.EventName(AwsEvents.BeforeCall, plans, "CreateScalingPlan")));
    }

    [Fact]
    public void NamesSeenBeforeARegistrationReachTheNewHandlerTranslated()
    {
        // Lookups are cached by the name as emitted; registering must not leave a stale answer behind.
        var emitter = new AwsEventEmitter();
        Assert.Empty(Fired(emitter, "before-call.autoscaling.DescribeAutoScalingGroups"));
        Assert.False(emitter.HasHandlers("before-call.autoscaling.DescribeAutoScalingGroups"));

        string? seen = null;
        using var registration = emitter.Register("before-call.auto-scaling", e => seen = e.EventName);
        Assert.True(emitter.HasHandlers("before-call.autoscaling.DescribeAutoScalingGroups"));
        emitter.Emit("before-call.autoscaling.DescribeAutoScalingGroups", Args());
        Assert.Equal("before-call.auto-scaling.DescribeAutoScalingGroups", seen);

        registration.Dispose();
        Assert.False(emitter.HasHandlers("before-call.autoscaling.DescribeAutoScalingGroups"));
    }

    [Fact]
    public void FirstMiddleAndLastSectionsOrderHandlersOfOneName()
    {
        var emitter = new AwsEventEmitter();
        emitter.Register("before-call.s3", Logs("m1"));
        emitter.RegisterLast("before-call.s3", Logs("l1"));
        emitter.RegisterFirst("before-call.s3", Logs("f1"));
        emitter.Register("before-call.s3", Logs("m2"));
        emitter.RegisterFirst("before-call.s3", Logs("f2"));
        Assert.Equal(new[] { "f1", "f2", "m1", "m2", "l1" }, Fired(emitter, "before-call.s3.PutObject"));
    }

    [Fact]
    public void UnregisteringByHandleByHandlerOrByUniqueId()
    {
        var emitter = new AwsEventEmitter();
        var a = emitter.Register("before-call.s3", Logs("a"));
        var handlerB = Logs("b");
        emitter.Register("before-call.s3", handlerB);
        emitter.Register("before-call", Logs("c"), uniqueId: "c");
        Assert.Same(emitter.Register("before-call", Logs("c2"), uniqueId: "c").Handler, emitter.Register("before-call", Logs("c3"), uniqueId: "c").Handler);
        Assert.Equal(new[] { "a", "b", "c" }, Fired(emitter, "before-call.s3.X"));

        Assert.True(emitter.Unregister(a));
        Assert.False(emitter.Unregister(a));
        Assert.Equal(new[] { "b", "c" }, Fired(emitter, "before-call.s3.X"));
        Assert.True(emitter.Unregister("before-call.s3", handlerB));
        Assert.True(emitter.UnregisterUniqueId("c"));
        Assert.Empty(Fired(emitter, "before-call.s3.X"));
        Assert.False(emitter.HasHandlers("before-call.s3.X"));

        using (emitter.Register("before-call", Logs("scoped")))
            Assert.Equal(new[] { "scoped" }, Fired(emitter, "before-call.s3.X"));
        Assert.Empty(Fired(emitter, "before-call.s3.X"));
    }

    [Fact]
    public void HandlersChangeTheArgsAndTheFirstNonNullResponseWins()
    {
        var emitter = new AwsEventEmitter();
        var calls = 0;
        emitter.Register("before-parameter-build.s3", e =>
        {
            calls++;
            e.Parameters!["Bucket"] = "changed";
            return null;
        });
        emitter.Register("before-parameter-build", _ => { calls++; return "answer"; });
        emitter.Register("before-parameter-build", _ => { calls++; return "too late"; });
        var args = Args();
        args.Parameters = new Dictionary<string, object?> { ["Bucket"] = "original" };
        Assert.Equal("answer", emitter.EmitUntilResponse("before-parameter-build.s3.PutObject", args));
        Assert.Equal(2, calls);
        Assert.Equal("changed", args.Parameters["Bucket"]);
        Assert.Equal("before-parameter-build.s3.PutObject", args.EventName);

        var all = emitter.Emit("before-parameter-build.s3.PutObject", args);
        Assert.Equal(new object?[] { null, "answer", "too late" }, all.Select(r => r.Value));
        Assert.Null(new AwsEventEmitter().EmitUntilResponse("before-call.s3.X", args));
    }

    [Fact]
    public void CopiesAreIndependent()
    {
        var session = new AwsEventEmitter();
        session.Register("before-call", Logs("session"));
        var client = session.Copy();
        client.Register("before-call.s3", Logs("client"));
        session.Register("before-call.s3", Logs("later"));
        Assert.Equal(new[] { "client", "session" }, Fired(client, "before-call.s3.X"));
        Assert.Equal(new[] { "later", "session" }, Fired(session, "before-call.s3.X"));
    }

    [Fact]
    public void RegistrationsAndEmitsMayRaceFromManyThreads()
    {
        var emitter = new AwsEventEmitter();
        emitter.Register("before-call", Logs("fixed"));
        var errors = 0;
        Parallel.For(0, 2000, new ParallelOptions { MaxDegreeOfParallelism = 8 }, i =>
        {
            try
            {
                var registration = emitter.Register($"before-call.svc{i % 10}", Logs("x"));
                var fired = Fired(emitter, $"before-call.svc{i % 10}.Op");
                if (!fired.Contains("fixed") || fired.Count < 2) Interlocked.Increment(ref errors);
                emitter.Unregister(registration);
            }
            catch (Exception)
            {
                Interlocked.Increment(ref errors);
            }
        });
        Assert.Equal(0, errors);
        Assert.Equal(new[] { "fixed" }, Fired(emitter, "before-call.svc3.Op"));
    }

    private const string Script = """
        import json, sys
        from botocore.hooks import HierarchicalEmitter, EventAliaser
        data = json.load(sys.stdin)
        emitter = EventAliaser(HierarchicalEmitter())
        def make(i):
            return lambda **kwargs: kwargs['log'].append(i)
        for i, (name, section) in enumerate(data['registrations']):
            {'first': emitter.register_first, 'middle': emitter.register, 'last': emitter.register_last}[section](name, make(i))
        out = []
        for name in data['emits']:
            log = []
            emitter.emit(name, log=log)
            out.append(log)
        print(json.dumps(out))
        """;

    [Fact]
    public void SameHandlersInTheSameOrderAsBotocore()
    {
        var registrations = new[]
        {
            ("before-call", "middle"), ("before-call.s3", "last"), ("before-call.s3", "first"), ("before-call.s3.PutObject", "middle"),
            ("before-call.*.PutObject", "middle"), ("before-call.*", "middle"), ("*.s3", "middle"), ("before-call.s3.*", "first"),
            ("before-call.autoscaling", "middle"), ("before-call.auto-scaling-plans", "middle"), ("before-call.logs", "middle"),
            ("before-call.data.iot", "middle"), ("before-call.iot-data-plane.Publish", "first"), ("after-call.s3", "middle"),
            ("before-call", "first"), ("before-call.s3.PutObject", "last"), ("needs-retry.dynamodb", "middle"),
        };
        var emits = new[]
        {
            "before-call.s3.PutObject", "before-call.s3.GetObject", "before-call.s3", "before-call", "before-call.s3control.GetJob",
            "before-call.auto-scaling.DescribeAutoScalingGroups", "before-call.auto-scaling-plans.CreateScalingPlan",
            "before-call.autoscaling.DescribeAutoScalingGroups", "before-call.cloudwatch-logs.PutLogEvents",
            "before-call.iot-data-plane.Publish", "before-call.data.iot.Publish", "after-call.s3.PutObject", "needs-retry.dynamodb.GetItem",
            "needs-retry.s3.PutObject", "other.s3.PutObject",
        };
        var json = JsonSerializer.Serialize(new { registrations = registrations.Select(r => new[] { r.Item1, r.Item2 }), emits });
        var expected = JsonSerializer.Deserialize<List<List<int>>>(PythonScript.Run(Script, json))!;

        var emitter = new AwsEventEmitter();
        for (var i = 0; i < registrations.Length; i++)
        {
            var id = i.ToString();
            var position = registrations[i].Item2 switch { "first" => HandlerPosition.First, "last" => HandlerPosition.Last, _ => HandlerPosition.Middle };
            emitter.Register(registrations[i].Item1, Logs(id), position);
        }
        for (var i = 0; i < emits.Length; i++)
            Assert.True(expected[i].Select(n => n.ToString()).SequenceEqual(Fired(emitter, emits[i])),
                $"{emits[i]}: botocore [{string.Join(",", expected[i])}], ours [{string.Join(",", Fired(emitter, emits[i]))}]");
    }
}
