using AwsCore.Endpoints;

namespace AwsCore.Tests.Endpoints;

/// <summary>Where each parameter value comes from, in botocore's order: static, context, operation context, client, built-in.</summary>
public sealed class ParameterBuilderTests
{
    private const string RuleSet = """
        {"version":"1.0","parameters":{
          "Region":{"type":"String","builtIn":"AWS::Region"},
          "Bucket":{"type":"String"},
          "Tables":{"type":"StringArray"},
          "PathStyle":{"type":"Boolean","builtIn":"AWS::S3::ForcePathStyle"},
          "Fixed":{"type":"Boolean"}},
         "rules":[{"type":"endpoint","conditions":[],"endpoint":{"url":"https://x"}}]}
        """;

    private static EndpointRuleSet Rules(string json = RuleSet) => EndpointRuleSet.Parse(
        System.Text.Encoding.UTF8.GetBytes(json),
        PartitionSet.Load(Path.Combine(PythonBotocore.Data, "partitions.json")), "rules.json");

    [Fact]
    public void EachSourceFillsItsParameters()
    {
        string? seenPath = null;
        var builder = new EndpointParameterBuilder(Rules(), new[] { "PathStyle" }, (path, input) =>
        {
            seenPath = path;
            return new List<object?> { "t1", "t2" };
        });
        var operation = new EndpointOperationBindings
        {
            StaticContextParams = new Dictionary<string, object?> { ["Fixed"] = true },
            ContextParams = new Dictionary<string, string> { ["Bucket"] = "BucketName" },
            OperationContextParams = new Dictionary<string, string> { ["Tables"] = "keys(RequestItems)" },
        };
        var result = builder.Build(operation,
            new Dictionary<string, object?> { ["BucketName"] = "b1" },
            new Dictionary<string, object?> { [EndpointBuiltIns.Region] = "eu-west-1", [EndpointBuiltIns.S3ForcePathStyle] = false },
            new Dictionary<string, object?> { ["PathStyle"] = true });
        Assert.Equal("eu-west-1", result["Region"]);
        Assert.Equal("b1", result["Bucket"]);
        Assert.Equal(new List<object?> { "t1", "t2" }, result["Tables"]);
        Assert.Equal(true, result["PathStyle"]); // client context wins over the built-in
        Assert.Equal(true, result["Fixed"]);
        Assert.Equal("keys(RequestItems)", seenPath);
    }

    [Fact]
    public void StaticValuesWinOverContextAndBuiltIns()
    {
        var builder = new EndpointParameterBuilder(Rules());
        var operation = new EndpointOperationBindings
        {
            StaticContextParams = new Dictionary<string, object?> { ["Region"] = "us-west-1" },
            ContextParams = new Dictionary<string, string> { ["Region"] = "RegionMember" },
        };
        var result = builder.Build(operation,
            new Dictionary<string, object?> { ["RegionMember"] = "ap-south-1" },
            new Dictionary<string, object?> { [EndpointBuiltIns.Region] = "eu-west-1" });
        Assert.Equal("us-west-1", result["Region"]);
    }

    [Fact]
    public void MissingValuesAreLeftOutAndClientContextNeedsDeclaring()
    {
        var builder = new EndpointParameterBuilder(Rules());
        var result = builder.Build(EndpointOperationBindings.None, null, null, new Dictionary<string, object?> { ["PathStyle"] = true });
        Assert.Empty(result);
    }

    [Fact]
    public void OperationContextParamsUseAwsCoreJmesPathByDefault()
    {
        var builder = new EndpointParameterBuilder(Rules());
        var operation = new EndpointOperationBindings { OperationContextParams = new Dictionary<string, string> { ["Tables"] = "keys(RequestItems)" } };
        var input = new Dictionary<string, object?> { ["RequestItems"] = new Dictionary<string, object?> { ["t1"] = 1, ["t2"] = 2 } };
        Assert.Equal(new List<object?> { "t1", "t2" }, builder.Build(operation, input, null)["Tables"]);

        var broken = new EndpointOperationBindings { OperationContextParams = new Dictionary<string, string> { ["Tables"] = "a[*" } };
        var e = Assert.Throws<EndpointResolutionException>(() => builder.Build(broken, input, null));
        Assert.StartsWith("Endpoint parameter Tables: operationContextParams path 'a[*':", e.Message);
    }

    [Fact]
    public void AnUnknownBuiltInIsRejected()
    {
        var json = """{"parameters":{"X":{"type":"String","builtIn":"AWS::Nope"}},"rules":[]}""";
        var e = Assert.Throws<EndpointResolutionException>(() => new EndpointParameterBuilder(Rules(json)));
        Assert.Equal("rules.json: parameters.X: unknown built-in 'AWS::Nope'", e.Message);
    }

    [Fact]
    public void RequiredAndTypedParametersAreChecked()
    {
        var json = """
            {"parameters":{"R":{"type":"String","required":true},"B":{"type":"Boolean","default":false}},"rules":[
            {"type":"endpoint","conditions":[],"endpoint":{"url":"https://{R}"}}]}
            """;
        var rules = Rules(json);
        Assert.Equal("Cannot find value for required parameter R",
            Assert.Throws<EndpointResolutionException>(() => rules.Resolve(new Dictionary<string, object?>())).Message);
        Assert.Equal("Value (B) is the wrong type. Must be Boolean, got String.",
            Assert.Throws<EndpointResolutionException>(() => rules.Resolve(new Dictionary<string, object?> { ["R"] = "a", ["B"] = "yes" })).Message);
        Assert.Equal("https://a", rules.Resolve(new Dictionary<string, object?> { ["R"] = "a" }).Url);
    }
}
