using System.IO.Compression;
using System.Text;

namespace AwsCore.Tests.ImportModels;

/// <summary>A small botocore-shaped package in a temp folder: botocore/__init__.py and botocore/data/...</summary>
internal sealed class FakeBotocoreData : IDisposable
{
    public FakeBotocoreData()
    {
        Root = Path.Combine(Path.GetTempPath(), "awscore-import-" + Guid.NewGuid().ToString("N"));
        DataDirectory = Path.Combine(Root, "botocore", "data");
        Directory.CreateDirectory(DataDirectory);
        File.WriteAllText(Path.Combine(Root, "botocore", "__init__.py"), "import os\n__version__ = '9.8.7'\n");
        Write("partitions.json", """{"partitions":[{"id":"aws"}],"version":"1.1"}""");
        Write("_retry.json", """{"retry":{"__default__":{"max_attempts":5}}}""");
        Write("sdk-default-configuration.json", """{"version":1,"base":{"retryMode":"standard"},"documentation":{"modes":{"standard":"text"}}}""");
    }

    public string Root { get; }

    public string DataDirectory { get; }

    public string ModelsDirectory => Path.Combine(Root, "models");

    public void Write(string relativePath, string json) => WriteBytes(relativePath, Encoding.UTF8.GetBytes(json));

    public void WriteGzip(string relativePath, string json)
    {
        var buffer = new MemoryStream();
        using (var gzip = new GZipStream(buffer, CompressionLevel.Fastest))
            gzip.Write(Encoding.UTF8.GetBytes(json));
        WriteBytes(relativePath, buffer.ToArray());
    }

    /// <summary>The text of a file the import wrote, decompressed.</summary>
    public string ReadImported(string relativePath)
    {
        using var gzip = new GZipStream(File.OpenRead(Path.Combine(ModelsDirectory, relativePath)), CompressionMode.Decompress);
        using var reader = new StreamReader(gzip, Encoding.UTF8);
        return reader.ReadToEnd();
    }

    public void Dispose()
    {
        if (Directory.Exists(Root)) Directory.Delete(Root, recursive: true);
    }

    private void WriteBytes(string relativePath, byte[] bytes)
    {
        var path = Path.Combine(DataDirectory, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllBytes(path, bytes);
    }
}
