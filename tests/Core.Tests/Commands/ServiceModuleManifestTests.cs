using System.Text.RegularExpressions;
using AwsCore.Commands;
using AwsCore.Tests.Support;

namespace AwsCore.Tests.Commands;

public sealed class ServiceModuleManifestTests
{
    [Fact]
    public void WritesAManifestListingEveryCommandAndARootModuleThatGeneratesThem()
    {
        using var dir = new TempDirectory();
        var model = CommandTestModels.Service("s3");
        var plans = CommandPlanner.PlanService(model);
        var path = ServiceModuleManifest.Write(dir.Path, model, plans, "1.2.3");

        Assert.Equal(Path.Combine(dir.Path, "AwsCore.S3", "AwsCore.S3.psd1"), path);
        var manifest = File.ReadAllText(path);
        Assert.Null(PowerShellSyntax.Check(manifest));
        Assert.Contains("RootModule = 'AwsCore.S3.psm1'", manifest);
        Assert.Contains("ModuleVersion = '1.2.3'", manifest);
        Assert.Contains("RequiredModules = @('AwsCore')", manifest);
        var exported = Regex.Matches(manifest, @"^        '([^']+)'", RegexOptions.Multiline).Select(m => m.Groups[1].Value).ToList();
        Assert.Equal(plans.Select(p => p.Name.Name), exported);
        Assert.Contains("Get-AwsS3Bucket", exported);

        var root = File.ReadAllText(Path.Combine(dir.Path, "AwsCore.S3", "AwsCore.S3.psm1"));
        Assert.Contains(". ([scriptblock]::Create([AwsCore.Module.ServiceModules]::Script('s3')))", root);
        Assert.Null(PowerShellSyntax.Check(root));
        Assert.Contains("if ($PSVersionTable.PSEdition -ne 'Core') {", root);
        Assert.Contains("$global:MaximumFunctionCount = $needed", root);
    }

    [Fact]
    public void GuidsAreStablePerModuleAndDistinctAcrossModules()
    {
        string Guid(string service) => Regex.Match(ServiceModuleManifest.Manifest(CommandTestModels.Service(service), Array.Empty<CommandPlan>(), "0.1.0"), "GUID = '([^']+)'").Groups[1].Value;
        Assert.Equal(Guid("s3"), Guid("s3"));
        Assert.NotEqual(Guid("s3"), Guid("dynamodb"));
        Assert.Matches("^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$", Guid("s3"));
    }

    [Theory]
    [InlineData("s3", "AwsCore.S3")]
    [InlineData("dynamodb", "AwsCore.DynamoDB")]
    [InlineData("autoscaling-plans", "AwsCore.AutoScalingPlans")]
    public void ModuleNamesUseTheServiceIdWithoutSpaces(string service, string module) =>
        Assert.Equal(module, ServiceModuleManifest.ModuleName(CommandTestModels.Service(service)));
}
