using System.Collections.Concurrent;
using System.IO.Compression;
using AwsCore.Models;
using AwsCore.Testing;

namespace AwsCore.Tests.Protocols;

/// <summary>Service models from the botocore installed on this machine (its data directory), for protocol tests.</summary>
internal static class BotocoreModels
{
    private static readonly Lazy<string> Data = new(Support.BotocoreData.Require);
    private static readonly ConcurrentDictionary<string, ServiceModel> Cache = new(StringComparer.Ordinal);

    public const string InstallHint = "python3 with botocore is required: install it with `pip install botocore` (or boto3) so `python3 -c \"import botocore\"` works";

    public static string DataDirectory => Data.Value;

    public static ServiceModel Load(string service) => Cache.GetOrAdd(service, s =>
    {
        var versions = Directory.GetDirectories(Path.Combine(DataDirectory, s)).OrderByDescending(d => Path.GetFileName(d), StringComparer.Ordinal);
        foreach (var version in versions)
        {
            var plain = Path.Combine(version, "service-2.json");
            if (File.Exists(plain)) return ServiceModel.Parse(File.ReadAllBytes(plain), s, plain);
            var gz = plain + ".gz";
            if (!File.Exists(gz)) continue;
            using var input = new GZipStream(File.OpenRead(gz), CompressionMode.Decompress);
            using var copy = new MemoryStream();
            input.CopyTo(copy);
            return ServiceModel.Parse(copy.ToArray(), s, gz);
        }
        throw new FileNotFoundException($"{DataDirectory}/{s}: no service-2.json");
    });

    public static IEnumerable<string> Services => Directory.GetDirectories(DataDirectory)
        .Where(d => Directory.GetDirectories(d).Any(v => File.Exists(Path.Combine(v, "service-2.json")) || File.Exists(Path.Combine(v, "service-2.json.gz"))))
        .Select(Path.GetFileName)
        .OrderBy(n => n, StringComparer.Ordinal)!;
}

/// <summary>Runs python3 with a script and stdin; fails with an install hint when python3 is missing.</summary>
internal static class Python
{
    public static (int Code, string Output, string Error) Run(string script, string stdin, int timeoutMs = 300_000) =>
        Python3.Run(new[] { "-c", script }, stdin, BotocoreModels.InstallHint, timeoutMs);
}
