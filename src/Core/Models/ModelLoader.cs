using System.Collections.Concurrent;
using System.Text.Json;

namespace AwsCore.Models;

/// <summary>
/// Finds and loads service models along a search path, as botocore's Loader: <c>$AWS_DATA_PATH</c> entries,
/// <c>~/.aws/models</c>, then the module's bundled <c>models/</c>. A service's newest api-version across all
/// entries wins unless one is asked for; for that version the first entry holding the file wins. Models are
/// parsed on first use and cached per loader; every member is safe to call from several threads.
/// </summary>
public sealed class ModelLoader
{
    private static readonly Lazy<ModelLoader> DefaultLoader = new(() => new ModelLoader(DefaultSearchPaths()));

    private readonly ConcurrentDictionary<string, Lazy<ServiceModel>> _services = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, byte[]?> _data = new(StringComparer.Ordinal);
    private readonly Lazy<IReadOnlyList<string>> _serviceNames;

    public ModelLoader(IEnumerable<string> searchPaths)
    {
        SearchPaths = searchPaths.Where(p => !string.IsNullOrWhiteSpace(p)).Select(ExpandHome).ToArray();
        _serviceNames = new Lazy<IReadOnlyList<string>>(FindServiceNames);
    }

    /// <summary>The loader over <see cref="DefaultSearchPaths"/>, created on first use.</summary>
    public static ModelLoader Default => DefaultLoader.Value;

    /// <summary>The folders searched, in order.</summary>
    public IReadOnlyList<string> SearchPaths { get; }

    /// <summary><c>$AWS_DATA_PATH</c> (split on the OS path separator), <c>~/.aws/models</c>, then <see cref="BundledModelsDirectory"/>.</summary>
    public static IReadOnlyList<string> DefaultSearchPaths()
    {
        var paths = new List<string>();
        var env = Environment.GetEnvironmentVariable("AWS_DATA_PATH");
        if (!string.IsNullOrEmpty(env))
            paths.AddRange(env!.Split(new[] { Path.PathSeparator }, StringSplitOptions.RemoveEmptyEntries));
        paths.Add(Path.Combine("~", ".aws", "models"));
        if (BundledModelsDirectory() is { } bundled) paths.Add(bundled);
        return paths;
    }

    /// <summary>
    /// The <c>models</c> folder shipped with AwsCore: beside the assembly in an installed module, or at the root of a
    /// source checkout when running from a build folder.
    /// </summary>
    public static string? BundledModelsDirectory()
    {
        var start = Path.GetDirectoryName(typeof(ModelLoader).Assembly.Location);
        for (var dir = string.IsNullOrEmpty(start) ? null : new DirectoryInfo(start!); dir != null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "models");
            if (ModelFiles.Exists(Path.Combine(candidate, "partitions"))) return candidate;
        }
        return null;
    }

    /// <summary>Every service name that has a service-2 file on the search path, sorted.</summary>
    public IReadOnlyList<string> ListServices() => _serviceNames.Value;

    /// <summary>The api-versions of a service that have a <paramref name="typeName"/> file, sorted oldest first.</summary>
    public IReadOnlyList<string> ListApiVersions(string serviceName, string typeName = "service-2")
    {
        var versions = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var root in SearchPaths)
        {
            var serviceDir = Path.Combine(root, serviceName);
            if (!Directory.Exists(serviceDir)) continue;
            foreach (var versionDir in Directory.EnumerateDirectories(serviceDir))
                if (ModelFiles.Exists(Path.Combine(versionDir, typeName)))
                    versions.Add(Path.GetFileName(versionDir));
        }
        return versions.ToArray();
    }

    /// <summary>The service's model (newest api-version unless <paramref name="apiVersion"/> is given).</summary>
    /// <exception cref="ModelLoadException">Unknown service (with the closest names), missing version, or a bad file.</exception>
    public ServiceModel GetService(string serviceName, string? apiVersion = null)
    {
        if (string.IsNullOrWhiteSpace(serviceName)) throw new ArgumentException("a service name is required", nameof(serviceName));
        var key = serviceName + "/" + apiVersion;
        var lazy = _services.GetOrAdd(key, _ => new Lazy<ServiceModel>(() => Load(serviceName, apiVersion)));
        try
        {
            return lazy.Value;
        }
        catch
        {
            _services.TryRemove(key, out _);
            throw;
        }
    }

    /// <summary>A top-level data file ("partitions", "_retry", "sdk-default-configuration") from the first entry holding it.</summary>
    public byte[]? LoadData(string name) =>
        _data.GetOrAdd(name, n => SearchPaths.Select(root => ModelFiles.Read(Path.Combine(root, n))).FirstOrDefault(r => r != null)?.Bytes);

    /// <summary>Same as <see cref="LoadData"/> but the missing file is an error naming the search path.</summary>
    public byte[] RequireData(string name) =>
        LoadData(name) ?? throw new ModelLoadException($"data file '{name}.json' not found in: {string.Join(Path.PathSeparator.ToString(), SearchPaths)}");

    private ServiceModel Load(string serviceName, string? apiVersion)
    {
        var versions = ListApiVersions(serviceName);
        if (versions.Count == 0)
        {
            var close = NameSuggestions.Closest(serviceName, ListServices());
            throw new ModelLoadException($"unknown service '{serviceName}'" +
                (close.Count > 0 ? $"; did you mean {string.Join(", ", close)}?" : "") +
                $" (searched {string.Join(Path.PathSeparator.ToString(), SearchPaths)})");
        }
        var version = apiVersion ?? versions[versions.Count - 1];
        if (!versions.Contains(version))
            throw new ModelLoadException($"service '{serviceName}' has no api-version '{version}' (known: {string.Join(", ", versions)})");

        var (bytes, file) = ReadCompanion(serviceName, version, "service-2")
            ?? throw new ModelLoadException($"{serviceName}/{version}/service-2.json vanished while loading");
        bytes = WithExtras(serviceName, version, "service-2", bytes, file);
        var model = ServiceModel.Parse(bytes, serviceName, file);
        model.Companions = new CompanionFiles(this, serviceName, version);
        return model;
    }

    /// <summary>A file of the service's version directory, from the first search entry that holds it.</summary>
    internal (byte[] Bytes, string File)? ReadCompanion(string serviceName, string version, string typeName)
    {
        foreach (var root in SearchPaths)
            if (ModelFiles.Read(Path.Combine(root, serviceName, version, typeName)) is { } found)
                return found;
        return null;
    }

    internal byte[] WithExtras(string serviceName, string version, string typeName, byte[] bytes, string file)
    {
        var extras = ReadCompanion(serviceName, version, typeName + ".sdk-extras");
        return extras is { } e ? ModelFiles.MergeExtras(bytes, file, new[] { e }) : bytes;
    }

    private IReadOnlyList<string> FindServiceNames()
    {
        var names = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var root in SearchPaths)
        {
            if (!Directory.Exists(root)) continue;
            foreach (var serviceDir in Directory.EnumerateDirectories(root))
                if (Directory.EnumerateDirectories(serviceDir).Any(v => ModelFiles.Exists(Path.Combine(v, "service-2"))))
                    names.Add(Path.GetFileName(serviceDir));
        }
        return names.ToArray();
    }

    private static string ExpandHome(string path)
    {
        if (path == "~" || path.StartsWith("~/", StringComparison.Ordinal) || path.StartsWith("~\\", StringComparison.Ordinal))
            return Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), path.Length > 2 ? path.Substring(2) : "");
        return Environment.ExpandEnvironmentVariables(path);
    }
}
