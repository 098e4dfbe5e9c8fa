using System.Text.Json;
using AwsCore.Testing;

namespace AwsCore.Bench.Peers;

/// <summary>
/// Runs one of the python3 timing scripts kept beside this file (bench/Peers/*.py) and reads the JSON object it
/// prints: a figure in nanoseconds per call for each key.
/// </summary>
internal static class PythonPeer
{
    public static Dictionary<string, double> Run(string script, params string[] arguments)
    {
        var (code, output, error) = Python3.Run(new[] { FindScript(script) }.Concat(arguments), "",
            "python3 could not be started (install Python 3 with boto3/botocore)", Timeout.Infinite);
        if (code != 0)
            throw new InvalidOperationException($"{script} failed (exit {code}; `pip install boto3`): {error}");
        using var document = JsonDocument.Parse(output);
        var figures = document.RootElement.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetDouble());
        Console.WriteLine($"// botocore peer {script}: " + string.Join(", ", figures.Select(f => $"{f.Key} = {f.Value / 1000:0.0} us")));
        return figures;
    }

    /// <summary>The script in bench/Peers, found by walking up from the running assembly (in-process or BenchmarkDotNet's child build).</summary>
    private static string FindScript(string script)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir != null; dir = dir.Parent)
        {
            foreach (var candidate in new[] { Path.Combine(dir.FullName, "Peers", script), Path.Combine(dir.FullName, "bench", "Peers", script) })
                if (File.Exists(candidate)) return candidate;
        }
        throw new FileNotFoundException($"bench/Peers/{script} not found above {AppContext.BaseDirectory}");
    }
}
