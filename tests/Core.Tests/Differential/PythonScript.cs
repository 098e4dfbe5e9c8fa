using AwsCore.Testing;

namespace AwsCore.Tests.Differential;

/// <summary>
/// Runs one of the python3 scripts beside this file (copied to the test output) with JSON lines in and out; the
/// machine's AWS_* variables and ~/.aws never reach it. Missing python3 or botocore fails with an install hint.
/// </summary>
internal static class PythonScript
{
    public static IReadOnlyList<string> Run(string scriptName, IEnumerable<string> inputLines)
    {
        var script = Path.Combine(AppContext.BaseDirectory, "Differential", scriptName);
        if (!File.Exists(script)) throw new FileNotFoundException("the differential script was not copied to the test output", script);
        const string hint = "python3 is not on PATH; install Python 3 and `python3 -m pip install botocore` to run the differential tests";
        var (code, output, error) = Python3.Run(new[] { script }, string.Concat(inputLines.Select(line => line + "\n")), hint, environment: environment =>
        {
            Python3.WithoutAwsVariables(environment);
            environment["AWS_CONFIG_FILE"] = "/nonexistent/awscore-test/config";
            environment["AWS_SHARED_CREDENTIALS_FILE"] = "/nonexistent/awscore-test/credentials";
            environment["HOME"] = Path.GetTempPath();
        });
        if (code != 0)
        {
            if (error.Contains("No module named 'botocore'"))
                throw new InvalidOperationException("botocore is not installed for python3; run `python3 -m pip install botocore` to run the differential tests");
            throw new InvalidOperationException($"{scriptName} failed: {error}");
        }
        return output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
    }
}
