namespace AwsCore.ImportModels;

/// <summary>
/// <c>AwsCore.ImportModels [botocore-data-dir] [models-dir]</c>: bundles botocore's service models into models/.
/// Without a data directory it asks python3 where botocore is; the models folder defaults to the repository's.
/// </summary>
public static class Program
{
    public static int Main(string[] args) => Run(args, Console.Out, Console.Error);

    /// <summary>The program over the given writers: 0 imported, 1 failed (models folder unchanged), 2 usage.</summary>
    internal static int Run(string[] args, TextWriter output, TextWriter error)
    {
        if (args.Length > 2 || args.Any(a => a is "-h" or "--help" or "/?"))
        {
            error.WriteLine("usage: AwsCore.ImportModels [botocore-data-dir] [models-dir]");
            return 2;
        }
        try
        {
            var data = args.Length > 0 ? args[0] : BotocoreLocator.FindDataDirectory();
            var models = args.Length > 1 ? args[1] : Path.Combine(FindRepositoryRoot(), "models");
            output.WriteLine($"importing {data} -> {models}");
            ModelImporter.Import(data, models, output);
            return 0;
        }
        catch (ModelImportException e)
        {
            error.WriteLine("import failed, models folder unchanged: " + e.Message);
            return 1;
        }
    }

    private static string FindRepositoryRoot()
    {
        foreach (var start in new[] { Environment.CurrentDirectory, AppContext.BaseDirectory })
            for (var dir = new DirectoryInfo(start); dir != null; dir = dir.Parent)
                if (File.Exists(Path.Combine(dir.FullName, "Module.sln"))) return dir.FullName;
        throw new ModelImportException("Module.sln not found above the current directory; give the models folder as the second argument");
    }
}
