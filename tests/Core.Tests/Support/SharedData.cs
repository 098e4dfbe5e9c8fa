namespace AwsCore.Tests.Support;

/// <summary>
/// Finds the workplace's shared folder (conformance suites) beside the repository: ../shared from the repo root,
/// or the folder named by AWSCORE_SHARED. A user's clone has none; tests that need it skip and say why.
/// </summary>
public static class SharedData
{
    public static string RepoRoot { get; } = FindRepoRoot();

    public static string? SharedDirectory { get; } = FindShared();

    public static string? Conformance(string suite)
    {
        if (SharedDirectory is null) return null;
        var path = Path.Combine(SharedDirectory, "conformance", suite);
        return Directory.Exists(path) ? path : null;
    }

    /// <summary>The conformance folder of <paramref name="suite"/>, or a skip that says it is absent.</summary>
    public static string RequireConformance(string suite)
    {
        var path = Conformance(suite);
        Skip.If(path is null, $"../shared/conformance/{suite} is not beside this clone (set AWSCORE_SHARED to a folder holding conformance/); the {suite} conformance suite was not run");
        return path!;
    }

    private static string FindRepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir != null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Module.sln"))) return dir.FullName;
        throw new InvalidOperationException("Module.sln not found above " + AppContext.BaseDirectory);
    }

    private static string? FindShared()
    {
        var env = Environment.GetEnvironmentVariable("AWSCORE_SHARED");
        if (!string.IsNullOrEmpty(env)) return Directory.Exists(env) ? Path.GetFullPath(env) : null;
        var beside = Path.GetFullPath(Path.Combine(RepoRoot, "..", "shared"));
        return Directory.Exists(beside) ? beside : null;
    }
}
