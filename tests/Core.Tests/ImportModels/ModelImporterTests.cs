using AwsCore.ImportModels;

namespace AwsCore.Tests.ImportModels;

public sealed class ModelImporterTests : IDisposable
{
    private readonly FakeBotocoreData _data = new();

    public void Dispose() => _data.Dispose();

    [Fact]
    public void PicksTheNewestApiVersionOfEachService()
    {
        _data.Write("widgets/2015-01-01/service-2.json", """{"metadata":{"apiVersion":"2015-01-01"},"shapes":{}}""");
        _data.Write("widgets/2020-06-30/service-2.json", """{"metadata":{"apiVersion":"2020-06-30"},"shapes":{}}""");
        _data.Write("widgets/2020-06-30/paginators-1.json", """{"pagination":{}}""");

        var summary = ModelImporter.Import(_data.DataDirectory, _data.ModelsDirectory);

        Assert.Equal(1, summary.Services);
        Assert.Equal(["2020-06-30"], Directory.GetDirectories(Path.Combine(_data.ModelsDirectory, "widgets")).Select(Path.GetFileName));
        Assert.Equal("""{"metadata":{"apiVersion":"2020-06-30"},"shapes":{}}""", _data.ReadImported("widgets/2020-06-30/service-2.json.gz"));
        Assert.True(File.Exists(Path.Combine(_data.ModelsDirectory, "widgets/2020-06-30/paginators-1.json.gz")));
    }

    [Fact]
    public void StripsDocumentationAtAnyDepthButKeepsMembersNamedLikeIt()
    {
        _data.Write("widgets/2020-06-30/service-2.json", """
            {
              "metadata": {"apiVersion": "2020-06-30", "documentation": "top"},
              "documentation": "<p>service</p>",
              "operations": {"Get": {"name": "Get", "documentation": "op", "input": {"shape": "In", "documentation": "in"}}},
              "shapes": {
                "In": {"type": "structure", "members": {
                  "examples": {"shape": "S", "documentation": "member doc"},
                  "documentationUrl": {"shape": "S"},
                  "Deep": {"shape": "L", "documentation": "d"}
                }, "documentation": "shape doc"},
                "L": {"type": "list", "member": {"shape": "S", "documentation": "nested", "examples": {"a": 1}}},
                "S": {"type": "string", "max": 1.50, "min": 12345678901234567890}
              },
              "examples": {}
            }
            """);

        ModelImporter.Import(_data.DataDirectory, _data.ModelsDirectory);

        var text = _data.ReadImported("widgets/2020-06-30/service-2.json.gz");
        Assert.Equal(
            """{"metadata":{"apiVersion":"2020-06-30"},"operations":{"Get":{"name":"Get","input":{"shape":"In"}}},"shapes":{"In":{"type":"structure","members":{"examples":{"shape":"S"},"documentationUrl":{"shape":"S"},"Deep":{"shape":"L"}}},"L":{"type":"list","member":{"shape":"S"}},"S":{"type":"string","max":1.50,"min":12345678901234567890}}}""",
            text);
    }

    [Fact]
    public void ReadsGzippedInputAndStripsEndpointRuleSetDocumentation()
    {
        _data.Write("widgets/2020-06-30/service-2.json", """{"shapes":{}}""");
        _data.WriteGzip("widgets/2020-06-30/endpoint-rule-set-1.json.gz",
            """{"version":"1.0","parameters":{"Region":{"type":"String","documentation":"The region"}},"rules":[{"type":"error","error":"x","documentation":"r"}]}""");

        ModelImporter.Import(_data.DataDirectory, _data.ModelsDirectory);

        Assert.Equal(
            """{"version":"1.0","parameters":{"Region":{"type":"String"}},"rules":[{"type":"error","error":"x"}]}""",
            _data.ReadImported("widgets/2020-06-30/endpoint-rule-set-1.json.gz"));
    }

    [Fact]
    public void CopiesSdkExtrasAndTopLevelFilesAndRecordsTheBotocoreVersion()
    {
        _data.Write("widgets/2020-06-30/service-2.json", """{"shapes":{}}""");
        _data.Write("widgets/2020-06-30/paginators-1.json", """{"pagination":{}}""");
        _data.Write("widgets/2020-06-30/paginators-1.sdk-extras.json", """{"version":1.0,"merge":{"pagination":{}}}""");

        var summary = ModelImporter.Import(_data.DataDirectory, _data.ModelsDirectory);

        Assert.Equal("9.8.7", summary.BotocoreVersion);
        Assert.Equal("""{"version":1.0,"merge":{"pagination":{}}}""", _data.ReadImported("widgets/2020-06-30/paginators-1.sdk-extras.json.gz"));
        Assert.Equal("""{"version":1,"base":{"retryMode":"standard"}}""", _data.ReadImported("sdk-default-configuration.json.gz"));
        Assert.True(File.Exists(Path.Combine(_data.ModelsDirectory, "partitions.json.gz")));
        Assert.True(File.Exists(Path.Combine(_data.ModelsDirectory, "_retry.json.gz")));
        var readme = File.ReadAllText(Path.Combine(_data.ModelsDirectory, "README.md"));
        Assert.Contains("botocore 9.8.7", readme);
        Assert.Contains("1 services", readme);
        Assert.Contains("dotnet run --project tools/ImportModels", readme);
    }

    [Fact]
    public void MalformedJsonNamesTheFileAndPositionAndLeavesTheModelsFolderAsItWas()
    {
        _data.Write("widgets/2020-06-30/service-2.json", """{"shapes":{}}""");
        ModelImporter.Import(_data.DataDirectory, _data.ModelsDirectory);
        var before = _data.ReadImported("widgets/2020-06-30/service-2.json.gz");

        _data.Write("widgets/2020-06-30/service-2.json", """{"shapes":{}}""");
        _data.Write("zebras/2021-01-01/service-2.json", "{\n  \"shapes\": {\n    \"A\": {\"type\": \"string\",}\n  }\n}");

        var error = Assert.Throws<ModelImportException>(() => ModelImporter.Import(_data.DataDirectory, _data.ModelsDirectory));

        Assert.Contains(Path.Combine("zebras", "2021-01-01", "service-2.json"), error.Message);
        Assert.Contains("line 3", error.Message);
        Assert.Equal(before, _data.ReadImported("widgets/2020-06-30/service-2.json.gz"));
        Assert.False(Directory.Exists(Path.Combine(_data.ModelsDirectory, "zebras")));
        Assert.Equal(["models"], Directory.GetFileSystemEntries(_data.Root).Select(Path.GetFileName).Where(n => n != "botocore"));
    }

    [Fact]
    public void CorruptGzipNamesTheFile()
    {
        _data.Write("widgets/2020-06-30/service-2.json.gz", "this is not gzip");

        var error = Assert.Throws<ModelImportException>(() => ModelImporter.Import(_data.DataDirectory, _data.ModelsDirectory));

        Assert.Contains(Path.Combine("widgets", "2020-06-30", "service-2.json.gz"), error.Message);
        Assert.False(Directory.Exists(_data.ModelsDirectory));
    }
}
