namespace AwsCore.Conformance.Suites;

/// <summary>Where the endpoint suites find partitions.json and service data when the suite folder lacks them.</summary>
internal static class EndpointData
{
    public static string FindPartitions(string directory)
    {
        var candidates = new List<string>
        {
            Path.Combine(directory, "partitions.json"),
            Path.Combine(directory, "..", "endpoints", "partitions.json"),
        };
        candidates.AddRange(ModelDirectories().Select(d => Path.Combine(d, "partitions.json")));
        return candidates.FirstOrDefault(File.Exists)
               ?? throw new FileNotFoundException("partitions.json not found; looked in " + string.Join(", ", candidates));
    }

    /// <summary>The model search path: AWS_DATA_PATH entries, ~/.aws/models, then a local botocore's data folder.</summary>
    public static IEnumerable<string> ModelDirectories()
    {
        var env = Environment.GetEnvironmentVariable("AWS_DATA_PATH");
        if (!string.IsNullOrEmpty(env))
            foreach (var entry in env.Split(Path.PathSeparator))
                if (entry.Length > 0) yield return entry;
        yield return Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".aws", "models");
        if (BotocoreData() is { } botocore) yield return botocore;
    }

    /// <summary>The newest api-version folder of <paramref name="service"/> holding <paramref name="file"/> (or its .gz), or null.</summary>
    public static string? FindServiceFile(string service, string file)
    {
        foreach (var root in ModelDirectories())
        {
            var serviceDir = Path.Combine(root, service);
            if (!Directory.Exists(serviceDir)) continue;
            foreach (var version in Directory.GetDirectories(serviceDir).OrderByDescending(d => Path.GetFileName(d), StringComparer.Ordinal))
            {
                var plain = Path.Combine(version, file);
                if (File.Exists(plain)) return plain;
                if (File.Exists(plain + ".gz")) return plain + ".gz";
            }
        }
        return null;
    }

    private static string? _botocore;
    private static bool _looked;

    private static string? BotocoreData()
    {
        if (_looked) return _botocore;
        _looked = true;
        try
        {
            var start = new System.Diagnostics.ProcessStartInfo("python3", "-c \"import botocore,os;print(os.path.join(os.path.dirname(botocore.__file__),'data'))\"")
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            using var process = System.Diagnostics.Process.Start(start)!;
            var output = process.StandardOutput.ReadToEnd().Trim();
            process.WaitForExit();
            _botocore = process.ExitCode == 0 && Directory.Exists(output) ? output : null;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            _botocore = null;
        }
        return _botocore;
    }
}
