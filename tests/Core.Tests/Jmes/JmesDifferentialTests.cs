using System.Text.Json;
using AwsCore.Jmes;
using AwsCore.Tests.Support;

namespace AwsCore.Tests.Jmes;

/// <summary>The same expressions over the same data give what botocore's jmespath gives (python3 subprocess).</summary>
public sealed class JmesDifferentialTests
{
    private const string Script = @"
import sys, json, jmespath
cases = json.load(sys.stdin)
out = []
for c in cases:
    try:
        out.append({'result': jmespath.search(c['expression'], c['given'])})
    except jmespath.exceptions.JMESPathError as e:
        out.append({'error': type(e).__name__})
print(json.dumps(out))
";

    private static readonly string[] Expressions =
    {
        "Contents[-1].Key", "NextMarker || Contents[-1].Key", "Reservations[].Instances[].State.Name",
        "length(Items[?Status=='ACTIVE']) > `0`", "sort_by(Items, &Size)[*].Key", "max_by(Items, &Size).Key",
        "Items[?Size > `10` && Status != 'DELETED'] | [0]", "Items[*].[Key, Size]", "Items[0:3:2].{k: Key, s: Size}",
        "to_string(Items[0])", "map(&to_number(Tag), Items)", "Items[].Tags[]", "reverse(Items)[0].Key",
        "sum(Items[].Size) / `2`", "avg(Items[].Size)", "Items[?contains(Key, 'b')].Key", "join(',', Items[].Key)",
        "*.Items | [0][0].Key", "Table.TableStatus", "Items[-2:]", "merge(Items[0], {Extra: `true`})",
        "not_null(Missing, Items[1].Key)", "Items[?!Tags].Key", "values(Items[0])", "type(Items[0].Size)",
        "min_by(Items, &Key).Size", "Items[?Status=='ACTIVE'].Size | sort(@) | [-1]", "floor(`2.5`)", "ceil(`-2.5`)",
    };

    [Fact]
    public void ResultsMatchBotocoresJmespath()
    {
        var given = JsonSerializer.Deserialize<JsonElement>(@"{
            ""Contents"": [{""Key"": ""a""}, {""Key"": ""b""}], ""NextMarker"": null,
            ""Reservations"": [{""Instances"": [{""State"": {""Name"": ""running""}}, {""State"": {""Name"": ""pending""}}]},
                               {""Instances"": [{""State"": {""Name"": ""stopped""}}]}],
            ""Items"": [{""Key"": ""c"", ""Size"": 12, ""Status"": ""ACTIVE"", ""Tag"": ""7"", ""Tags"": [1, [2]]},
                        {""Key"": ""ab"", ""Size"": 3.5, ""Status"": ""DELETED"", ""Tag"": ""x"", ""Tags"": []},
                        {""Key"": ""b"", ""Size"": 40, ""Status"": ""ACTIVE"", ""Tag"": ""1.5""}],
            ""Table"": {""TableStatus"": ""ACTIVE""}}");
        var bench = BenchCases();
        var cases = Expressions.Select(e => (Expression: e, Given: given)).Concat(bench).ToList();
        var input = JsonSerializer.Serialize(cases.Select(c => new { expression = c.Expression, given = c.Given }));
        var expected = JsonDocument.Parse(PythonOracle.Run(Script, input)).RootElement;

        var mismatches = new List<string>();
        for (var i = 0; i < cases.Count; i++)
        {
            var reference = expected[i];
            string actual;
            try
            {
                actual = "result " + JmesJson.Serialize(JmesPath.Search(cases[i].Expression, JmesJson.ToTree(cases[i].Given)));
            }
            catch (JmesPathException e)
            {
                actual = "error " + e.KindName;
            }
            var wanted = reference.TryGetProperty("result", out var r)
                ? "result " + JmesJson.Serialize(JmesJson.ToTree(r))
                : "error " + reference.GetProperty("error").GetString();
            if (wanted.StartsWith("error", StringComparison.Ordinal) && actual.StartsWith("error", StringComparison.Ordinal)) continue;
            if (wanted != actual) mismatches.Add($"{cases[i].Expression}: botocore {wanted}, AwsCore {actual}");
        }
        Assert.True(mismatches.Count == 0, string.Join("\n", mismatches));
    }

    /// <summary>The compliance suite's benchmark cases state no result: botocore's jmespath supplies it.</summary>
    private static IEnumerable<(string Expression, JsonElement Given)> BenchCases()
    {
        var dir = SharedData.Conformance("jmespath");
        if (dir is null) yield break;
        using var document = JsonDocument.Parse(File.ReadAllText(Path.Combine(dir, "benchmarks.json")));
        foreach (var suite in document.RootElement.EnumerateArray())
            foreach (var testCase in suite.GetProperty("cases").EnumerateArray())
                yield return (testCase.GetProperty("expression").GetString()!, suite.GetProperty("given").Clone());
    }
}
