using System.Diagnostics;

namespace AwsCore.Tests.Support;

/// <summary>Locates the data directory of the botocore installed for python3 on this machine, if any.</summary>
public static class BotocoreData
{
    private static readonly Lazy<string?> Directory = new(Find);

    public static string? DataDirectory => Directory.Value;

    /// <summary>The botocore data directory, or a test failure that says how to install botocore.</summary>
    public static string Require() =>
        DataDirectory ?? throw new InvalidOperationException(
            "python3 with botocore is required for this test: install it with `python3 -m pip install botocore boto3 \"moto[server]\"`");

    private static string? Find()
    {
        try
        {
            var psi = new ProcessStartInfo("python3", "-c \"import botocore,os;print(os.path.join(os.path.dirname(botocore.__file__),'data'))\"")
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            using var process = Process.Start(psi)!;
            var output = process.StandardOutput.ReadToEnd().Trim();
            process.WaitForExit(30_000);
            return process.ExitCode == 0 && System.IO.Directory.Exists(output) ? output : null;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return null;
        }
    }
}
