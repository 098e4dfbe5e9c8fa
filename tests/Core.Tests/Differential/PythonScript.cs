using System.Diagnostics;

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
        var start = new ProcessStartInfo("python3")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(script);
        foreach (var key in start.Environment.Keys.Where(k => k.StartsWith("AWS_", StringComparison.Ordinal)).ToList())
            start.Environment.Remove(key);
        start.Environment["AWS_CONFIG_FILE"] = "/nonexistent/awscore-test/config";
        start.Environment["AWS_SHARED_CREDENTIALS_FILE"] = "/nonexistent/awscore-test/credentials";
        start.Environment["HOME"] = Path.GetTempPath();

        Process process;
        try
        {
            process = Process.Start(start)!;
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new InvalidOperationException("python3 is not on PATH; install Python 3 and `python3 -m pip install botocore` to run the differential tests", e);
        }
        using (process)
        {
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            foreach (var line in inputLines) process.StandardInput.WriteLine(line);
            process.StandardInput.Close();
            process.WaitForExit();
            if (process.ExitCode != 0)
            {
                if (stderr.Result.Contains("No module named 'botocore'"))
                    throw new InvalidOperationException("botocore is not installed for python3; run `python3 -m pip install botocore` to run the differential tests");
                throw new InvalidOperationException($"{scriptName} failed: {stderr.Result}");
            }
            return stdout.Result.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        }
    }
}
