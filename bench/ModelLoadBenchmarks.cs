using AwsCore.Bench.Peers;
using AwsCore.Models;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;

namespace AwsCore.Bench;

/// <summary>
/// Loading a service model and resolving every operation's input shape, cold (a new ModelLoader over the bundled
/// models folder, so the file is found, un-gzipped and parsed) and warm (the loader's cached model), beside
/// botocore's session.get_service_model for the same services timed by bench/Peers/model_load.py in this run.
/// </summary>
[Config(typeof(PeerConfig))]
[MemoryDiagnoser]
[MinColumn]
public class ModelLoadBenchmarks
{
    private static readonly Lazy<Dictionary<string, double>> Botocore =
        new(() => PythonPeer.Run("model_load.py", "s3", "ec2", "dynamodb"));

    private string _bundled = "";
    private ModelLoader _warm = null!;

    [Params("s3", "ec2", "dynamodb")]
    public string Service { get; set; } = "";

    [GlobalSetup]
    public void Setup()
    {
        _bundled = ModelLoader.BundledModelsDirectory()
            ?? throw new InvalidOperationException("the bundled models folder was not found above " + AppContext.BaseDirectory);
        _warm = new ModelLoader(new[] { _bundled });
        var inputs = TouchInputs(_warm, Service);
        if (inputs == 0) throw new InvalidOperationException($"{Service}: no operation has an input shape");
    }

    /// <summary>A fresh loader: directory search, gunzip, parse, then each operation's input shape resolved.</summary>
    [Benchmark]
    public int Cold() => TouchInputs(new ModelLoader(new[] { _bundled }), Service);

    /// <summary>The cached model: what every client after the first one gets.</summary>
    [Benchmark]
    public int Warm() => TouchInputs(_warm, Service);

    private static int TouchInputs(ModelLoader loader, string service)
    {
        var model = loader.GetService(service);
        var count = 0;
        foreach (var name in model.OperationNames)
            if (model.GetOperation(name).Input != null) count++;
        return count;
    }

    private sealed class PeerConfig : ManualConfig
    {
        public PeerConfig()
        {
            const string legend = "botocore session.get_service_model + every operation_model(...).input_shape (python3 timeit, same run; cold = fresh Session each time)";
            AddColumn(new PeerColumn("botocore", speedup: false, PeerFigure, legend));
            AddColumn(new PeerColumn("Speedup", speedup: true, PeerFigure, "botocore's best repeat divided by AwsCore's best iteration (Min)"));
        }

        private static double? PeerFigure(BenchmarkDotNet.Running.BenchmarkCase benchmarkCase) =>
            Botocore.Value.TryGetValue($"{benchmarkCase.Descriptor.WorkloadMethod.Name}/{benchmarkCase.Parameters["Service"]}", out var ns) ? ns : null;
    }
}
