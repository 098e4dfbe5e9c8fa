using AwsCore.Commands;
using AwsCore.Models;
using AwsCore.Tests.Support;

namespace AwsCore.Tests.Commands;

public sealed class CommandHelpTests
{
    private static (CommandPlan Plan, ServiceModel Model) Planned(ServiceModel model, string operation) =>
        (CommandPlanner.PlanService(model).Single(p => p.Operation == operation), model);

    [Fact]
    public void BundledModelsGiveStructuralHelp()
    {
        var (plan, model) = Planned(CommandTestModels.Service("s3"), "ListObjectsV2");

        var help = CommandHelp.For(plan, model);

        Assert.Equal("Calls the Amazon Simple Storage Service operation ListObjectsV2.", help.Synopsis);
        Assert.Contains("writes the items of Contents one at a time", help.Description);
        Assert.Contains("does not change anything", help.Description);
        Assert.Equal("AwsCore.S3.Object", help.OutputTypeName);
        Assert.Equal("Required. Type String. Binds from the Bucket property of piped objects.", help.Parameters["Bucket"]);
        Assert.Equal("Optional. Type String. Valid values: url.", help.Parameters["EncodingType"]);
        Assert.Equal(plan.Parameters.Select(p => p.Name).OrderBy(n => n), help.Parameters.Keys.OrderBy(n => n));
    }

    [Fact]
    public void StateChangesAndVerbatimNamesAreExplained()
    {
        var (plan, model) = Planned(CommandTestModels.Service("s3"), "DeleteObjects");

        var help = CommandHelp.For(plan, model);

        Assert.Contains("asks for confirmation (ConfirmImpact High)", help.Description);
        Assert.Contains("named after the operation", help.Description);
    }

    [Fact]
    public void AFullBotocoreAddsAwsDocumentation()
    {
        var documented = new ModelLoader(new[] { BotocoreData.Require() }).GetService("s3");
        var (plan, model) = Planned(CommandTestModels.Service("s3"), "ListObjectsV2");

        var help = CommandHelp.For(plan, model, documented);

        Assert.StartsWith("Returns some or all (up to 1,000) of the objects in a bucket", help.Synopsis);
        Assert.EndsWith(".", help.Synopsis);
        Assert.StartsWith("Returns some or all", help.Description);
        Assert.Contains("Calls the Amazon Simple Storage Service operation ListObjectsV2.", help.Description);
        Assert.StartsWith("Limits the response to keys that begin with the specified prefix.", help.Parameters["Prefix"]);
        Assert.EndsWith("Optional. Type String.", help.Parameters["Prefix"]);
        Assert.DoesNotContain("<", help.Description);
    }

    [Fact]
    public void ThisMachinesBotocoreIsFoundWithoutRunningPython()
    {
        var expected = Path.GetFullPath(BotocoreData.Require());
        Assert.Contains(expected, DocumentationSources.BotocoreDataDirectories);

        var documented = DocumentationSources.FindDocumented(CommandTestModels.Service("sqs"));
        Assert.NotNull(documented);
        Assert.True(documented!.GetOperation("ListQueues").Definition.TryGetProperty("documentation", out _));
    }

    [Fact]
    public void BotocoreInstallsAreOrderedNewestFirstAfterExplicitOnes()
    {
        using var temp = new TempDirectory();
        foreach (var (folder, version) in new[] { ("old", "1.9.0"), ("new", "1.43.2"), ("mid", "1.20.10") })
        {
            temp.Write($"{folder}/botocore/__init__.py", $"import os\n__version__ = '{version}'\n");
            Directory.CreateDirectory(Path.Combine(temp.Path, folder, "botocore", "data"));
        }
        Directory.CreateDirectory(Path.Combine(temp.Path, "nobotocore"));
        var explicitData = Directory.CreateDirectory(Path.Combine(temp.Path, "mine", "data")).FullName;

        var found = DocumentationSources.FindIn(explicitData, new[] { "old", "new", "mid", "nobotocore", "old" }.Select(f => Path.Combine(temp.Path, f)));

        Assert.Equal(
            new[] { explicitData, Path.Combine(temp.Path, "new", "botocore", "data"), Path.Combine(temp.Path, "mid", "botocore", "data"), Path.Combine(temp.Path, "old", "botocore", "data") },
            found);
    }
}
