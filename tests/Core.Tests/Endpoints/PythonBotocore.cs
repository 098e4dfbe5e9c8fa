using System.Diagnostics;

namespace AwsCore.Tests.Endpoints;

/// <summary>Runs a python3 script with botocore importable; fails with an install hint when either is missing.</summary>
internal static class PythonBotocore
{
    private const string Hint = "these tests compare with botocore: install python3 and `pip install botocore`";

    private static readonly Lazy<string> DataDirectory = new(() =>
        Run("import botocore,os;print(os.path.join(os.path.dirname(botocore.__file__),'data'))", "").Trim());

    /// <summary>botocore's data folder (service models, partitions.json, _retry.json).</summary>
    public static string Data => DataDirectory.Value;

    public static string Run(string script, string stdin)
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
            process = Process.Start(start) ?? throw new InvalidOperationException(Hint);
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new InvalidOperationException(Hint, e);
        }
        using (process)
        {
            var stderr = process.StandardError.ReadToEndAsync();
            process.StandardInput.Write(stdin);
            process.StandardInput.Close();
            var output = process.StandardOutput.ReadToEnd();
            process.WaitForExit();
            if (process.ExitCode != 0) throw new InvalidOperationException($"python3 failed ({Hint}): {stderr.Result}");
            return output;
        }
    }

    /// <summary>The newest api-version folder's file for a service in botocore's data (plain or .gz).</summary>
    public static string ServiceFile(string service, string file)
    {
        var versions = Directory.GetDirectories(Path.Combine(Data, service)).OrderByDescending(d => d, StringComparer.Ordinal);
        foreach (var version in versions)
        {
            var plain = Path.Combine(version, file);
            if (File.Exists(plain)) return plain;
            if (File.Exists(plain + ".gz")) return plain + ".gz";
        }
        throw new FileNotFoundException($"{service}/{file} not in {Data}");
    }
}
