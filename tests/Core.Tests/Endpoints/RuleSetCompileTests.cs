using AwsCore.Endpoints;

namespace AwsCore.Tests.Endpoints;

/// <summary>Every rule set botocore ships compiles, and malformed ones fail naming the file and the JSON path.</summary>
public sealed class RuleSetCompileTests
{
    private static PartitionSet Partitions => PartitionSet.Load(Path.Combine(PythonBotocore.Data, "partitions.json"));

    [Fact]
    public void EveryBotocoreRuleSetCompiles()
    {
        var partitions = Partitions;
        var files = Directory.GetDirectories(PythonBotocore.Data)
            .SelectMany(service => Directory.GetDirectories(service))
            .SelectMany(version => Directory.GetFiles(version, "endpoint-rule-set-1.json*"))
            .ToList();
        Assert.True(files.Count > 400, $"only {files.Count} rule sets found");
        foreach (var file in files)
        {
            var ruleSet = EndpointRuleSet.Load(file, partitions);
            Assert.Contains(ruleSet.Parameters, p => p.BuiltIn == EndpointBuiltIns.Region);
        }
    }

    [Fact]
    public void UnknownFunctionNamesTheRule()
    {
        var json = """
            {"version":"1.0","parameters":{},"rules":[{"type":"tree","conditions":[],"rules":[
              {"type":"endpoint","conditions":[{"fn":"noSuchFn","argv":[]}],"endpoint":{"url":"https://x"}}]}]}
            """;
        var e = Assert.Throws<EndpointResolutionException>(() => Parse(json));
        Assert.Equal("test.json: rules[0].rules[0].conditions[0].fn: unknown function 'noSuchFn'", e.Message);
    }

    [Fact]
    public void WrongArityIsACompileError()
    {
        var json = """{"version":"1.0","parameters":{},"rules":[{"type":"error","conditions":[{"fn":"isSet","argv":[]}],"error":"x"}]}""";
        var e = Assert.Throws<EndpointResolutionException>(() => Parse(json));
        Assert.Contains("rules[0].conditions[0]: isSet takes 1 argument(s), got 0", e.Message);
    }

    [Fact]
    public void UnknownRuleTypeAndParameterTypeAreRejected()
    {
        Assert.Contains("Unknown rule type: loop",
            Assert.Throws<EndpointResolutionException>(() => Parse("""{"parameters":{},"rules":[{"type":"loop"}]}""")).Message);
        Assert.Contains("parameters.P.type: Unknown parameter type: Integer",
            Assert.Throws<EndpointResolutionException>(() => Parse("""{"parameters":{"P":{"type":"Integer"}},"rules":[]}""")).Message);
    }

    [Fact]
    public void ReassigningAVariableInScopeIsRejected()
    {
        var json = """
            {"parameters":{"R":{"type":"String"}},"rules":[{"type":"endpoint","conditions":[
              {"fn":"aws.partition","argv":[{"ref":"R"}],"assign":"P"},{"fn":"aws.partition","argv":[{"ref":"R"}],"assign":"P"}],
              "endpoint":{"url":"https://x"}}]}
            """;
        Assert.Contains("Assignment P already exists", Assert.Throws<EndpointResolutionException>(() => Parse(json)).Message);
    }

    [Fact]
    public void MalformedJsonNamesTheLine()
    {
        var e = Assert.Throws<EndpointResolutionException>(() => Parse("{\n\"rules\": [\n}"));
        Assert.StartsWith("test.json: line 3:", e.Message);
    }

    private static EndpointRuleSet Parse(string json) =>
        EndpointRuleSet.Parse(System.Text.Encoding.UTF8.GetBytes(json), Partitions, "test.json");
}
