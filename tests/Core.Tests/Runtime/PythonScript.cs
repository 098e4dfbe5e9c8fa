using AwsCore.Testing;

namespace AwsCore.Tests.Runtime;

/// <summary>Runs a python3 script with botocore importable, feeding stdin and returning stdout; fails with an install hint when python3 or botocore is missing.</summary>
internal static class PythonScript
{
    public static string Run(string script, string stdin = "")
    {
        var file = Path.Combine(Path.GetTempPath(), "awscore-runtime-" + Guid.NewGuid().ToString("N") + ".py");
        File.WriteAllText(file, script);
        try
        {
            var (code, output, error) = Python3.Run(new[] { file }, stdin,
                "python3 is required for this test: install python3, then `python3 -m pip install botocore boto3`", timeoutMs: 120_000);
            if (code != 0)
            {
                var hint = error.Contains("No module named") ? " (install it with `python3 -m pip install botocore boto3`)" : "";
                throw new InvalidOperationException($"python3 failed{hint}: {error}");
            }
            return output;
        }
        finally
        {
            File.Delete(file);
        }
    }
}
