using System.Diagnostics;

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
            var psi = new ProcessStartInfo("python3", $"\"{file}\"")
            {
                RedirectStandardInput = true,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            Process process;
            try
            {
                process = Process.Start(psi)!;
            }
            catch (System.ComponentModel.Win32Exception e)
            {
                throw new InvalidOperationException("python3 is required for this test: install python3, then `python3 -m pip install botocore boto3`", e);
            }
            using (process)
            {
                var stdout = process.StandardOutput.ReadToEndAsync();
                var stderr = process.StandardError.ReadToEndAsync();
                process.StandardInput.Write(stdin);
                process.StandardInput.Close();
                if (!process.WaitForExit(120_000))
                {
                    process.Kill();
                    throw new TimeoutException("python3 did not finish in 120 s");
                }
                if (process.ExitCode != 0)
                {
                    var error = stderr.Result;
                    var hint = error.Contains("No module named") ? " (install it with `python3 -m pip install botocore boto3`)" : "";
                    throw new InvalidOperationException($"python3 failed{hint}: {error}");
                }
                return stdout.Result;
            }
        }
        finally
        {
            File.Delete(file);
        }
    }
}
