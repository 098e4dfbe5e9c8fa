using System.IO.Compression;
using System.Text;
using AwsCore.Models;
using AwsCore.Tests.Support;

namespace AwsCore.Tests.Models;

public sealed class ModelLoaderTests
{
    private const string MinimalModel = """
        {"version":"2.0","metadata":{"apiVersion":"VERSION","endpointPrefix":"svc","protocol":"json","serviceId":"Svc","jsonVersion":"1.1","targetPrefix":"Svc","serviceFullName":"NAME"},
         "operations":{"Ping":{"name":"Ping","http":{"method":"POST","requestUri":"/"},"input":{"shape":"PingInput"}}},
         "shapes":{"PingInput":{"type":"structure","members":{"Name":{"shape":"String","locationName":"name"}}},"String":{"type":"string"}}}
        """;

    private static string Model(string version, string fullName = "Test Service") =>
        MinimalModel.Replace("VERSION", version).Replace("NAME", fullName);

    private static ModelLoader Bundled()
    {
        var dir = ModelLoader.BundledModelsDirectory();
        Assert.True(dir != null, "the bundled models/ folder was not found above the test assembly; run `dotnet run --project tools/ImportModels`");
        return new ModelLoader(new[] { dir! });
    }

    [Fact]
    public void EveryBundledServiceLoadsAndEveryShapeReferenceResolves()
    {
        var loader = Bundled();
        var services = loader.ListServices();
        Assert.True(services.Count >= 400, $"only {services.Count} bundled services");
        var failures = new List<string>();
        foreach (var name in services)
        {
            try
            {
                var model = loader.GetService(name);
                Assert.True(ModelWalker.ResolveEverything(model) > 0);
                Assert.Contains(model.Protocol, ServiceModel.ProtocolPriority);
            }
            catch (Exception e)
            {
                failures.Add($"{name}: {e.Message}");
            }
        }
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    [SkippableFact]
    public void EveryModelOfTheInstalledBotocoreLoads()
    {
        var data = BotocoreData.DataDirectory;
        Skip.If(data is null, "no botocore for python3 on this machine, so its newest data directory was not loaded");
        var loader = new ModelLoader(new[] { data! });
        var failures = new List<string>();
        foreach (var name in loader.ListServices())
        {
            try { ModelWalker.ResolveEverything(loader.GetService(name)); }
            catch (Exception e) { failures.Add($"{name}: {e.Message}"); }
        }
        Assert.True(loader.ListServices().Count >= 400);
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    [Fact]
    public void AnEarlierSearchPathEntryOverridesTheBundledCopyOfTheSameVersion()
    {
        using var temp = new TempDirectory();
        var bundled = Bundled();
        var s3 = bundled.GetService("s3");
        temp.Write($"s3/{s3.ApiVersion}/service-2.json", Model(s3.ApiVersion, "Overridden S3"));
        var loader = new ModelLoader(new[] { temp.Path }.Concat(bundled.SearchPaths));
        Assert.Equal("Overridden S3", loader.GetService("s3").ServiceFullName);
        Assert.Equal(s3.ServiceFullName, bundled.GetService("s3").ServiceFullName);
    }

    [Fact]
    public void AwsDataPathComesFirstInTheDefaultSearchPath()
    {
        var saved = Environment.GetEnvironmentVariable("AWS_DATA_PATH");
        try
        {
            Environment.SetEnvironmentVariable("AWS_DATA_PATH", "/one" + Path.PathSeparator + "/two");
            var paths = ModelLoader.DefaultSearchPaths();
            Assert.Equal("/one", paths[0]);
            Assert.Equal("/two", paths[1]);
            Assert.EndsWith(Path.Combine(".aws", "models"), paths[2]);
        }
        finally
        {
            Environment.SetEnvironmentVariable("AWS_DATA_PATH", saved);
        }
    }

    [Fact]
    public void NewestApiVersionWinsUnlessOneIsAskedFor()
    {
        using var first = new TempDirectory();
        using var second = new TempDirectory();
        first.Write("svc/2019-01-01/service-2.json", Model("2019-01-01"));
        second.Write("svc/2021-06-30/service-2.json", Model("2021-06-30"));
        var loader = new ModelLoader(new[] { first.Path, second.Path });
        Assert.Equal(new[] { "2019-01-01", "2021-06-30" }, loader.ListApiVersions("svc"));
        Assert.Equal("2021-06-30", loader.GetService("svc").ApiVersion);
        Assert.Equal("2019-01-01", loader.GetService("svc", "2019-01-01").ApiVersion);
        var error = Assert.Throws<ModelLoadException>(() => loader.GetService("svc", "2000-01-01"));
        Assert.Contains("2019-01-01, 2021-06-30", error.Message);
    }

    [Fact]
    public void PlainAndGzippedFilesBothLoad()
    {
        using var temp = new TempDirectory();
        temp.Write("plain/2020-01-01/service-2.json", Model("2020-01-01", "Plain"));
        var gz = Path.Combine(temp.Path, "zipped", "2020-01-01", "service-2.json.gz");
        Directory.CreateDirectory(Path.GetDirectoryName(gz)!);
        using (var file = File.Create(gz))
        using (var zip = new GZipStream(file, CompressionLevel.Optimal))
            zip.Write(Encoding.UTF8.GetBytes(Model("2020-01-01", "Zipped")));
        var loader = new ModelLoader(new[] { temp.Path });
        Assert.Equal("Plain", loader.GetService("plain").ServiceFullName);
        Assert.Equal("Zipped", loader.GetService("zipped").ServiceFullName);
        Assert.Equal(new[] { "plain", "zipped" }, loader.ListServices());
    }

    [Fact]
    public void AMalformedModelNamesTheFileAndTheJsonPosition()
    {
        using var temp = new TempDirectory();
        var file = temp.Write("broken/2020-01-01/service-2.json", "{\n  \"metadata\": {\n    \"apiVersion\": 2020,,\n  }\n}");
        var loader = new ModelLoader(new[] { temp.Path });
        var error = Assert.Throws<ModelLoadException>(() => loader.GetService("broken"));
        Assert.Contains(file, error.Message);
        Assert.Contains("line 3", error.Message);
    }

    [Fact]
    public void AnUnknownServiceSuggestsTheClosestNames()
    {
        var error = Assert.Throws<ModelLoadException>(() => Bundled().GetService("s3contrl"));
        Assert.Contains("did you mean", error.Message);
        Assert.Contains("s3control", error.Message);
    }

    [Fact]
    public void AnUnknownOperationSuggestsTheClosestNames()
    {
        var error = Assert.Throws<ArgumentException>(() => Bundled().GetService("s3").GetOperation("ListBucket"));
        Assert.Contains("ListBuckets", error.Message);
    }

    [Fact]
    public void SdkExtrasAreDeepMergedOverTheBaseFile()
    {
        using var temp = new TempDirectory();
        temp.Write("svc/2020-01-01/service-2.json", Model("2020-01-01"));
        temp.Write("svc/2020-01-01/paginators-1.json", """{"pagination":{"ListA":{"input_token":"T","output_token":"N","result_key":"A"}}}""");
        temp.Write("svc/2020-01-01/paginators-1.sdk-extras.json", """{"version":1.0,"merge":{"pagination":{"ListA":{"non_aggregate_keys":["X"]},"ListB":{"input_token":"M"}}}}""");
        var model = new ModelLoader(new[] { temp.Path }).GetService("svc");
        var merged = System.Text.Json.JsonDocument.Parse(model.GetCompanionFile("paginators-1")!.Bytes).RootElement.GetProperty("pagination");
        Assert.Equal("T", merged.GetProperty("ListA").GetProperty("input_token").GetString());
        Assert.Equal("X", merged.GetProperty("ListA").GetProperty("non_aggregate_keys")[0].GetString());
        Assert.Equal("M", merged.GetProperty("ListB").GetProperty("input_token").GetString());
        Assert.Null(model.GetCompanionFile("waiters-2"));
    }

    [Fact]
    public void ReferenceTraitsOverrideTheDefinitionAndModelLoadsAreCached()
    {
        using var temp = new TempDirectory();
        temp.Write("svc/2020-01-01/service-2.json", Model("2020-01-01"));
        var loader = new ModelLoader(new[] { temp.Path });
        var model = loader.GetService("svc");
        Assert.Same(model, loader.GetService("svc"));
        var input = model.GetOperation("Ping").Input!;
        Assert.Equal("name", input.Members["Name"].LocationName);
        Assert.Null(model.GetShape("String").LocationName);
        Assert.Equal("json", model.Protocol);
    }

    [Fact]
    public void ConcurrentFirstLoadsYieldOneModel()
    {
        using var temp = new TempDirectory();
        temp.Write("svc/2020-01-01/service-2.json", Model("2020-01-01"));
        var loader = new ModelLoader(new[] { temp.Path });
        var models = Enumerable.Range(0, 16).AsParallel().Select(_ => loader.GetService("svc")).ToArray();
        Assert.All(models, m => Assert.Same(models[0], m));
    }
}
