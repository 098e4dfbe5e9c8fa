namespace AwsCore.Conformance.Suites;

public sealed class SigV4Suite : ConformanceSuite
{
    public override string Name => "sigv4";

    public override void Run(string directory, CaseReporter reporter) =>
        throw new NotImplementedException("the sigv4 suite arrives with its issue");
}
