using System.Diagnostics;

namespace AwsCore.Testing;

/// <summary>
/// Runs python3 (the tests' botocore, jmespath and moto oracles) with arguments and text on stdin, and returns its
/// exit code, stdout and stderr. When python3 cannot be started it throws with <c>installHint</c>, so a missing
/// oracle fails the test with what to install instead of passing silently. Callers interpret the exit code.
/// </summary>
internal static class Python3
{
    public static (int Code, string Output, string Error) Run(IEnumerable<string> arguments, string stdin, string installHint,
        int timeoutMs = 300_000, Action<IDictionary<string, string?>>? environment = null)
    {
        var start = new ProcessStartInfo("python3")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        environment?.Invoke(start.Environment);
        Process process;
        try
        {
            process = Process.Start(start) ?? throw new InvalidOperationException(installHint);
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new InvalidOperationException($"{installHint} (python3 could not be started: {e.Message})", e);
        }
        using (process)
        {
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            process.StandardInput.Write(stdin);
            process.StandardInput.Close();
            if (!process.WaitForExit(timeoutMs))
            {
                process.Kill();
                throw new TimeoutException($"python3 did not finish within {timeoutMs / 1000} s");
            }
            return (process.ExitCode, stdout.Result, stderr.Result);
        }
    }

    /// <summary>Removes the machine's AWS_* variables, so an oracle sees only what a test gives it.</summary>
    public static void WithoutAwsVariables(IDictionary<string, string?> environment)
    {
        foreach (var key in environment.Keys.Where(k => k.StartsWith("AWS_", StringComparison.Ordinal)).ToList())
            environment.Remove(key);
    }
}
