using AwsCore.Testing;

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
        var (code, output, error) = Python3.Run(new[] { "-c", script }, stdin, Hint);
        if (code != 0) throw new InvalidOperationException($"python3 failed ({Hint}): {error}");
        return output;
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
