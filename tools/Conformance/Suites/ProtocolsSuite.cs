using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using AwsCore.Http;
using AwsCore.Models;
using AwsCore.Protocols;

namespace AwsCore.Conformance.Suites;

/// <summary>
/// botocore's protocol suites: input/*.json (serialize params, compare the request) and output/*.json (parse a
/// response, compare the result or error), compared as botocore's tests/unit/test_protocols.py compares them.
/// Cases in protocol-tests-ignore-list.json are skipped with the list's reason.
/// </summary>
public sealed class ProtocolsSuite : ConformanceSuite
{
    public override string Name => "protocols";

    public override void Run(string directory, CaseReporter reporter)
    {
        var ignore = IgnoreList.Load(Path.Combine(directory, "protocol-tests-ignore-list.json"));
        foreach (var direction in new[] { "input", "output" })
        {
            foreach (var file in Directory.GetFiles(Path.Combine(directory, direction), "*.json").OrderBy(f => f, StringComparer.Ordinal))
            {
                var protocolKey = Path.GetFileNameWithoutExtension(file);
                var suites = JsonNode.Parse(File.ReadAllBytes(file))!.AsArray();
                for (var s = 0; s < suites.Count; s++)
                {
                    var suite = suites[s]!.AsObject();
                    var description = (string?)suite["description"] ?? "";
                    var cases = suite["cases"]!.AsArray();
                    for (var c = 0; c < cases.Count; c++)
                    {
                        var testCase = cases[c]!.AsObject();
                        var id = (string?)testCase["id"];
                        var name = $"{direction}/{protocolKey} {s}:{c} {id ?? description}";
                        if (ignore.Reason(protocolKey, direction, description, id) is { } reason)
                        {
                            reporter.Skip(name, reason);
                            continue;
                        }
                        if (direction == "input") reporter.Run(name, () => InputCase.Check(suite, testCase));
                        else reporter.Run(name, () => OutputCase.Check(suite, testCase));
                    }
                }
            }
        }
    }

    /// <summary>Builds the service model of one case: the suite's metadata and shapes with the case's operation.</summary>
    internal static (ServiceModel Model, OperationModel Operation) BuildModel(JsonObject suite, JsonObject testCase, Action<JsonObject>? adjustGiven = null)
    {
        var given = testCase["given"]!.DeepClone().AsObject();
        adjustGiven?.Invoke(given);
        var name = (string?)given["name"] ?? "OperationName";
        var document = new JsonObject
        {
            ["metadata"] = suite["metadata"]!.DeepClone(),
            ["shapes"] = suite["shapes"]?.DeepClone() ?? new JsonObject(),
            ["operations"] = new JsonObject { [name] = given },
        };
        var model = ServiceModel.Parse(Encoding.UTF8.GetBytes(document.ToJsonString()), "protocol-test", $"protocol suite '{suite["description"]}'");
        return (model, model.GetOperation(name));
    }

    private sealed class IgnoreList
    {
        private readonly JsonObject _root;

        private IgnoreList(JsonObject root) => _root = root;

        public static IgnoreList Load(string path) => new(File.Exists(path) ? JsonNode.Parse(File.ReadAllBytes(path))!.AsObject() : new JsonObject());

        public string? Reason(string protocol, string direction, string suite, string? caseId)
        {
            if (Match(_root["general"]?[direction], suite, caseId) is { } general)
                return $"botocore's protocol-tests-ignore-list.json (general, {direction}) lists {general}";
            if (Match(_root["protocols"]?[protocol]?[direction], suite, caseId) is { } specific)
                return $"botocore's protocol-tests-ignore-list.json ({protocol}, {direction}) lists {specific}";
            return null;
        }

        private static string? Match(JsonNode? node, string suite, string? caseId)
        {
            if (node is null) return null;
            if (node["suites"] is JsonArray suites && suites.Any(x => (string?)x == suite)) return $"suite \"{suite}\"";
            if (caseId != null && node["cases"] is JsonArray cases && cases.Any(x => (string?)x == caseId)) return $"case {caseId}";
            return null;
        }
    }
}
