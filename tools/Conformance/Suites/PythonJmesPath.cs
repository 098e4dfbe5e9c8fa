using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.Json;

namespace AwsCore.Conformance.Suites;

/// <summary>
/// JMESPath for operationContextParams through python3's jmespath package, answers cached per expression and input.
/// Stands in until AwsCore.Jmes is merged; the suite passes it to EndpointParameterBuilder as a plain delegate.
/// </summary>
internal static class PythonJmesPath
{
    private const string Script =
        "import json,sys\ntry:\n import jmespath\nexcept ImportError:\n sys.exit('pip install jmespath')\n" +
        "d=json.load(sys.stdin)\nprint(json.dumps(jmespath.search(d['e'],d['i'])))";

    private static readonly ConcurrentDictionary<string, object?> Answers = new();

    public static object? Search(string expression, object? input)
    {
        var request = JsonSerializer.Serialize(new Dictionary<string, object?> { ["e"] = expression, ["i"] = input });
        return Answers.GetOrAdd(request, Run);
    }

    private static object? Run(string request)
    {
        var start = new ProcessStartInfo("python3")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add(Script);
        using var process = Process.Start(start) ?? throw new InvalidOperationException("python3 did not start (install python3 and jmespath)");
        process.StandardInput.Write(request);
        process.StandardInput.Close();
        var output = process.StandardOutput.ReadToEnd();
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0) throw new InvalidOperationException("python3 jmespath failed: " + error.Trim());
        using var doc = JsonDocument.Parse(output);
        return EndpointCaseCheck.ToValue(doc.RootElement);
    }
}
