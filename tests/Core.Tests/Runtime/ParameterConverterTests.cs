using System.Collections;
using System.Collections.Specialized;
using System.Text;
using AwsCore.Runtime;

namespace AwsCore.Tests.Runtime;

public sealed class ParameterConverterTests
{
    private static Dictionary<string, object?> Convert(object input, bool ignoreCase = false) =>
        Assert.IsType<Dictionary<string, object?>>(ParameterConverter.ConvertInput(input, ValidationModel.Input,
            ignoreCase ? new ParameterConversionOptions { IgnoreMemberNameCase = true } : null));

    [Fact]
    public void EveryInputFormBecomesTheCanonicalTree()
    {
        var when = new DateTimeOffset(2020, 1, 2, 3, 4, 5, TimeSpan.FromHours(2));
        var input = new Hashtable
        {
            ["Name"] = "abc",
            ["Item"] = new SortedList { ["Key"] = new Dictionary<string, string> { ["S"] = "k" } },
            ["Items"] = new ArrayList { new Hashtable { ["Key"] = new Hashtable() } },
            ["Tags"] = new Dictionary<string, object> { ["a"] = "aaa" },
            ["Count"] = 5L,
            ["Big"] = (short)7,
            ["Ratio"] = 0.75m,
            ["When"] = when,
            ["Data"] = "text",
            ["Numbers"] = new[] { 1L, 2L },
            ["Doc"] = new Hashtable { ["n"] = 3, ["f"] = 1.5f, ["l"] = new ArrayList { (byte)1, "x" } },
        };
        var tree = Convert(input);
        Assert.Equal("abc", tree["Name"]);
        var item = Assert.IsType<Dictionary<string, object?>>(tree["Item"]);
        Assert.Equal("k", Assert.IsType<Dictionary<string, object?>>(item["Key"])["S"]);
        var items = Assert.IsType<List<object?>>(tree["Items"]);
        Assert.IsType<Dictionary<string, object?>>(Assert.IsType<Dictionary<string, object?>>(Assert.Single(items))["Key"]);
        Assert.Equal("aaa", Assert.IsType<Dictionary<string, object?>>(tree["Tags"])["a"]);
        Assert.Equal(5, Assert.IsType<int>(tree["Count"]));
        Assert.Equal(7L, Assert.IsType<long>(tree["Big"]));
        Assert.Equal(0.75, Assert.IsType<double>(tree["Ratio"]));
        var utc = Assert.IsType<DateTime>(tree["When"]);
        Assert.Equal(DateTimeKind.Utc, utc.Kind);
        Assert.Equal(new DateTime(2020, 1, 2, 1, 4, 5, DateTimeKind.Utc), utc);
        Assert.Equal(Encoding.UTF8.GetBytes("text"), Assert.IsType<byte[]>(tree["Data"]));
        Assert.Equal(new List<object?> { 1, 2 }, Assert.IsType<List<object?>>(tree["Numbers"]));
        var doc = Assert.IsType<Dictionary<string, object?>>(tree["Doc"]);
        Assert.Equal(3L, Assert.IsType<long>(doc["n"]));
        Assert.Equal(1.5, Assert.IsType<double>(doc["f"]));
        Assert.Equal(new List<object?> { 1L, "x" }, Assert.IsType<List<object?>>(doc["l"]));
        Assert.Empty(ParameterValidator.Validate(tree, ValidationModel.Input));
    }

    [Fact]
    public void CallerOrderIsKeptAndNullMembersAreDropped()
    {
        var input = new OrderedDictionary { ["Item"] = new Hashtable { ["Key"] = new Hashtable() }, ["Flag"] = null, ["Name"] = "abc" };
        var tree = Convert(input);
        Assert.Equal(new[] { "Item", "Name" }, tree.Keys);
    }

    [Theory]
    [InlineData("2020-01-02T03:04:05Z", 2020, 1, 2, 3, 4, 5)]
    [InlineData("2020-01-02T03:04:05+01:00", 2020, 1, 2, 2, 4, 5)]
    [InlineData("2020-01-02", 2020, 1, 2, 0, 0, 0)]
    [InlineData("Thu, 02 Jan 2020 03:04:05 GMT", 2020, 1, 2, 3, 4, 5)]
    [InlineData("1577934245", 2020, 1, 2, 3, 4, 5)]
    public void TimestampStringsParseAsBotocoreParsesThem(string text, int y, int mo, int d, int h, int mi, int s)
    {
        var tree = Convert(new Hashtable { ["When"] = text });
        Assert.Equal(new DateTime(y, mo, d, h, mi, s, DateTimeKind.Utc), tree["When"]);
    }

    [Fact]
    public void NaiveDateTimesAreUtcAndEpochNumbersAreSeconds()
    {
        var naive = new DateTime(2020, 1, 2, 3, 4, 5, DateTimeKind.Unspecified);
        Assert.Equal(DateTime.SpecifyKind(naive, DateTimeKind.Utc), Convert(new Hashtable { ["When"] = naive })["When"]);
        Assert.Equal(new DateTime(1970, 1, 1, 0, 0, 1, 500, DateTimeKind.Utc), Convert(new Hashtable { ["When"] = 1.5 })["When"]);
    }

    [Fact]
    public void ValuesThatCannotConvertAreLeftForTheValidator()
    {
        var input = new Hashtable { ["Count"] = 3_000_000_000L, ["When"] = "garbage", ["Flag"] = "yes", ["Name"] = 5, ["Item"] = new Hashtable { ["Key"] = new Hashtable() } };
        var tree = Convert(input);
        Assert.Equal(3_000_000_000L, tree["Count"]);
        Assert.Equal("garbage", tree["When"]);
        Assert.Equal("yes", tree["Flag"]);
        var errors = ParameterValidator.Validate(tree, ValidationModel.Input);
        Assert.Equal(new[] { "Count", "Flag", "Name", "When" }, errors.Select(e => e.Path).OrderBy(p => p, StringComparer.Ordinal));
    }

    [Fact]
    public void StreamsStayStreams()
    {
        var stream = new MemoryStream(new byte[8]);
        Assert.Same(stream, Convert(new Hashtable { ["Data"] = stream })["Data"]);
    }

    [Fact]
    public void MemberNamesMatchCaseInsensitivelyOnlyWhenAsked()
    {
        var input = new Hashtable { ["name"] = "abc", ["ITEM"] = new Hashtable { ["key"] = new Hashtable { ["s"] = "x" } } };
        var strict = Convert(input);
        Assert.Contains("name", strict.Keys);
        Assert.Equal(new[] { "MissingRequired Item", "MissingRequired Name", "UnknownMember ITEM", "UnknownMember name" },
            ParameterValidator.Validate(strict, ValidationModel.Input).Select(e => e.Kind + " " + e.Path).OrderBy(s => s, StringComparer.Ordinal));

        var relaxed = Convert(input, ignoreCase: true);
        Assert.Equal(new[] { "Item", "Name" }, relaxed.Keys.OrderBy(k => k, StringComparer.Ordinal));
        Assert.Empty(ParameterValidator.Validate(relaxed, ValidationModel.Input));
    }

    [Fact]
    public void AnExactNameIsNeverShadowedByACaseInsensitiveOne()
    {
        var input = new Dictionary<string, object?> { ["Name"] = "abc", ["name"] = "def", ["Item"] = new Hashtable { ["Key"] = new Hashtable() } };
        var tree = Convert(input, ignoreCase: true);
        Assert.Equal("abc", tree["Name"]);
        Assert.Equal("def", tree["name"]);
    }

    [Fact]
    public void EnumsBecomeTheirNames()
    {
        var tree = Convert(new Hashtable { ["Name"] = DayOfWeek.Monday, ["Tags"] = new Hashtable { [DayOfWeek.Friday] = "fri" } });
        Assert.Equal("Monday", tree["Name"]);
        Assert.Equal("fri", Assert.IsType<Dictionary<string, object?>>(tree["Tags"])["Friday"]);
    }

    [Fact]
    public void JsonValueHeadersTakeADocumentInEitherReading()
    {
        var value = new Hashtable { ["a"] = 1, ["b"] = new ArrayList { "x" } };
        foreach (var options in new[] { ParameterConversionOptions.Default, ParameterConversionOptions.ForCommands() })
        {
            var tree = Assert.IsType<Dictionary<string, object?>>(
                ParameterConverter.ConvertInput(new Hashtable { ["Json"] = value, ["Name"] = "abc" }, ValidationModel.Input, options), exactMatch: false);
            var json = Assert.IsType<Dictionary<string, object?>>(tree["Json"]);
            Assert.Equal(1L, json["a"]);
            Assert.Equal(new List<object?> { "x" }, json["b"]);
            Assert.Equal("{\"k\":1}", ParameterConverter.ConvertInput(new Hashtable { ["Json"] = "{\"k\":1}" }, ValidationModel.Input, options) is IDictionary<string, object?> d ? d["Json"] : null);
        }
    }

    [Fact]
    public void NullInputIsEmpty()
    {
        Assert.Empty(Convert(null!));
    }
}
