using System.Text;
using AwsCore.Protocols;

namespace AwsCore.Tests.Protocols;

public sealed class SerializerBehaviourTests
{
    [Fact]
    public void AbsentIdempotencyTokensGetANewUuidWithoutTouchingTheCallersParameters()
    {
        var operation = BotocoreModels.Load("ec2").GetOperation("RunInstances");
        var parameters = new Dictionary<string, object?> { ["MinCount"] = 1, ["MaxCount"] = 1 };

        var first = Encoding.UTF8.GetString(ProtocolRegistry.For("ec2").Serializer.Serialize(operation, parameters).Body);
        var second = Encoding.UTF8.GetString(ProtocolRegistry.For("ec2").Serializer.Serialize(operation, parameters).Body);

        var token = System.Text.RegularExpressions.Regex.Match(first, "ClientToken=([0-9a-f-]{36})").Groups[1].Value;
        Assert.True(Guid.TryParse(token, out _), first);
        Assert.DoesNotContain(token, second);
        Assert.False(parameters.ContainsKey("ClientToken"));
    }

    [Fact]
    public void AGivenIdempotencyTokenIsKept()
    {
        var operation = BotocoreModels.Load("ec2").GetOperation("RunInstances");
        var body = Encoding.UTF8.GetString(ProtocolRegistry.For("ec2").Serializer.Serialize(operation,
            new Dictionary<string, object?> { ["MinCount"] = 1, ["MaxCount"] = 1, ["ClientToken"] = "mine" }).Body);
        Assert.Contains("ClientToken=mine", body);
    }

    [Fact]
    public void AWrongValueIsReportedWithItsParameterPath()
    {
        var operation = BotocoreModels.Load("dynamodb").GetOperation("PutItem");
        var parameters = new Dictionary<string, object?>
        {
            ["TableName"] = "t",
            ["Item"] = new Dictionary<string, object?> { ["pk"] = new Dictionary<string, object?> { ["L"] = new List<object?> { new Dictionary<string, object?> { ["BOOL"] = new object() } } } },
        };
        var error = Assert.Throws<ArgumentException>(() => ProtocolRegistry.For("json").Serializer.Serialize(operation, parameters));
        Assert.Contains("Item.pk.L[0].BOOL: expected a boolean, got Object", error.Message);
    }

    [Fact]
    public void AnUnknownParameterIsNamed()
    {
        var operation = BotocoreModels.Load("sqs").GetOperation("SendMessage");
        var error = Assert.Throws<ArgumentException>(() => ProtocolRegistry.For("json").Serializer.Serialize(operation,
            new Dictionary<string, object?> { ["QueueUrl"] = "u", ["MessageBody"] = "b", ["Bogus"] = 1 }));
        Assert.Contains("Bogus: unknown parameter", error.Message);
    }

    [Fact]
    public void AStreamPayloadIsPassedOnUnread()
    {
        var operation = BotocoreModels.Load("s3").GetOperation("PutObject");
        var stream = new MemoryStream(new byte[] { 1, 2, 3 });
        var request = ProtocolRegistry.For("rest-xml").Serializer.Serialize(operation,
            new Dictionary<string, object?> { ["Bucket"] = "b", ["Key"] = "dir/a b.txt", ["Body"] = stream, ["Metadata"] = new Dictionary<string, object?> { ["colour"] = "blue" } });
        Assert.Same(stream, request.BodyStream);
        Assert.Equal(0, stream.Position);
        Assert.Equal("/b/dir/a%20b.txt", request.PathAndQuery);
        Assert.Equal("blue", request.Headers["x-amz-meta-colour"]);
    }

    [Fact]
    public void HostLabelsFillTheHostPrefixAndAreValidated()
    {
        var operation = BotocoreModels.Load("s3control").GetOperation("GetPublicAccessBlock");
        var request = ProtocolRegistry.For("rest-xml").Serializer.Serialize(operation, new Dictionary<string, object?> { ["AccountId"] = "123456789012" });
        Assert.Equal("123456789012.", request.HostPrefix);
        var error = Assert.Throws<ArgumentException>(() => ProtocolRegistry.For("rest-xml").Serializer.Serialize(operation, new Dictionary<string, object?> { ["AccountId"] = "bad/label" }));
        Assert.Contains("AccountId", error.Message);
    }

    [Fact]
    public void TimestampInputFormsAreAllAccepted()
    {
        var operation = BotocoreModels.Load("cloudwatch").GetOperation("GetMetricStatistics");
        var serializer = ProtocolRegistry.For("query").Serializer;
        string Body(object start) => Encoding.UTF8.GetString(serializer.Serialize(operation, new Dictionary<string, object?>
        {
            ["Namespace"] = "n", ["MetricName"] = "m", ["StartTime"] = start, ["EndTime"] = start, ["Period"] = 60,
        }).Body);
        var expected = "StartTime=2024-01-02T03%3A04%3A05Z";
        Assert.Contains(expected, Body(new DateTime(2024, 1, 2, 3, 4, 5, DateTimeKind.Utc)));
        Assert.Contains(expected, Body(new DateTimeOffset(2024, 1, 2, 5, 4, 5, TimeSpan.FromHours(2))));
        Assert.Contains(expected, Body("2024-01-02T03:04:05Z"));
        Assert.Contains(expected, Body(1704164645L));
        Assert.Contains("StartTime=2024-01-02T03%3A04%3A05.250000Z", Body(1704164645.25));
    }
}
