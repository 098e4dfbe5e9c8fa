namespace AwsCore.Conformance;

/// <summary>One kind of conformance folder (see DESIGN.md, Conformance).</summary>
public abstract class ConformanceSuite
{
    /// <summary>The name given on the command line, e.g. "protocols".</summary>
    public abstract string Name { get; }

    /// <summary>Runs every case found under <paramref name="directory"/>, reporting each one.</summary>
    public abstract void Run(string directory, CaseReporter reporter);

    public static IReadOnlyList<ConformanceSuite> All { get; } = new ConformanceSuite[]
    {
        new Suites.ProtocolsSuite(),
        new Suites.SigV4Suite(),
        new Suites.EndpointsSuite(),
        new Suites.JmesPathSuite(),
        new Suites.CborSuite(),
        new Suites.EndpointsLibrarySuite(),
        new Suites.ConfiguredEndpointUrlsSuite(),
    };

    public static ConformanceSuite? Find(string name) =>
        All.FirstOrDefault(s => string.Equals(s.Name, name, StringComparison.OrdinalIgnoreCase));
}
