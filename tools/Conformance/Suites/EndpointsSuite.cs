using System.Text.Json;
using AwsCore.Endpoints;
using AwsCore.Models;

namespace AwsCore.Conformance.Suites;

/// <summary>
/// &lt;service&gt;/endpoint-tests-1.json against the rule set beside it (else the model search path's), partitions from
/// &lt;dir&gt;/partitions.json. Each case is evaluated with its "params"; each of its "operationInputs" is also built into
/// parameters from the service model (built-ins, client, static, context and operation context parameters, through
/// ServiceEndpointResolver as a client does) and reported as its own case.
/// </summary>
public sealed class EndpointsSuite : ConformanceSuite
{
    public override string Name => "endpoints";

    public override void Run(string directory, CaseReporter reporter)
    {
        var partitions = EndpointData.FindPartitions(directory);
        foreach (var serviceDir in Directory.GetDirectories(directory).OrderBy(d => d, StringComparer.Ordinal))
        {
            var service = Path.GetFileName(serviceDir);
            var testsPath = Path.Combine(serviceDir, "endpoint-tests-1.json");
            if (!File.Exists(testsPath)) continue;
            var model = new Lazy<ServiceModel?>(() => EndpointData.FindService(service));
            EndpointRuleSet? ruleSet = null;
            string? loadError = null;
            try
            {
                var rulesPath = Path.Combine(serviceDir, "endpoint-rule-set-1.json");
                if (File.Exists(rulesPath)) ruleSet = EndpointRuleSet.Load(rulesPath, partitions);
                else if (model.Value?.GetCompanionFile("endpoint-rule-set-1") is { } file) ruleSet = EndpointRuleSet.Parse(file.Bytes, partitions, file.Path);
                else loadError = $"no endpoint-rule-set-1.json in {serviceDir} or on the model search path";
            }
            catch (Exception e) when (e is EndpointResolutionException or IOException or ModelLoadException)
            {
                loadError = e.Message;
            }
            using var tests = JsonDocument.Parse(File.ReadAllBytes(testsPath));
            foreach (var (caseName, testCase) in EndpointCaseCheck.Cases(tests, service))
            {
                reporter.Run(caseName, () =>
                {
                    if (ruleSet is null) throw new InvalidOperationException(loadError);
                    var parameters = EndpointCaseCheck.Params(testCase);
                    EndpointCaseCheck.Check(testCase, () => ruleSet.Resolve(parameters));
                });
                if (testCase.TryGetProperty("operationInputs", out var inputs))
                    RunOperationInputs(service, caseName, testCase, inputs, ruleSet, loadError, model, reporter);
            }
        }
    }

    private static void RunOperationInputs(string service, string caseName, JsonElement testCase, JsonElement inputs,
        EndpointRuleSet? ruleSet, string? loadError, Lazy<ServiceModel?> model, CaseReporter reporter)
    {
        var index = 0;
        foreach (var input in inputs.EnumerateArray())
        {
            var inputName = $"{caseName} operationInputs[{index++}]";
            if (ruleSet is null)
            {
                reporter.Fail(inputName, loadError ?? "no rule set");
                continue;
            }
            if (model.Value is null)
            {
                reporter.Skip(inputName, $"no service-2.json for {service} on the model search path");
                continue;
            }
            var operationName = input.GetProperty("operationName").GetString()!;
            if (!model.Value.OperationNames.Contains(operationName))
            {
                reporter.Skip(inputName, $"operation {operationName} is not in the {service} service model on the search path (a newer botocore has it)");
                continue;
            }
            reporter.Run(inputName, () =>
            {
                var resolver = new ServiceEndpointResolver(model.Value, ruleSet, ValueMap(input, "builtInParams"), ValueMap(input, "clientParams"));
                var operation = model.Value.GetOperation(operationName);
                var parameters = ValueMap(input, "operationParams");
                EndpointCaseCheck.Check(testCase, () => resolver.Resolve(operation, parameters));
            });
        }
    }

    private static Dictionary<string, object?> ValueMap(JsonElement input, string name) =>
        input.TryGetProperty(name, out var value)
            ? (Dictionary<string, object?>)EndpointCaseCheck.ToValue(value)!
            : new Dictionary<string, object?>(StringComparer.Ordinal);
}
