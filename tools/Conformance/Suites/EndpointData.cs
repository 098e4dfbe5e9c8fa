using AwsCore.Endpoints;
using AwsCore.Models;

namespace AwsCore.Conformance.Suites;

/// <summary>
/// Where the endpoint suites find partitions.json, rule sets and service models when the suite folder lacks them:
/// the model search path (AWS_DATA_PATH, ~/.aws/models, the bundled models/) and then a local botocore's data folder.
/// </summary>
internal static class EndpointData
{
    private static readonly Lazy<ModelLoader> LazyLoader = new(() =>
        new ModelLoader(ModelLoader.DefaultSearchPaths().Concat(BotocoreData() is { } data ? new[] { data } : Array.Empty<string>())));

    public static ModelLoader Loader => LazyLoader.Value;

    /// <summary>&lt;dir&gt;/partitions.json, else the endpoints suite's beside it, else the model search path's.</summary>
    public static PartitionSet FindPartitions(string directory)
    {
        foreach (var candidate in new[] { Path.Combine(directory, "partitions.json"), Path.Combine(directory, "..", "endpoints", "partitions.json") })
            if (File.Exists(candidate)) return PartitionSet.Load(candidate);
        return PartitionSet.For(Loader);
    }

    /// <summary>The service model on the search path, or null when there is none.</summary>
    public static ServiceModel? FindService(string service)
    {
        try
        {
            return Loader.GetService(service);
        }
        catch (ModelLoadException)
        {
            return null;
        }
    }

    private static string? BotocoreData()
    {
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
            return process.ExitCode == 0 && Directory.Exists(output) ? output : null;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return null;
        }
    }
}
