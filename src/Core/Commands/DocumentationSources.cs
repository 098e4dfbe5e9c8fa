using System.Text.RegularExpressions;
using AwsCore.Models;

namespace AwsCore.Commands;

/// <summary>
/// Finds botocore installs on this machine, by looking where Python keeps packages (no Python is run), so commands
/// can show AWS's documentation although the bundled models carry none. <c>$AWSCORE_BOTOCORE_DATA</c> (OS path
/// separator) names data directories explicitly and comes first.
/// </summary>
public static class DocumentationSources
{
    private static readonly Regex VersionLine = new("^__version__\\s*=\\s*['\"]([^'\"]+)['\"]", RegexOptions.Multiline | RegexOptions.CultureInvariant);
    private static readonly Lazy<IReadOnlyList<string>> Found = new(() => FindIn(Environment.GetEnvironmentVariable("AWSCORE_BOTOCORE_DATA"), CandidateSitePackages()));
    private static readonly Lazy<ModelLoader?> DocumentedLoader = new(() => Found.Value.Count == 0 ? null : new ModelLoader(Found.Value));

    /// <summary>The botocore data directories found, explicit ones first, then the newest botocore first. Found once per process.</summary>
    public static IReadOnlyList<string> BotocoreDataDirectories => Found.Value;

    /// <summary>The same service and api-version from a botocore install, with its documentation; null when none has it.</summary>
    public static ServiceModel? FindDocumented(ServiceModel model)
    {
        if (model is null) throw new ArgumentNullException(nameof(model));
        var loader = DocumentedLoader.Value;
        if (loader is null || !loader.ListServices().Contains(model.ServiceName, StringComparer.Ordinal)) return null;
        if (!loader.ListApiVersions(model.ServiceName).Contains(model.ApiVersion, StringComparer.Ordinal)) return null;
        return loader.GetService(model.ServiceName, model.ApiVersion);
    }

    /// <summary>Data directories from <paramref name="explicitList"/>, then from the botocore packages under <paramref name="sitePackages"/>, newest version first.</summary>
    internal static IReadOnlyList<string> FindIn(string? explicitList, IEnumerable<string> sitePackages)
    {
        var result = new List<string>();
        if (!string.IsNullOrEmpty(explicitList))
            result.AddRange(explicitList!.Split(new[] { Path.PathSeparator }, StringSplitOptions.RemoveEmptyEntries).Where(Directory.Exists).Select(Path.GetFullPath));
        var installs = new List<(Version Version, string Data)>();
        foreach (var packages in sitePackages.Distinct(StringComparer.Ordinal))
        {
            var data = Path.Combine(packages, "botocore", "data");
            var init = Path.Combine(packages, "botocore", "__init__.py");
            if (!Directory.Exists(data) || !File.Exists(init)) continue;
            installs.Add((ParseVersion(File.ReadAllText(init)), Path.GetFullPath(data)));
        }
        result.AddRange(installs.OrderByDescending(i => i.Version).ThenBy(i => i.Data, StringComparer.Ordinal).Select(i => i.Data));
        return result.Distinct(StringComparer.Ordinal).ToList();
    }

    private static Version ParseVersion(string init)
    {
        var match = VersionLine.Match(init);
        return match.Success && Version.TryParse(match.Groups[1].Value, out var version) ? version : new Version(0, 0);
    }

    // Where pip, distributions, pyenv, virtual environments on PATH, the AWS CLI v1 bundle and Windows installers put packages.
    private static IEnumerable<string> CandidateSitePackages()
    {
        var home = Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
        var roots = new List<string>();
        foreach (var entry in Split(Environment.GetEnvironmentVariable("PYTHONPATH"))) yield return entry;
        foreach (var entry in Split(Environment.GetEnvironmentVariable("PATH")))
        {
            var parent = Path.GetDirectoryName(entry.TrimEnd(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar));
            if (parent is not null) roots.Add(parent);
            roots.Add(entry);
        }
        if (!string.IsNullOrEmpty(home))
        {
            roots.Add(Path.Combine(home, ".local"));
            roots.Add(Path.Combine(home, ".local", "lib", "aws"));
            roots.AddRange(Subdirectories(Path.Combine(home, ".pyenv", "versions"), "*"));
        }
        roots.AddRange(new[] { "/usr", "/usr/local", "/opt/homebrew", "/opt/local" });
        var localAppData = Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData);
        if (!string.IsNullOrEmpty(localAppData)) roots.AddRange(Subdirectories(Path.Combine(localAppData, "Programs", "Python"), "Python3*"));
        var appData = Environment.GetFolderPath(Environment.SpecialFolder.ApplicationData);
        if (!string.IsNullOrEmpty(appData)) roots.AddRange(Subdirectories(Path.Combine(appData, "Python"), "Python3*"));

        foreach (var root in roots.Distinct(StringComparer.Ordinal))
        {
            yield return Path.Combine(root, "site-packages");
            yield return Path.Combine(root, "Lib", "site-packages");
            yield return Path.Combine(root, "lib", "python3", "dist-packages");
            foreach (var python in Subdirectories(Path.Combine(root, "lib"), "python3*"))
            {
                yield return Path.Combine(python, "site-packages");
                yield return Path.Combine(python, "dist-packages");
            }
        }
    }

    private static IEnumerable<string> Split(string? list) =>
        string.IsNullOrEmpty(list) ? Enumerable.Empty<string>() : list!.Split(new[] { Path.PathSeparator }, StringSplitOptions.RemoveEmptyEntries);

    private static IEnumerable<string> Subdirectories(string directory, string pattern)
    {
        try
        {
            return Directory.Exists(directory) ? Directory.GetDirectories(directory, pattern) : Array.Empty<string>();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return Array.Empty<string>();
        }
    }
}
