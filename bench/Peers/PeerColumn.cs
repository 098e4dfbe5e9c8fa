using System.Globalization;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;

namespace AwsCore.Bench.Peers;

/// <summary>
/// A summary column with botocore's time for the same case (measured by a python3 peer in this run), or AwsCore's
/// speedup against it. <paramref name="peerNanoseconds"/> answers null where a case has no botocore counterpart.
/// The peers report timeit's best repeat (its documented statistic), so the speedup sets it against this row's best
/// iteration (Min), like for like; set against the mean, noise on a shared machine would count against one side only.
/// </summary>
internal sealed class PeerColumn : IColumn
{
    private readonly Func<BenchmarkCase, double?> _peerNanoseconds;
    private readonly bool _speedup;
    private readonly string _peerFormat;

    /// <summary><paramref name="peerFormat"/> formats the peer's microseconds (one decimal unless sub-microsecond figures need more).</summary>
    public PeerColumn(string name, bool speedup, Func<BenchmarkCase, double?> peerNanoseconds, string legend, string peerFormat = "0.0")
    {
        ColumnName = name;
        _speedup = speedup;
        _peerNanoseconds = peerNanoseconds;
        Legend = legend;
        _peerFormat = peerFormat;
    }

    public string Id => nameof(PeerColumn) + ColumnName;
    public string ColumnName { get; }
    public bool AlwaysShow => true;
    public ColumnCategory Category => ColumnCategory.Custom;
    public int PriorityInCategory => _speedup ? 1 : 0;
    public bool IsNumeric => true;
    public UnitType UnitType => UnitType.Dimensionless;
    public string Legend { get; }

    public bool IsAvailable(Summary summary) => true;
    public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;
    public string GetValue(Summary summary, BenchmarkCase benchmarkCase) => GetValue(summary, benchmarkCase, summary.Style);

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style)
    {
        if (_peerNanoseconds(benchmarkCase) is not { } peer) return "-";
        if (!_speedup) return (peer / 1000).ToString(_peerFormat, CultureInfo.InvariantCulture) + " us";
        var ours = summary[benchmarkCase]?.ResultStatistics?.Min;
        return ours is > 0 ? (peer / ours.Value).ToString("0.0", CultureInfo.InvariantCulture) + "x" : "-";
    }
}
