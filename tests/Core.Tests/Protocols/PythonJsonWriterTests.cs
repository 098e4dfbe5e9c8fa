using System.Text;
using AwsCore.Protocols.Json;
using Xunit;

namespace AwsCore.Tests.Protocols;

/// <summary>
/// The JSON botocore signs is Python's json.dumps output; AwsCore's writer must give the same bytes. Python reads
/// each document AwsCore wrote and writes it again: equal bytes mean equal separators, escaping and float text.
/// </summary>
public sealed class PythonJsonWriterTests
{
    private const string Script = """
import sys, json
for line in sys.stdin.read().splitlines():
    compact, text = line.split(' ', 1)
    value = json.loads(text)
    print(json.dumps(value, separators=(',', ':')) if compact == '1' else json.dumps(value))
""";

    private static readonly object?[] Documents =
    {
        "plain text",
        "quote \" backslash \\ slash / tab \t newline \n cr \r bs \b ff \f",
        "controls \u0000 \u0001 \u001f and del \u007f",
        "latin é, CJK 日本語, emoji 😀 (a surrogate pair), BOM \ufeff, lone high \ud800 end",
        "html-sensitive < > & ' + ` stay as they are",
        new List<object?> { 0.0, -0.0, 1.0, 1.5, 0.1, 100.0, 1e16, 1.5e16, 1e-5, 0.0001, 123456789.123, 1e22, 5e-324, double.MaxValue, -2.5e-7 },
        new List<object?> { 0L, -1L, long.MaxValue, long.MinValue, 42 },
        new List<object?> { true, false, null, new List<object?>(), new Dictionary<string, object?>() },
        new Dictionary<string, object?>
        {
            ["z-last-first"] = 1L,
            ["a"] = new Dictionary<string, object?> { ["nested é"] = new List<object?> { "x", 2.5, new Dictionary<string, object?> { ["k"] = null } } },
            ["key \"quoted\""] = "v",
        },
        double.NaN,
        double.PositiveInfinity,
        double.NegativeInfinity,
    };

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void DocumentsMatchPythonJsonDumps(bool compact)
    {
        var written = Documents.Select(d => Encoding.ASCII.GetString(Write(d, compact))).ToList();
        var stdin = string.Join("\n", written.Select(w => (compact ? "1 " : "0 ") + w));
        var (code, output, error) = Python.Run(Script, stdin);
        Assert.True(code == 0, $"python3 failed ({code}): {error}");
        var expected = output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(written.Count, expected.Length);
        for (var i = 0; i < written.Count; i++) Assert.Equal(expected[i], written[i]);
    }

    [Fact]
    public void OutputIsAscii()
    {
        var bytes = Write("é😀\u2028", compact: false);
        Assert.All(bytes, b => Assert.True(b < 0x80));
        Assert.Equal("\"\\u00e9\\ud83d\\ude00\\u2028\"", Encoding.ASCII.GetString(bytes));
    }

    private static byte[] Write(object? document, bool compact) => JsonBodyWriter.Document(document, compact);
}
