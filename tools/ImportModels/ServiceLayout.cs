namespace AwsCore.ImportModels;

/// <summary>One model file picked for import: where it is read from and where it goes under models/.</summary>
internal sealed record ModelFile(string SourcePath, string RelativeTarget);

/// <summary>
/// Reads botocore's data layout (<c>&lt;service&gt;/&lt;api-version&gt;/&lt;kind&gt;.json[.gz]</c>) and picks, for each
/// kind, the file of the newest api-version holding that kind, as botocore's loader does: versions compare as
/// ordinal strings and the last wins; <c>.json</c> is preferred to <c>.json.gz</c> in the same folder.
/// </summary>
internal static class ServiceLayout
{
    /// <summary>The per-service model kinds bundled, each with its optional sdk-extras file.</summary>
    public static readonly IReadOnlyList<string> ServiceKinds = ["service-2", "paginators-1", "waiters-2", "endpoint-rule-set-1"];

    /// <summary>The data directory's top-level files the runtime reads (endpoints.json is superseded by rule sets).</summary>
    public static readonly IReadOnlyList<string> TopLevelKinds = ["partitions", "_retry", "sdk-default-configuration"];

    private static readonly string[] Extensions = [".json", ".json.gz"];

    /// <summary>The service folders of <paramref name="dataDirectory"/> that hold a service-2 model, in ordinal order.</summary>
    public static IReadOnlyList<string> Services(string dataDirectory) =>
        Directory.GetDirectories(dataDirectory)
            .Select(Path.GetFileName)
            .Select(name => name!)
            .Where(name => NewestVersion(Path.Combine(dataDirectory, name), "service-2") is not null)
            .OrderBy(name => name, StringComparer.Ordinal)
            .ToList();

    /// <summary>The files to import for one service: each kind from its newest api-version, plus its sdk-extras.</summary>
    public static IReadOnlyList<ModelFile> FilesOf(string dataDirectory, string service)
    {
        var serviceDirectory = Path.Combine(dataDirectory, service);
        var files = new List<ModelFile>();
        foreach (var kind in ServiceKinds)
        {
            var version = NewestVersion(serviceDirectory, kind);
            if (version is null) continue;
            var versionDirectory = Path.Combine(serviceDirectory, version);
            foreach (var name in new[] { kind, kind + ".sdk-extras" })
            {
                var source = Find(versionDirectory, name);
                if (source is not null)
                    files.Add(new ModelFile(source, Path.Combine(service, version, name + ".json.gz")));
            }
        }
        return files;
    }

    /// <summary>The top-level files of the data directory; each one is required.</summary>
    public static IReadOnlyList<ModelFile> TopLevelFiles(string dataDirectory) =>
        TopLevelKinds.Select(kind => new ModelFile(
                Find(dataDirectory, kind) ?? throw new ModelImportException(
                    $"{Path.Combine(dataDirectory, kind)}.json: not found; is {dataDirectory} a botocore data directory?"),
                kind + ".json.gz"))
            .ToList();

    /// <summary>The newest api-version folder of <paramref name="serviceDirectory"/> holding <paramref name="kind"/>, or null.</summary>
    public static string? NewestVersion(string serviceDirectory, string kind) =>
        Directory.GetDirectories(serviceDirectory)
            .Where(directory => Find(directory, kind) is not null)
            .Select(directory => Path.GetFileName(directory)!)
            .OrderBy(name => name, StringComparer.Ordinal)
            .LastOrDefault();

    private static string? Find(string directory, string name) =>
        Extensions.Select(extension => Path.Combine(directory, name + extension)).FirstOrDefault(File.Exists);
}
