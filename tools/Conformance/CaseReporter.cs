namespace AwsCore.Conformance;

/// <summary>Collects one outcome per case; failures and skips are written as they happen, one line each.</summary>
public sealed class CaseReporter
{
    private readonly TextWriter _output;
    private readonly List<string> _failures = new();
    private readonly List<string> _skips = new();

    public CaseReporter(TextWriter output) => _output = output;

    public int Passed { get; private set; }
    public int Failed => _failures.Count;
    public int Skipped => _skips.Count;
    public IReadOnlyList<string> Failures => _failures;
    public IReadOnlyList<string> Skips => _skips;

    public void Pass(string caseName) => Passed++;

    public void Fail(string caseName, string reason)
    {
        var line = $"FAIL {caseName}: {reason}";
        _failures.Add(line);
        _output.WriteLine(line);
    }

    /// <summary>A case deliberately not run; the reason is printed so no skip is silent.</summary>
    public void Skip(string caseName, string reason)
    {
        var line = $"SKIP {caseName}: {reason}";
        _skips.Add(line);
        _output.WriteLine(line);
    }

    /// <summary>Runs one case, turning any exception into a failure that names the case.</summary>
    public void Run(string caseName, Action check)
    {
        try
        {
            check();
            Pass(caseName);
        }
        catch (Exception e)
        {
            Fail(caseName, e.GetType().Name + ": " + e.Message.Replace('\n', ' '));
        }
    }

    public string Totals => Skipped > 0
        ? $"{Passed} passed, {Failed} failed, {Skipped} skipped"
        : $"{Passed} passed, {Failed} failed";
}
