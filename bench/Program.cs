using BenchmarkDotNet.Running;

namespace AwsCore.Bench;

/// <summary>Runs the benchmarks named on the command line (BenchmarkSwitcher syntax, e.g. --filter *ModelLoad*).</summary>
public static class Program
{
    public static void Main(string[] args) => BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
}
