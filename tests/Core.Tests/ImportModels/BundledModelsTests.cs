using System.IO.Compression;
using System.Text.Json;
using AwsCore.Tests.Support;

namespace AwsCore.Tests.ImportModels;

/// <summary>The committed models/ folder is what the import tool makes: complete, documented, documentation-free.</summary>
public sealed class BundledModelsTests
{
    private static readonly string Models = Path.Combine(SharedData.RepoRoot, "models");

    [Fact]
    public void EveryServiceHasOneApiVersionWithAServiceModelAndARuleSet()
    {
        var services = Directory.GetDirectories(Models);
        Assert.True(services.Length >= 400, $"only {services.Length} services under {Models}");
        foreach (var service in services)
        {
            var versions = Directory.GetDirectories(service);
            Assert.True(versions.Length == 1, $"{service}: {versions.Length} api-versions");
            Assert.True(File.Exists(Path.Combine(versions[0], "service-2.json.gz")), $"{versions[0]}: no service-2.json.gz");
            Assert.True(File.Exists(Path.Combine(versions[0], "endpoint-rule-set-1.json.gz")), $"{versions[0]}: no endpoint-rule-set-1.json.gz");
        }
        foreach (var top in new[] { "partitions", "_retry", "sdk-default-configuration" })
            Assert.True(File.Exists(Path.Combine(Models, top + ".json.gz")), top);
        Assert.Contains($"{services.Length} services", File.ReadAllText(Path.Combine(Models, "README.md")));
    }

    [Fact]
    public void ServiceModelsParseAndCarryNoDocumentation()
    {
        foreach (var file in Directory.GetFiles(Models, "service-2.json.gz", SearchOption.AllDirectories))
        {
            using var gzip = new GZipStream(File.OpenRead(file), CompressionMode.Decompress);
            using var document = JsonDocument.Parse(gzip);
            Assert.False(document.RootElement.TryGetProperty("documentation", out _), file);
            foreach (var operation in document.RootElement.GetProperty("operations").EnumerateObject())
                Assert.False(operation.Value.TryGetProperty("documentation", out _), $"{file}: {operation.Name}");
        }
    }
}
