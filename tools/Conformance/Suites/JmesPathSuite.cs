using System.Text.Json;
using AwsCore.Jmes;

namespace AwsCore.Conformance.Suites;

/// <summary>
/// The JMESPath compliance suite: each file is an array of {given, cases: [{expression, result | error}]}.
/// A result case passes when the value equals the expected JSON (numbers by value); an error case when a
/// JmesPathException of the named kind (syntax, invalid-type, ...) is raised. Cases that only carry "bench"
/// (benchmarks.json) state no outcome: they pass when the expression compiles and evaluates without error.
/// </summary>
public sealed class JmesPathSuite : ConformanceSuite
{
    public override string Name => "jmespath";

    public override void Run(string directory, CaseReporter reporter)
    {
        foreach (var file in Directory.GetFiles(directory, "*.json").OrderBy(f => f, StringComparer.Ordinal))
        {
            using var document = JsonDocument.Parse(File.ReadAllText(file));
            var fileName = Path.GetFileName(file);
            var group = 0;
            foreach (var suite in document.RootElement.EnumerateArray())
            {
                var given = JmesJson.ToTree(suite.GetProperty("given"));
                var index = 0;
                foreach (var testCase in suite.GetProperty("cases").EnumerateArray())
                {
                    var expression = testCase.GetProperty("expression").GetString()!;
                    var name = $"{fileName}#{group}.{index++} {expression}";
                    reporter.Run(name, () => RunCase(given, expression, testCase));
                }
                group++;
            }
        }
    }

    private static void RunCase(object? given, string expression, JsonElement testCase)
    {
        if (testCase.TryGetProperty("error", out var error))
        {
            var expected = error.GetString();
            try
            {
                var unexpected = JmesPath.Compile(expression).Search(given);
                throw new InvalidOperationException($"expected a {expected} error, got {JmesJson.Serialize(unexpected)}");
            }
            catch (JmesPathException e) when (e.KindName == expected)
            {
                return;
            }
            catch (JmesPathException e)
            {
                throw new InvalidOperationException($"expected a {expected} error, got {e.KindName}: {e.Reason}");
            }
        }
        var actual = JmesPath.Compile(expression).Search(given);
        if (!testCase.TryGetProperty("result", out var result))
        {
            if (testCase.TryGetProperty("bench", out _)) return;
            throw new InvalidOperationException("the case has neither result, error nor bench");
        }
        var wanted = JmesJson.ToTree(result);
        if (!JmesValue.DeepEquals(actual, wanted))
            throw new InvalidOperationException($"expected {JmesJson.Serialize(wanted)}, got {JmesJson.Serialize(actual)}");
    }
}
