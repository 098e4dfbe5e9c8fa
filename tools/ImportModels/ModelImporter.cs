using System.IO.Compression;

namespace AwsCore.ImportModels;

/// <summary>What one import wrote.</summary>
internal sealed record ImportSummary(int Services, int Files, long Bytes, string? BotocoreVersion);

/// <summary>
/// Copies the newest api-version of every service of a botocore data directory into a models folder, without
/// documentation, minified and gzipped. The new folder is built beside the target and swapped in only when every
/// file succeeded, so a failure leaves the previous folder as it was.
/// </summary>
internal static class ModelImporter
{
    public const string RegenerateCommand = "dotnet run --project tools/ImportModels -c Release  (or: ./build.ps1 -Task ImportModels)";

    public static ImportSummary Import(string dataDirectory, string modelsDirectory, TextWriter? log = null)
    {
        dataDirectory = Path.GetFullPath(dataDirectory);
        modelsDirectory = Path.GetFullPath(modelsDirectory.TrimEnd(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar));
        if (!Directory.Exists(dataDirectory))
            throw new ModelImportException($"{dataDirectory}: no such botocore data directory");

        var parent = Path.GetDirectoryName(modelsDirectory)!;
        Directory.CreateDirectory(parent);
        var staging = Path.Combine(parent, $".{Path.GetFileName(modelsDirectory)}.import-{Environment.ProcessId}");
        if (Directory.Exists(staging)) Directory.Delete(staging, recursive: true);
        Directory.CreateDirectory(staging);
        try
        {
            var services = ServiceLayout.Services(dataDirectory);
            var files = ServiceLayout.TopLevelFiles(dataDirectory)
                .Concat(services.SelectMany(service => ServiceLayout.FilesOf(dataDirectory, service)))
                .ToList();
            long bytes = 0;
            foreach (var file in files)
                bytes += Write(file, staging);

            var version = BotocoreLocator.FindVersion(dataDirectory);
            File.WriteAllText(Path.Combine(staging, "README.md"), ModelsReadme.Render(version, services.Count, files.Count, bytes));
            Swap(staging, modelsDirectory);
            log?.WriteLine($"{services.Count} services, {files.Count} files, {bytes / 1024.0 / 1024.0:F2} MiB -> {modelsDirectory}");
            return new ImportSummary(services.Count, files.Count, bytes, version);
        }
        finally
        {
            if (Directory.Exists(staging)) Directory.Delete(staging, recursive: true);
        }
    }

    private static long Write(ModelFile file, string staging)
    {
        var minified = ModelMinifier.Minify(Read(file.SourcePath), file.SourcePath);
        var target = Path.Combine(staging, file.RelativeTarget);
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        using (var stream = File.Create(target))
        using (var gzip = new GZipStream(stream, CompressionLevel.Optimal))
            gzip.Write(minified);
        return new FileInfo(target).Length;
    }

    private static byte[] Read(string path)
    {
        try
        {
            if (!path.EndsWith(".gz", StringComparison.Ordinal)) return File.ReadAllBytes(path);
            using var input = new GZipStream(File.OpenRead(path), CompressionMode.Decompress);
            using var buffer = new MemoryStream();
            input.CopyTo(buffer);
            return buffer.ToArray();
        }
        catch (InvalidDataException e)
        {
            throw new ModelImportException($"{path}: not a valid gzip file: {e.Message}", e);
        }
        catch (IOException e)
        {
            throw new ModelImportException($"{path}: cannot be read: {e.Message}", e);
        }
    }

    private static void Swap(string staging, string target)
    {
        if (!Directory.Exists(target))
        {
            Directory.Move(staging, target);
            return;
        }
        var previous = target + $".previous-{Environment.ProcessId}";
        Directory.Move(target, previous);
        try
        {
            Directory.Move(staging, target);
        }
        catch
        {
            Directory.Move(previous, target);
            throw;
        }
        Directory.Delete(previous, recursive: true);
    }
}
