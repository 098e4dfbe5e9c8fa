using System.Text.RegularExpressions;
using AwsCore.Commands;

namespace AwsCore.Tests.Commands;

public sealed class ServiceModuleScriptTests
{
    private static string Script(string service)
    {
        var model = CommandTestModels.Service(service);
        return ServiceModuleScript.Generate(model, CommandPlanner.PlanService(model));
    }

    private static string FunctionOf(string service, string operation)
    {
        var model = CommandTestModels.Service(service);
        return ServiceModuleScript.Function(model, CommandPlanner.PlanService(model).Single(p => p.Operation == operation));
    }

    [Theory]
    [InlineData("'", "''''")]
    [InlineData("it's", "'it''s'")]
    [InlineData("a\u2019b", "'a\u2019\u2019b'")]
    [InlineData("$env:X \"q\" `n", "'$env:X \"q\" `n'")]
    public void QuotingDoublesEveryKindOfSingleQuote(string value, string literal)
    {
        Assert.Equal(literal, PowerShellText.Quote(value));
        Assert.Null(PowerShellSyntax.Check("$x = " + literal));
    }

    [Fact]
    public void TheSyntaxCheckerCatchesWhatItShould()
    {
        Assert.Null(PowerShellSyntax.Check("function A { param([string] $B) \"x$($B.Length)(\" }"));
        Assert.NotNull(PowerShellSyntax.Check("function A { param([string] $B) "));
        Assert.NotNull(PowerShellSyntax.Check("$x = 'it's'"));
        Assert.NotNull(PowerShellSyntax.Check("$x = (1]"));
    }

    [Fact]
    public void DeleteBucketAsksBeforeDestroyingAndBindsTheBucketFromThePipeline()
    {
        var text = FunctionOf("s3", "DeleteBucket");
        Assert.Contains("function Remove-AwsS3Bucket {", text);
        Assert.Contains("[CmdletBinding(PositionalBinding = $false, SupportsShouldProcess = $true, ConfirmImpact = 'High')]", text);
        Assert.Contains("[Parameter(Mandatory = $true, ValueFromPipelineByPropertyName = $true)]\n        [string] $Bucket", text);
        Assert.Contains("if ($PSCmdlet.ShouldProcess($__target, 'DeleteBucket')) {", text);
        Assert.Contains("& $script:AwsCoreCommand -Service 's3' -Operation 'DeleteBucket' -BoundParameters $PSBoundParameters", text);
        Assert.DoesNotContain("$MaxItems", text);
        Assert.Null(PowerShellSyntax.Check(text));
    }

    [Fact]
    public void PaginatedCommandsTakeThePagingParametersAndDeclareTheItemType()
    {
        var text = FunctionOf("s3", "ListObjectsV2");
        foreach (var name in new[] { "Region", "ProfileName", "EndpointUrl", "Credential", "Query", "MaxItems", "PageSize", "StartingToken", "NoPaginate" })
            Assert.Matches(new Regex(@"\] \$" + name + @"(,|\n)"), text);
        Assert.Contains("[OutputType('AwsCore.S3.Object')]", text);
        Assert.DoesNotContain("SupportsShouldProcess", text);
        Assert.DoesNotContain("$ContinuationToken", text);
        Assert.Contains("[ValidateSet('url', IgnoreCase = $true)]\n        [string] $EncodingType", text);
    }

    [Fact]
    public void TypesFollowTheShapes()
    {
        var scan = FunctionOf("dynamodb", "Scan");
        Assert.Contains("[string[]] $AttributesToGet", scan);
        Assert.Contains("[object] $ScanFilter", scan);
        Assert.Contains("[int] $Segment", scan);
        Assert.Contains("[switch] $ConsistentRead", scan);
        var put = FunctionOf("s3", "PutObject");
        Assert.Contains("[datetime] $Expires", put);
        Assert.Contains("[long] $ContentLength", put);
        Assert.Contains("[object] $Body", put);
        Assert.Contains("ConfirmImpact = 'Medium'", put);
    }

    [Theory]
    [InlineData("s3")]
    [InlineData("dynamodb")]
    [InlineData("ec2")]
    [InlineData("stepfunctions")]
    public void WholeModulesAreBalancedAndExportEveryCommand(string service)
    {
        var text = Script(service);
        Assert.Null(PowerShellSyntax.Check(text));
        var model = CommandTestModels.Service(service);
        var plans = CommandPlanner.PlanService(model);
        var functions = Regex.Matches(text, @"^function ([A-Za-z]+-[A-Za-z0-9_]+) \{$", RegexOptions.Multiline).Select(m => m.Groups[1].Value).ToList();
        Assert.Equal(plans.Select(p => p.Name.Name), functions);
        var exported = text.Substring(text.LastIndexOf("Export-ModuleMember", StringComparison.Ordinal));
        foreach (var f in functions) Assert.True(exported.Contains("\n    '" + f + "'", StringComparison.Ordinal), f + " is not exported");
        Assert.Contains("$script:AwsCoreCommand = [AwsCore.Module.CoreCommand]::Info", text);
    }

    [Fact]
    public void FunctionsCarryCommentBasedHelpForEveryParameter()
    {
        var text = FunctionOf("s3", "DeleteBucket");
        Assert.Contains("    <#\n    .SYNOPSIS\n", text);
        Assert.Contains("    .PARAMETER Bucket\n", text);
        Assert.Contains("    .PARAMETER Region\n", text);
        Assert.Contains("    .PARAMETER Query\n", text);
        Assert.DoesNotContain(".PARAMETER MaxItems", text);
        Assert.Contains(".PARAMETER MaxItems", FunctionOf("s3", "ListObjectsV2"));
        Assert.Contains("    .OUTPUTS\n    AwsCore.S3.Object\n", FunctionOf("s3", "ListObjectsV2"));
    }

    [Fact]
    public void AwsDocumentationBecomesInertHelpText()
    {
        var documented = new AwsCore.Models.ModelLoader(new[] { AwsCore.Tests.Support.BotocoreData.Require() }).GetService("s3");
        var model = CommandTestModels.Service("s3");
        var plans = CommandPlanner.PlanService(model);
        var text = ServiceModuleScript.Generate(model, plans, documented);
        Assert.Null(PowerShellSyntax.Check(text));
        var help = Regex.Matches(text, @"<#\n(.*?)#>", RegexOptions.Singleline).Select(m => m.Groups[1].Value).ToList();
        Assert.Equal(plans.Count, help.Count);
        // Only the help keywords start a line with a single dot followed by a word.
        var keywordLines = help.SelectMany(h => h.Split('\n')).Where(l => Regex.IsMatch(l, @"^\s*\.\w")).Select(l => l.Trim().Split(' ')[0]).Distinct().ToList();
        Assert.All(keywordLines, k => Assert.Contains(k, new[] { ".SYNOPSIS", ".DESCRIPTION", ".PARAMETER", ".OUTPUTS" }));
        Assert.Contains("bucket", FunctionOf("s3", "DeleteBucket").ToLowerInvariant());
        Assert.True(text.Length > Script("s3").Length, "the documented help adds AWS's text");
    }

    [Fact]
    public void LargeServicesRaiseTheWindowsPowerShellFunctionLimit()
    {
        Assert.Equal(4096, ServiceModuleScript.FunctionCountNeeded(10));
        Assert.Equal(5000 + 1024, ServiceModuleScript.FunctionCountNeeded(5000));
        Assert.Contains("if ($PSVersionTable.PSEdition -ne 'Core' -and $MaximumFunctionCount -lt 4096) { $MaximumFunctionCount = 4096 }", Script("s3"));
    }

    [Fact]
    public void EveryBundledServiceGeneratesABalancedModuleWithoutDuplicateParameters()
    {
        var loader = CommandTestModels.Bundled();
        var failures = new List<string>();
        var functions = 0;
        foreach (var name in loader.ListServices())
        {
            try
            {
                var model = loader.GetService(name);
                var plans = CommandPlanner.PlanService(model);
                var text = ServiceModuleScript.Generate(model, plans);
                functions += plans.Count;
                if (PowerShellSyntax.Check(text) is { } problem) failures.Add($"{name}: {problem}");
            }
            catch (InvalidOperationException e)
            {
                failures.Add(e.Message);
            }
        }
        Assert.True(failures.Count == 0, string.Join("\n", failures.Take(40)));
        Assert.True(functions > 15000, $"only {functions} commands generated");
    }
}
