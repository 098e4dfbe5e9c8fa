using AwsCore.Models;
using AwsCore.Runtime;
using AwsCore.Tests.Integration;
using AwsCore.Tests.Support;

namespace AwsCore.Tests.Differential;

/// <summary>Waiters against moto: an acceptor in the failure state ends the wait with that acceptor named; an error acceptor can mean success.</summary>
[Collection(MotoCollection.Name)]
public sealed class WaiterFailureAgainstMotoTests
{
    private static readonly WaiterOptions Quick = new() { Delay = TimeSpan.FromMilliseconds(100), MaxAttempts = 10 };
    private readonly MotoServer _moto;

    public WaiterFailureAgainstMotoTests(MotoServer moto) => _moto = moto;

    [Fact]
    public async Task InstanceRunningOnATerminatedInstanceFailsOnItsTerminatedAcceptor()
    {
        var ec2 = MotoClients.Create(_moto, "ec2");
        var images = await ec2.InvokeAsync("DescribeImages");
        var imageId = (string)MotoClients.Walk(images, "Images", "0", "ImageId")!;
        var run = await ec2.InvokeAsync("RunInstances", new Dictionary<string, object?>
        {
            ["ImageId"] = imageId, ["InstanceType"] = "t3.micro", ["MinCount"] = 1, ["MaxCount"] = 1,
        });
        var instanceId = (string)MotoClients.Walk(run, "Instances", "0", "InstanceId")!;
        await ec2.InvokeAsync("TerminateInstances", new Dictionary<string, object?> { ["InstanceIds"] = new List<object?> { instanceId } });

        var error = await Assert.ThrowsAsync<WaiterException>(() =>
            ec2.WaitAsync("InstanceRunning", new Dictionary<string, object?> { ["InstanceIds"] = new List<object?> { instanceId } }, Quick));

        Assert.Equal(WaiterFailure.FailureState, error.Failure);
        Assert.Equal("InstanceRunning", error.WaiterName);
        Assert.NotNull(error.Acceptor);
        Assert.Equal(WaiterState.Failure, error.Acceptor!.State);
        Assert.Equal(WaiterMatcher.PathAny, error.Acceptor.Matcher);
        Assert.Equal("terminated", error.Acceptor.Expected);
        Assert.Equal(1, error.Attempts);
        Assert.Contains("terminated", error.Message);
    }

    [Fact]
    public async Task TableNotExistsSucceedsOnceTheTableIsDeleted()
    {
        var dynamodb = MotoClients.Create(_moto, "dynamodb");
        var table = MotoClients.Unique("awscore-waiter");
        await dynamodb.InvokeAsync("CreateTable", new Dictionary<string, object?>
        {
            ["TableName"] = table,
            ["AttributeDefinitions"] = new List<object?> { new Dictionary<string, object?> { ["AttributeName"] = "pk", ["AttributeType"] = "S" } },
            ["KeySchema"] = new List<object?> { new Dictionary<string, object?> { ["AttributeName"] = "pk", ["KeyType"] = "HASH" } },
            ["BillingMode"] = "PAY_PER_REQUEST",
        });
        await dynamodb.WaitAsync("TableExists", new Dictionary<string, object?> { ["TableName"] = table }, Quick);
        await dynamodb.InvokeAsync("DeleteTable", new Dictionary<string, object?> { ["TableName"] = table });

        var result = await dynamodb.WaitAsync("TableNotExists", new Dictionary<string, object?> { ["TableName"] = table }, Quick);

        Assert.NotNull(result.Acceptor);
        Assert.Equal(WaiterState.Success, result.Acceptor!.State);
        Assert.Equal(WaiterMatcher.Error, result.Acceptor.Matcher);
        Assert.Equal("ResourceNotFoundException", result.Acceptor.Expected);
    }
}
