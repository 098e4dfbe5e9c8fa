using System.Text.Json;
using AwsCore.Endpoints;

namespace AwsCore.Conformance.Suites;

/// <summary>
/// test-cases/&lt;name&gt;.json against valid-rules/&lt;name&gt;.json: the rule engine and its functions in isolation.
/// The partitions file is &lt;dir&gt;/partitions.json, else the endpoints suite's beside it, else the model search path's.
/// </summary>
public sealed class EndpointsLibrarySuite : ConformanceSuite
{
    public override string Name => "endpoints-library";

    public override void Run(string directory, CaseReporter reporter)
    {
        var partitions = EndpointData.FindPartitions(directory);
        foreach (var testFile in Directory.GetFiles(Path.Combine(directory, "test-cases"), "*.json").OrderBy(f => f, StringComparer.Ordinal))
        {
            var name = Path.GetFileNameWithoutExtension(testFile);
            var rulesPath = Path.Combine(directory, "valid-rules", name + ".json");
            EndpointRuleSet? ruleSet = null;
            string? loadError = null;
            try
            {
                ruleSet = EndpointRuleSet.Load(rulesPath, partitions);
            }
            catch (EndpointResolutionException e)
            {
                loadError = e.Message;
            }
            using var tests = JsonDocument.Parse(File.ReadAllBytes(testFile));
            foreach (var (caseName, testCase) in EndpointCaseCheck.Cases(tests, name))
            {
                reporter.Run(caseName, () =>
                {
                    if (ruleSet is null) throw new InvalidOperationException(loadError);
                    var parameters = EndpointCaseCheck.Params(testCase);
                    EndpointCaseCheck.Check(testCase, () => ruleSet.Resolve(parameters));
                });
            }
        }
    }
}
