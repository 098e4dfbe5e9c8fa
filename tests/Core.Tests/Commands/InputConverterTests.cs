using System.Collections;
using System.Text;
using AwsCore.Commands;

namespace AwsCore.Tests.Commands;

public sealed class InputConverterTests
{
    private static readonly AwsCore.Models.ServiceModel Sample = CommandTestModels.Sample();
    private static AwsCore.Models.Shape Input => Sample.GetOperation("PutThing").Input!;

    private static Dictionary<string, object?> Convert(object? parameters, Func<object, object?>? unwrap = null) =>
        new InputConverter(unwrap).ConvertInput(Input, parameters);

    private static ParameterConversionException Fails(object? parameters) =>
        Assert.Throws<ParameterConversionException>(() => Convert(parameters));

    [Fact]
    public void ConvertsAHashtableToTheValueTreeWithModelCasing()
    {
        var when = new DateTime(2024, 5, 6, 7, 8, 9, DateTimeKind.Utc);
        var input = new Hashtable
        {
            ["Name"] = "x",
            ["count"] = (byte)3,
            ["SIZE"] = 5_000_000_000L,
            ["ratio"] = 1,
            ["enabled"] = true,
            ["when"] = when,
            ["data"] = "text",
            ["tags"] = new object[] { new Hashtable { ["key"] = "k", ["value"] = "v" } },
            ["labels"] = new Hashtable { ["a"] = "b" },
            ["inner"] = new Dictionary<string, object?> { ["Key"] = "ik" },
        };
        var result = Convert(input);
        Assert.Equal("x", result["Name"]);
        Assert.Equal(3, Assert.IsType<int>(result["Count"]));
        Assert.Equal(5_000_000_000L, Assert.IsType<long>(result["Size"]));
        Assert.Equal(1.0, Assert.IsType<double>(result["Ratio"]));
        Assert.Equal(true, result["Enabled"]);
        Assert.Equal(when, result["When"]);
        Assert.Equal("text", result["Data"]);
        var tag = Assert.IsType<Dictionary<string, object?>>(Assert.Single(Assert.IsType<List<object?>>(result["Tags"])));
        Assert.Equal(new[] { "Key", "Value" }, tag.Keys.OrderBy(k => k));
        Assert.Equal("b", Assert.IsType<Dictionary<string, object?>>(result["Labels"])["a"]);
        Assert.Equal("ik", Assert.IsType<Dictionary<string, object?>>(result["Inner"])["Key"]);
    }

    [Fact]
    public void ErrorsNameTheParameterPath()
    {
        var e = Fails(new Hashtable { ["Tags"] = new object[] { new Hashtable { ["Key"] = "ok" }, new Hashtable { ["Key"] = 42 } } });
        Assert.Equal("Parameter.Tags[1].Key", e.Path);
        Assert.Equal("Parameter.Tags[1].Key: expected a string, got Int32", e.Message);

        e = Fails(new Hashtable { ["Labels"] = new Hashtable { ["color"] = new object() } });
        Assert.Equal("Parameter.Labels.color: expected a string, got Object", e.Message);

        e = Fails(new Hashtable { ["Inner"] = "not a structure" });
        Assert.StartsWith("Parameter.Inner: expected a hashtable or an object with properties (Inner), got String", e.Message);
    }

    [Fact]
    public void UnknownMembersSuggestTheClosestName()
    {
        var e = Fails(new Hashtable { ["Cuont"] = 1 });
        Assert.Equal("Parameter.Cuont", e.Path);
        Assert.Contains("'Cuont' is not a member of PutThingInput; did you mean Count?", e.Message);
    }

    [Fact]
    public void MembersDifferingOnlyByCaseNeedTheExactCase()
    {
        Assert.Equal("n", Convert(new Dictionary<string, object?> { ["NAME"] = "n" })["NAME"]);
        var e = Fails(new Dictionary<string, object?> { ["name"] = "n" });
        Assert.Contains("matches both 'Name' and 'NAME'", e.Message);
    }

    [Fact]
    public void NullMembersAreLeftOutAndASingleValueBecomesAList()
    {
        var result = Convert(new Hashtable { ["Name"] = null, ["Tags"] = new Hashtable { ["Key"] = "only" } });
        Assert.False(result.ContainsKey("Name"));
        var tags = Assert.IsType<List<object?>>(result["Tags"]);
        Assert.Equal("only", Assert.IsType<Dictionary<string, object?>>(Assert.Single(tags))["Key"]);
    }

    [Fact]
    public void IntegersAcceptWholeNumbersOnlyAndCheckTheRange()
    {
        Assert.Equal(7, Convert(new Hashtable { ["Count"] = 7.0 })["Count"]);
        Assert.Equal(7, Convert(new Hashtable { ["Count"] = 7m })["Count"]);
        Assert.Contains("expected an integer, got the fraction 7.5", Fails(new Hashtable { ["Count"] = 7.5 }).Message);
        Assert.Contains("out of range for an integer", Fails(new Hashtable { ["Count"] = 3_000_000_000L }).Message);
        Assert.Contains("expected an integer, got String", Fails(new Hashtable { ["Count"] = "7" }).Message);
        Assert.Contains("expected a long integer, got NaN", Fails(new Hashtable { ["Size"] = double.NaN }).Message);
        Assert.Contains("out of range for a long integer", Fails(new Hashtable { ["Size"] = ulong.MaxValue }).Message);
    }

    [Fact]
    public void TimestampsBecomeUtcDateTimes()
    {
        var local = new DateTime(2024, 1, 2, 3, 4, 5, DateTimeKind.Local);
        Assert.Equal(local.ToUniversalTime(), Convert(new Hashtable { ["When"] = local })["When"]);
        var offset = new DateTimeOffset(2024, 1, 2, 3, 4, 5, TimeSpan.FromHours(2));
        Assert.Equal(new DateTime(2024, 1, 2, 1, 4, 5, DateTimeKind.Utc), Convert(new Hashtable { ["When"] = offset })["When"]);
        Assert.Equal(new DateTime(2024, 1, 2, 3, 4, 5, DateTimeKind.Utc), Convert(new Hashtable { ["When"] = "2024-01-02T03:04:05Z" })["When"]);
        Assert.Equal(new DateTime(1970, 1, 1, 0, 0, 10, 500, DateTimeKind.Utc), Convert(new Hashtable { ["When"] = 10.5 })["When"]);
        var utc = (DateTime)Convert(new Hashtable { ["When"] = 1700000000 })["When"]!;
        Assert.Equal(DateTimeKind.Utc, utc.Kind);
        Assert.Contains("'soon' is not an ISO 8601 date", Fails(new Hashtable { ["When"] = "soon" }).Message);
    }

    [Fact]
    public void EnumValuesPassThroughAndOnlyCaseSlipsAreCorrected()
    {
        Assert.Equal("red", Convert(new Hashtable { ["Color"] = "RED" })["Color"]);
        Assert.Equal("purple", Convert(new Hashtable { ["Color"] = "purple" })["Color"]);
        Assert.Equal("Friday", Convert(new Hashtable { ["Name"] = DayOfWeek.Friday })["Name"]);
    }

    [Fact]
    public void BlobsAcceptBytesStringsAndStreams()
    {
        var bytes = Encoding.UTF8.GetBytes("abc");
        Assert.Same(bytes, Convert(new Hashtable { ["Data"] = bytes })["Data"]);
        using var stream = new MemoryStream(bytes);
        Assert.Same(stream, Convert(new Hashtable { ["Data"] = stream })["Data"]);
        Assert.Contains("expected a byte[], a string or a Stream, got Int32", Fails(new Hashtable { ["Data"] = 1 }).Message);
    }

    [Fact]
    public void DocumentsBecomePlainTrees()
    {
        var doc = Convert(new Hashtable { ["Doc"] = new Hashtable { ["n"] = 1, ["f"] = 1.5f, ["l"] = new object?[] { "a", true, null } } })["Doc"];
        var map = Assert.IsType<Dictionary<string, object?>>(doc);
        Assert.Equal(1L, map["n"]);
        Assert.Equal(1.5, map["f"]);
        Assert.Equal(new object?[] { "a", true, null }, Assert.IsType<List<object?>>(map["l"]));
    }

    [Fact]
    public void TheUnwrapHookSeesEveryNestedValue()
    {
        // Stands in for the Module's PSObject flattening: a wrapper around any value.
        var wrapped = new Wrapper(new Hashtable { ["Inner"] = new Wrapper(new Hashtable { ["Key"] = new Wrapper("deep") }) });
        var result = Convert(wrapped, v => v is Wrapper w ? w.Value : v);
        Assert.Equal("deep", Assert.IsType<Dictionary<string, object?>>(result["Inner"])["Key"]);
    }

    [Fact]
    public void OperationsWithoutInputAcceptNothingOrOnlyNulls()
    {
        var ping = Sample.GetOperation("Ping");
        var converter = new InputConverter();
        Assert.Empty(converter.ConvertInput(ping.Input, null));
        Assert.Empty(converter.ConvertInput(ping.Input, new Hashtable { ["x"] = null }));
        var e = Assert.Throws<ParameterConversionException>(() => converter.ConvertInput(ping.Input, new Hashtable { ["x"] = 1 }));
        Assert.Equal("Parameter: this operation takes no input", e.Message);
    }

    [Fact]
    public void ConvertsARealDynamoDbItem()
    {
        var putItem = CommandTestModels.Service("dynamodb").GetOperation("PutItem");
        var result = new InputConverter().ConvertInput(putItem.Input, new Hashtable
        {
            ["TableName"] = "t",
            ["Item"] = new Hashtable { ["pk"] = new Hashtable { ["S"] = "1" }, ["n"] = new Hashtable { ["N"] = "2" } },
        });
        var item = Assert.IsType<Dictionary<string, object?>>(result["Item"]);
        Assert.Equal("1", Assert.IsType<Dictionary<string, object?>>(item["pk"])["S"]);
        var e = Assert.Throws<ParameterConversionException>(() => new InputConverter().ConvertInput(putItem.Input,
            new Hashtable { ["Item"] = new Hashtable { ["pk"] = new Hashtable { ["Q"] = "1" } } }));
        Assert.StartsWith("Parameter.Item.pk.Q: 'Q' is not a member of AttributeValue", e.Message);
    }

    private sealed class Wrapper
    {
        public Wrapper(object? value) => Value = value;
        public object? Value { get; }
    }
}
