using AwsCore.Commands;

namespace AwsCore.Tests.Commands;

public sealed class OutputShaperTests
{
    [Fact]
    public void StructuresGetServiceAndShapeTypeNamesAtEveryLevel()
    {
        var op = CommandTestModels.Sample().GetOperation("PutThing");
        var output = new Dictionary<string, object?>
        {
            ["Thing"] = new Dictionary<string, object?> { ["Key"] = "k", ["Value"] = "v" },
            ["Things"] = new List<object?> { new Dictionary<string, object?> { ["Key"] = "a" } },
            ["Labels"] = new Dictionary<string, object?> { ["x"] = new Dictionary<string, object?> { ["Value"] = "y" } },
            ["ResponseMetadata"] = new Dictionary<string, object?> { ["RequestId"] = "r-1" },
        };
        var made = Assert.IsType<Made>(Made.Shaper.ShapeOutput(op, output));
        Assert.Equal("AwsCore.SampleService.PutThingOutput", made.TypeName);
        Assert.Equal(new[] { "Thing", "Things", "Labels", "Count", "ResponseMetadata" }, made.Properties.Select(p => p.Key));
        Assert.Null(made["Count"]);
        Assert.Equal("AwsCore.SampleService.Inner", Assert.IsType<Made>(made["Thing"]).TypeName);
        var items = Assert.IsType<object?[]>(made["Things"]);
        var first = Assert.IsType<Made>(Assert.Single(items));
        Assert.Equal("a", first["Key"]);
        Assert.Null(first["Value"]);
        var labels = Assert.IsType<Dictionary<string, object?>>(made["Labels"]);
        Assert.Equal("AwsCore.SampleService.Inner", Assert.IsType<Made>(labels["x"]).TypeName);
        var metadata = Assert.IsType<Dictionary<string, object?>>(made["ResponseMetadata"]);
        Assert.Equal("r-1", metadata["RequestId"]);
    }

    [Fact]
    public void ValuesThatDoNotFitTheirShapeStayUntyped()
    {
        var op = CommandTestModels.Sample().GetOperation("PutThing");
        var made = Assert.IsType<Made>(Made.Shaper.ShapeOutput(op, new Dictionary<string, object?> { ["Thing"] = "text", ["Count"] = 3 }));
        Assert.Equal("text", made["Thing"]);
        Assert.Equal(3, made["Count"]);
        Assert.Null(Made.Shaper.Shape(null, op.Output));
        Assert.Equal(new object?[] { 1L }, Made.Shaper.Shape(new List<object?> { 1L }, null));
    }

    [Theory]
    [InlineData("s3", "ListBuckets", "AwsCore.S3.ListBucketsOutput")]
    [InlineData("dynamodb", "Scan", "AwsCore.DynamoDB.ScanOutput")]
    [InlineData("autoscaling-plans", "DescribeScalingPlans", "AwsCore.AutoScalingPlans.DescribeScalingPlansResponse")]
    public void TypeNamesUseTheServiceIdWithoutSpaces(string service, string operation, string typeName)
    {
        var model = CommandTestModels.Service(service);
        Assert.Equal(typeName, OutputShaper.TypeName(model, model.GetOperation(operation).Output!.Name));
    }

    [Fact]
    public void PaginatedOperationsStreamThePrimaryResultKeyItems()
    {
        var s3 = CommandTestModels.Service("s3");
        var listObjects = PagedResult.For(s3, "ListObjectsV2")!;
        Assert.Equal("Contents", listObjects.PrimaryResultKey);
        Assert.Equal(new[] { "Contents", "CommonPrefixes" }, listObjects.ResultKeys);
        Assert.Equal("Object", listObjects.ItemShape!.Name);
        Assert.Equal("MaxKeys", listObjects.LimitKey);
        Assert.Null(PagedResult.For(s3, "PutObject"));
        Assert.False(PagedResult.IsPaginated(s3, "PutObject"));

        var cloudfront = CommandTestModels.Service("cloudfront");
        var distributions = PagedResult.For(cloudfront, "ListDistributions")!;
        Assert.Equal("DistributionList.Items", distributions.PrimaryResultKey);
        Assert.Equal("DistributionSummary", distributions.ItemShape!.Name);

        var scan = PagedResult.For(CommandTestModels.Service("dynamodb"), "Scan")!;
        Assert.Equal("Items", scan.PrimaryResultKey);
        Assert.Equal("AttributeMap", scan.ItemShape!.Name);
    }

    [Fact]
    public void SelectFollowsDottedResultKeys()
    {
        var output = new Dictionary<string, object?>
        {
            ["DistributionList"] = new Dictionary<string, object?> { ["Items"] = new List<object?> { "d1" } },
        };
        Assert.Equal(new List<object?> { "d1" }, PagedResult.Select(output, "DistributionList.Items"));
        Assert.Null(PagedResult.Select(output, "DistributionList.Missing"));
        Assert.Null(PagedResult.Select(output, "Nothing.Items"));
    }

    [Fact]
    public void EveryPrimaryResultKeyOfEveryBundledPaginatorResolvesToAList()
    {
        var loader = CommandTestModels.Bundled();
        var checkedCount = 0;
        var failures = new List<string>();
        foreach (var name in loader.ListServices())
        {
            var model = loader.GetService(name);
            foreach (var op in model.OperationNames)
            {
                if (PagedResult.For(model, op) is not { } paged) continue;
                checkedCount++;
                if (paged.ItemShape is null) failures.Add($"{name}.{op}: {paged.PrimaryResultKey}");
            }
        }
        Assert.True(checkedCount > 2000, $"only {checkedCount} paginated operations found");
        // A handful of paginators name a result key that is not a list (a map or a scalar); those stream the whole value.
        Assert.True(failures.Count < checkedCount / 50, string.Join("\n", failures));
    }
}
