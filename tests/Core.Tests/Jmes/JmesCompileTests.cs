using System.IO.Compression;
using System.Text.Json;
using AwsCore.Jmes;

namespace AwsCore.Tests.Jmes;

public sealed class JmesCompileTests
{
    [Fact]
    public void CompiledExpressionsAreCachedByText()
    {
        var first = JmesPath.Compile("Contents[-1].Key");
        Assert.Same(first, JmesPath.Compile("Contents[-1].Key"));
        Assert.Equal("Contents[-1].Key", first.ToString());
    }

    [Fact]
    public void OneCompiledExpressionServesManyThreads()
    {
        var expression = JmesPath.Compile("sort_by(Items[?Size > `2`], &Size)[*].Key | join('-', @)");
        var failures = 0;
        Parallel.For(0, 2000, new ParallelOptions { MaxDegreeOfParallelism = 8 }, i =>
        {
            var items = new List<object?>();
            for (var j = 0; j < 6; j++) items.Add(new Dictionary<string, object?> { ["Key"] = $"k{i}.{j}", ["Size"] = (i + j) % 6 });
            var expected = string.Join("-", Enumerable.Range(0, 6).Select(j => (j, size: (i + j) % 6)).Where(x => x.size > 2).OrderBy(x => x.size).Select(x => $"k{i}.{x.j}"));
            if (!Equals(expected, expression.Search(new Dictionary<string, object?> { ["Items"] = items }))) Interlocked.Increment(ref failures);
        });
        Assert.Equal(0, failures);
    }

    /// <summary>Every JMESPath expression in botocore's paginators and waiters (the ones AwsCore runs) compiles.</summary>
    [Fact]
    public void EveryExpressionInBotocoresPaginatorsAndWaitersCompiles()
    {
        var data = BotocoreData.Directory();
        var count = 0;
        var failures = new List<string>();
        foreach (var file in Directory.EnumerateFiles(data, "*.json*", SearchOption.AllDirectories)
                     .Where(f => Path.GetFileName(f).StartsWith("paginators-1.json", StringComparison.Ordinal) || Path.GetFileName(f).StartsWith("waiters-2.json", StringComparison.Ordinal)))
        {
            using var document = JsonDocument.Parse(BotocoreData.ReadText(file));
            foreach (var expression in Expressions(document.RootElement))
            {
                count++;
                try { JmesPath.Compile(expression); }
                catch (JmesPathException e) { failures.Add(file + ": " + e.Message); }
            }
        }
        Assert.True(count > 1000, $"only {count} expressions found under {data}");
        Assert.True(failures.Count == 0, string.Join("\n", failures.Take(20)));
    }

    private static IEnumerable<string> Expressions(JsonElement element)
    {
        if (element.ValueKind == JsonValueKind.Object)
        {
            foreach (var property in element.EnumerateObject())
            {
                var isExpression = property.Name is "output_token" or "result_key" or "more_results" or "non_aggregate_keys"
                    || (property.Name == "argument");
                if (isExpression && property.Value.ValueKind == JsonValueKind.String) yield return property.Value.GetString()!;
                else if (isExpression && property.Value.ValueKind == JsonValueKind.Array)
                {
                    foreach (var item in property.Value.EnumerateArray())
                        if (item.ValueKind == JsonValueKind.String) yield return item.GetString()!;
                }
                else foreach (var nested in Expressions(property.Value)) yield return nested;
            }
        }
        else if (element.ValueKind == JsonValueKind.Array)
        {
            foreach (var item in element.EnumerateArray())
                foreach (var nested in Expressions(item)) yield return nested;
        }
    }
}

/// <summary>The installed botocore's data directory (service models, paginators, waiters), found through python3.</summary>
internal static class BotocoreData
{
    private static readonly Lazy<string> Location = new(() =>
        PythonOracle.Run("import botocore, os; print(os.path.join(os.path.dirname(botocore.__file__), 'data'))", "").Trim());

    public static string Directory() => Location.Value;

    public static string ReadText(string path)
    {
        if (!path.EndsWith(".gz", StringComparison.Ordinal)) return File.ReadAllText(path);
        using var stream = new GZipStream(File.OpenRead(path), CompressionMode.Decompress);
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    public static byte[] ReadBytes(string path) => System.Text.Encoding.UTF8.GetBytes(ReadText(path));
}
