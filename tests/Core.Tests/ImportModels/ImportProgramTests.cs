using AwsCore.ImportModels;

namespace AwsCore.Tests.ImportModels;

/// <summary>The command line of tools/ImportModels: exit codes and messages.</summary>
public sealed class ImportProgramTests : IDisposable
{
    private readonly FakeBotocoreData _data = new();
    private readonly StringWriter _captured = new();

    public void Dispose() => _data.Dispose();

    private int Run(params string[] args) => Program.Run(args, _captured, _captured);

    [Fact]
    public void ImportsFromTheGivenDataDirectoryIntoTheGivenFolder()
    {
        _data.Write("widgets/2020-06-30/service-2.json", """{"shapes":{}}""");

        Assert.Equal(0, Run(_data.DataDirectory, _data.ModelsDirectory));

        Assert.True(File.Exists(Path.Combine(_data.ModelsDirectory, "widgets", "2020-06-30", "service-2.json.gz")));
        Assert.Contains("1 services, 4 files", _captured.ToString());
    }

    [Fact]
    public void AMissingDataDirectoryFailsAndSaysNothingChanged()
    {
        var missing = Path.Combine(_data.Root, "no-such-data");

        Assert.Equal(1, Run(missing, _data.ModelsDirectory));

        Assert.Contains("import failed, models folder unchanged", _captured.ToString());
        Assert.Contains(missing, _captured.ToString());
        Assert.False(Directory.Exists(_data.ModelsDirectory));
    }

    [Fact]
    public void TooManyArgumentsPrintUsage()
    {
        Assert.Equal(2, Run("a", "b", "c"));
        Assert.Contains("usage: AwsCore.ImportModels [botocore-data-dir] [models-dir]", _captured.ToString());
    }

    [Fact]
    public void TheBotocoreVersionIsReadBesideTheDataDirectory()
    {
        Assert.Equal("9.8.7", BotocoreLocator.FindVersion(_data.DataDirectory));
        Assert.Null(BotocoreLocator.FindVersion(Path.Combine(_data.Root, "models")));
    }
}
