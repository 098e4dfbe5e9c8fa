using AwsCore.Conformance;
using AwsCore.Tests.Support;
using Xunit.Abstractions;

namespace AwsCore.Tests.Conformance;

/// <summary>Runs every conformance suite of ../shared through the same code as tools/Conformance.</summary>
public sealed class ConformanceSuiteTests
{
    private readonly ITestOutputHelper _output;

    public ConformanceSuiteTests(ITestOutputHelper output) => _output = output;

    [SkippableTheory]
    [InlineData("protocols")]
    [InlineData("sigv4")]
    [InlineData("endpoints")]
    [InlineData("endpoints-library")]
    [InlineData("jmespath")]
    [InlineData("cbor")]
    [InlineData("configured-endpoint-urls")]
    public void SuitePassesInFull(string suite)
    {
        var dir = SharedData.RequireConformance(suite);
        var writer = new StringWriter();
        var reporter = new CaseReporter(writer);
        try
        {
            ConformanceSuite.Find(suite)!.Run(dir, reporter);
        }
        catch (NotImplementedException e)
        {
            throw new SkipException($"{suite}: the suite is not implemented yet ({e.Message})");
        }
        _output.WriteLine(writer.ToString());
        _output.WriteLine(reporter.Totals);
        Assert.True(reporter.Passed > 0, $"{suite}: no case ran");
        Assert.True(reporter.Failed == 0, $"{suite}: {reporter.Totals}\n" + string.Join("\n", reporter.Failures.Take(50)));
    }
}
