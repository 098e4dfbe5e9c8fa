using System.Diagnostics;

namespace AwsCore.Tests.Jmes;

/// <summary>
/// Runs a python3 script (botocore's own jmespath and paginate modules are the reference) with text on stdin and
/// returns its stdout. Fails with an install hint when python3 or the modules are missing: never a silent pass.
/// </summary>
internal static class PythonOracle
{
    public static string Run(string script, string input)
    {
        var start = new ProcessStartInfo("python3")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add(script);
        Process process;
        try
        {
            process = Process.Start(start)!;
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new InvalidOperationException("python3 is needed for this differential test: install Python 3 and `pip install botocore jmespath` (" + e.Message + ")");
        }
        using (process)
        {
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            process.StandardInput.Write(input);
            process.StandardInput.Close();
            if (!process.WaitForExit(120_000))
            {
                process.Kill();
                throw new TimeoutException("python3 did not finish within 120 s");
            }
            if (process.ExitCode != 0)
            {
                var error = stderr.Result;
                var hint = error.Contains("ModuleNotFoundError") ? " (install the reference: `pip install botocore jmespath`)" : "";
                throw new InvalidOperationException($"python3 failed with exit code {process.ExitCode}{hint}: {error}");
            }
            return stdout.Result;
        }
    }
}
