using AwsCore.Testing;

namespace AwsCore.Tests.Jmes;

/// <summary>
/// Runs a python3 script (botocore's own jmespath and paginate modules are the reference) with text on stdin and
/// returns its stdout. Fails with an install hint when python3 or the modules are missing: never a silent pass.
/// </summary>
internal static class PythonOracle
{
    public static string Run(string script, string input)
    {
        var (code, output, error) = Python3.Run(new[] { "-c", script }, input,
            "python3 is needed for this differential test: install Python 3 and `pip install botocore jmespath`", timeoutMs: 120_000);
        if (code != 0)
        {
            var hint = error.Contains("ModuleNotFoundError") ? " (install the reference: `pip install botocore jmespath`)" : "";
            throw new InvalidOperationException($"python3 failed with exit code {code}{hint}: {error}");
        }
        return output;
    }
}
