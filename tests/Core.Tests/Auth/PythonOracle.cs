using System.Diagnostics;

namespace AwsCore.Tests.Auth;

/// <summary>Runs a python3 script that uses botocore and returns its stdout; fails with an install hint where python3 or botocore is missing.</summary>
internal static class PythonOracle
{
    public static string Run(string script, IDictionary<string, string>? environment = null, bool clearAwsEnvironment = true)
    {
        var start = new ProcessStartInfo("python3")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add("-");
        if (clearAwsEnvironment)
            foreach (var key in start.Environment.Keys.Where(k => k.StartsWith("AWS_", StringComparison.Ordinal)).ToList())
                start.Environment.Remove(key);
        if (environment != null)
            foreach (var pair in environment) start.Environment[pair.Key] = pair.Value;
        Process process;
        try
        {
            process = Process.Start(start)!;
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new InvalidOperationException("python3 is not on PATH; install Python 3 and 'pip install botocore' to run the botocore differential tests", e);
        }
        using (process)
        {
            process.StandardInput.Write(script);
            process.StandardInput.Close();
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEnd();
            process.WaitForExit();
            if (process.ExitCode != 0)
            {
                if (stderr.Contains("No module named 'botocore'"))
                    throw new InvalidOperationException("botocore is not installed for python3; run 'pip install botocore' to run the differential tests");
                throw new InvalidOperationException("python3 failed: " + stderr);
            }
            return stdout.Result;
        }
    }
}
