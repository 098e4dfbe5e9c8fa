using System.Text.Json;
using AwsCore.Endpoints;

namespace AwsCore.Conformance.Suites;

/// <summary>
/// &lt;service&gt;/endpoint-tests-1.json against the rule set beside it (else the model search path's), partitions from
/// &lt;dir&gt;/partitions.json. Each case is evaluated with its "params"; each of its "operationInputs" is also built into
/// parameters from the service model (builtins, client, static, context and operation context parameters) and reported
/// as its own case.
/// </summary>
public sealed class EndpointsSuite : ConformanceSuite
{
    public override string Name => "endpoints";

    public override void Run(string directory, CaseReporter reporter)
    {
        var partitions = PartitionSet.Load(EndpointData.FindPartitions(directory));
        foreach (var serviceDir in Directory.GetDirectories(directory).OrderBy(d => d, StringComparer.Ordinal))
        {
            var service = Path.GetFileName(serviceDir);
            var testsPath = Path.Combine(serviceDir, "endpoint-tests-1.json");
            if (!File.Exists(testsPath)) continue;
            var rulesPath = Path.Combine(serviceDir, "endpoint-rule-set-1.json");
            if (!File.Exists(rulesPath)) rulesPath = EndpointData.FindServiceFile(service, "endpoint-rule-set-1.json") ?? rulesPath;
            EndpointRuleSet? ruleSet = null;
            string? loadError = null;
            try
            {
                ruleSet = EndpointRuleSet.Load(rulesPath, partitions);
            }
            catch (Exception e) when (e is EndpointResolutionException or IOException)
            {
                loadError = e.Message;
            }
            var operations = new Lazy<EndpointServiceBindings?>(() => EndpointServiceBindings.Find(service));
            using var tests = JsonDocument.Parse(File.ReadAllBytes(testsPath));
            foreach (var (caseName, testCase) in EndpointCaseCheck.Cases(tests, service))
            {
                reporter.Run(caseName, () =>
                {
                    if (ruleSet is null) throw new InvalidOperationException(loadError);
                    var parameters = EndpointCaseCheck.Params(testCase);
                    EndpointCaseCheck.Check(testCase, () => ruleSet.Resolve(parameters));
                });
                if (!testCase.TryGetProperty("operationInputs", out var inputs)) continue;
                var index = 0;
                foreach (var input in inputs.EnumerateArray())
                {
                    var inputName = $"{caseName} operationInputs[{index++}]";
                    if (ruleSet is null)
                    {
                        reporter.Fail(inputName, loadError ?? "no rule set");
                        continue;
                    }
                    if (operations.Value is null)
                    {
                        reporter.Skip(inputName, $"no service-2.json for {service} on the model search path");
                        continue;
                    }
                    var operationName = input.GetProperty("operationName").GetString()!;
                    if (!operations.Value.HasOperation(operationName))
                    {
                        reporter.Skip(inputName, $"operation {operationName} is not in the {service} service model on the search path (a newer botocore has it)");
                        continue;
                    }
                    reporter.Run(inputName, () =>
                    {
                        var parameters = operations.Value.BuildParameters(ruleSet, input);
                        EndpointCaseCheck.Check(testCase, () => ruleSet.Resolve(parameters));
                    });
                }
            }
        }
    }
}
