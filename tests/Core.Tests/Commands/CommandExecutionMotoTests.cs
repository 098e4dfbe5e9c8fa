using System.Collections;
using AwsCore.Commands;
using AwsCore.Runtime;
using AwsCore.Tests.Integration;
using AwsCore.Tests.Support;

namespace AwsCore.Tests.Commands;

/// <summary>The command path without PowerShell: converted input, the real AwsClient against moto_server, shaped output.</summary>
[Collection(MotoCollection.Name)]
public sealed class CommandExecutionMotoTests
{
    private readonly MotoServer _moto;

    public CommandExecutionMotoTests(MotoServer moto) => _moto = moto;

    private (CommandExecution Execution, AwsClient Client) For(string service)
    {
        var client = MotoClients.Create(_moto, service);
        return (new CommandExecution(new AwsClientCaller(client), Made.Shaper), client);
    }

    private static List<object?> Run(CommandExecution execution, AwsClient client, string operation, object? input, PagingArguments? paging = null, string? query = null)
    {
        var op = client.Model.GetOperation(operation);
        return execution.Run(op, (IDictionary<string, object?>)ParameterConverter.ConvertInput(input, op.Input, ParameterConversionOptions.ForCommands()), paging ?? new PagingArguments(), query, default).ToList();
    }

    [Fact]
    public void S3ListingsStreamTypedItemsAndHonourThePagingParameters()
    {
        var (execution, s3) = For("s3");
        var bucket = MotoClients.Unique("awscore-cmd");
        Run(execution, s3, "CreateBucket", new Hashtable { ["Bucket"] = bucket });
        for (var i = 0; i < 9; i++)
            Run(execution, s3, "PutObject", new Hashtable { ["bucket"] = bucket, ["key"] = $"k{i}", ["body"] = "x" });

        var all = Run(execution, s3, "ListObjectsV2", new Hashtable { ["Bucket"] = bucket }, new PagingArguments { PageSize = 2 });
        Assert.Equal(9, all.Count);
        var first = Assert.IsType<Made>(all[0]);
        Assert.Equal("AwsCore.S3.Object", first.TypeName);
        Assert.Equal("k0", first["Key"]);

        var op = s3.Model.GetOperation("ListObjectsV2");
        var three = execution.Run(op, new Dictionary<string, object?> { ["Bucket"] = bucket }, new PagingArguments { PageSize = 2 }, null, default).Take(3).ToList();
        Assert.Equal(3, three.Count);

        Assert.Equal(4, Run(execution, s3, "ListObjectsV2", new Hashtable { ["Bucket"] = bucket }, new PagingArguments { PageSize = 3, MaxItems = 4 }).Count);

        var page = Assert.IsType<Made>(Assert.Single(Run(execution, s3, "ListObjectsV2", new Hashtable { ["Bucket"] = bucket }, new PagingArguments { NoPaginate = true, PageSize = 3 })));
        Assert.Equal("AwsCore.S3.ListObjectsV2Output", page.TypeName);
        Assert.Equal(3, Assert.IsType<object?[]>(page["Contents"]).Length);
        Assert.Equal(true, page["IsTruncated"]);
        var token = Assert.IsType<string>(page["NextContinuationToken"]);
        var rest = Run(execution, s3, "ListObjectsV2", new Hashtable { ["Bucket"] = bucket }, new PagingArguments { StartingToken = token, PageSize = 3, NoPaginate = true });
        var next = Assert.IsType<Made>(Assert.Single(rest));
        Assert.Equal("k3", Assert.IsType<Made>(Assert.IsType<object?[]>(next["Contents"])[0])["Key"]);

        var keys = Run(execution, s3, "ListObjectsV2", new Hashtable { ["Bucket"] = bucket }, new PagingArguments { PageSize = 4 }, "Contents[].Key");
        Assert.Equal(Enumerable.Range(0, 9).Select(i => (object?)$"k{i}"), keys);
    }

    [Fact]
    public void AGeneratedCommandsBoundParametersRunTheCall()
    {
        var (execution, s3) = For("s3");
        var bucket = MotoClients.Unique("awscore-bound");
        Run(execution, s3, "CreateBucket", new Hashtable { ["Bucket"] = bucket });
        for (var i = 0; i < 5; i++)
            Run(execution, s3, "PutObject", new Hashtable { ["Bucket"] = bucket, ["Key"] = $"b{i}", ["Body"] = "x" });

        // What Get-AwsS3Object -Bucket $bucket -MaxItems 3 -PageSize 2 -Verbose hands over as $PSBoundParameters.
        var plan = CommandPlanner.PlanService(s3.Model).Single(p => p.Name.Name == "Get-AwsS3Object");
        var bound = CommandArgumentBinder.Bind(plan, new Hashtable { ["Bucket"] = bucket, ["MaxItems"] = 3, ["PageSize"] = 2, ["Verbose"] = true });
        var items = Run(execution, s3, plan.Operation, bound.Input, bound.Paging, bound.CommonString("Query"));
        Assert.Equal(new[] { "b0", "b1", "b2" }, items.Select(i => (string)Assert.IsType<Made>(i)["Key"]!));
    }

    [Fact]
    public void ServiceErrorsCarryTheCodeTheErrorRecordIsBuiltFrom()
    {
        var (execution, s3) = For("s3");
        var e = Assert.ThrowsAny<AwsServiceException>(() => Run(execution, s3, "ListObjectsV2", new Hashtable { ["Bucket"] = "awscore-no-such-bucket" }, new PagingArguments { NoPaginate = true }));
        Assert.Equal("NoSuchBucket", ErrorIds.ForServiceError(e.ErrorCode));
        Assert.Equal("ObjectNotFound", ErrorCategoryMap.CategoryName(e.ErrorCode));
        Assert.Equal(404, e.StatusCode);
    }

    [Fact]
    public void DynamoDbScanWritesEachItem()
    {
        var (execution, dynamodb) = For("dynamodb");
        var table = MotoClients.Unique("awscore-cmd");
        Run(execution, dynamodb, "CreateTable", new Hashtable
        {
            ["TableName"] = table,
            ["KeySchema"] = new object[] { new Hashtable { ["AttributeName"] = "pk", ["KeyType"] = "HASH" } },
            ["AttributeDefinitions"] = new object[] { new Hashtable { ["AttributeName"] = "pk", ["AttributeType"] = "S" } },
            ["BillingMode"] = "PAY_PER_REQUEST",
        });
        for (var i = 1; i <= 3; i++)
            Run(execution, dynamodb, "PutItem", new Hashtable { ["TableName"] = table, ["Item"] = new Hashtable { ["pk"] = new Hashtable { ["S"] = $"item-{i}" } } });

        var items = Run(execution, dynamodb, "Scan", new Hashtable { ["TableName"] = table });
        Assert.Equal(3, items.Count);
        var values = items.Select(item => Assert.IsType<Made>(Assert.IsType<Dictionary<string, object?>>(item)["pk"])).ToList();
        Assert.All(values, v => Assert.Equal("AwsCore.DynamoDB.AttributeValue", v.TypeName));
        Assert.Equal(new[] { "item-1", "item-2", "item-3" }, values.Select(v => (string)v["S"]!).OrderBy(s => s));

        var missing = Assert.ThrowsAny<AwsServiceException>(() => Run(execution, dynamodb, "DescribeTable", new Hashtable { ["TableName"] = "awscore-missing" }));
        Assert.Equal("ObjectNotFound", ErrorCategoryMap.CategoryName(missing.ErrorCode));
    }
}
