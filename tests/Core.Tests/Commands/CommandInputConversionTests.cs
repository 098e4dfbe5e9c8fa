using System.Collections;
using System.Text;
using AwsCore.Runtime;

namespace AwsCore.Tests.Commands;

/// <summary>The one converter with the options commands use (ParameterConversionOptions.ForCommands).</summary>
public sealed class CommandInputConversionTests
{
    private static readonly AwsCore.Models.ServiceModel Sample = CommandTestModels.Sample();
    private static AwsCore.Models.Shape Input => Sample.GetOperation("PutThing").Input!;

    private static Dictionary<string, object?> Convert(object? parameters, Func<object, object?>? unwrap = null) =>
        ConvertFor(Input, parameters, unwrap);

    private static Dictionary<string, object?> ConvertFor(AwsCore.Models.Shape? input, object? parameters, Func<object, object?>? unwrap = null) =>
        Assert.IsType<Dictionary<string, object?>>(ParameterConverter.ConvertInput(parameters, input, ParameterConversionOptions.ForCommands(unwrap)), exactMatch: false);

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
        Assert.Equal(Encoding.UTF8.GetBytes("text"), result["Data"]);
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
        Assert.Empty(ConvertFor(ping.Input, null));
        Assert.Empty(ConvertFor(ping.Input, new Hashtable { ["x"] = null }));
        var e = Assert.Throws<ParameterConversionException>(() => ConvertFor(ping.Input, new Hashtable { ["x"] = 1 }));
        Assert.Equal("Parameter: this operation takes no input", e.Message);
    }

    [Fact]
    public void ConvertsARealDynamoDbItem()
    {
        var putItem = CommandTestModels.Service("dynamodb").GetOperation("PutItem");
        var result = ConvertFor(putItem.Input, new Hashtable
        {
            ["TableName"] = "t",
            ["Item"] = new Hashtable { ["pk"] = new Hashtable { ["S"] = "1" }, ["n"] = new Hashtable { ["N"] = "2" } },
        });
        var item = Assert.IsType<Dictionary<string, object?>>(result["Item"]);
        Assert.Equal("1", Assert.IsType<Dictionary<string, object?>>(item["pk"])["S"]);
        var e = Assert.Throws<ParameterConversionException>(() => ConvertFor(putItem.Input,
            new Hashtable { ["Item"] = new Hashtable { ["pk"] = new Hashtable { ["Q"] = "1" } } }));
        Assert.StartsWith("Parameter.Item.pk.Q: 'Q' is not a member of AttributeValue", e.Message);
    }

    [Fact]
    public void NullListItemsAndRepeatedMapKeysAreErrors()
    {
        var e = Fails(new Hashtable { ["Tags"] = new object?[] { new Hashtable { ["Key"] = "a" }, null } });
        Assert.Equal("Parameter.Tags[1]: a list item cannot be null", e.Message);
        e = Fails(new Hashtable { ["Labels"] = new Hashtable { [DayOfWeek.Friday] = "a", ["Friday"] = "b" } });
        Assert.Equal("Parameter.Labels.Friday: given more than once", e.Message);
        e = Fails(new Dictionary<string, object?> { ["Count"] = 1, ["count"] = 2 });
        Assert.Equal("Parameter.Count: given more than once (member names are case-insensitive)", e.Message);
    }

    [Fact]
    public void WithoutLooseFormsOnlyTheModelsOwnFormsAreAccepted()
    {
        var strict = new ParameterConversionOptions { ThrowOnMismatch = true };
        ParameterConversionException Rejects(object parameters) =>
            Assert.Throws<ParameterConversionException>(() => ParameterConverter.ConvertInput(parameters, Input, strict));

        Assert.Equal("Parameter.Tags: expected a list, got Hashtable", Rejects(new Hashtable { ["Tags"] = new Hashtable { ["Key"] = "k" } }).Message);
        Assert.Equal("Parameter.Count: expected an integer, got Double", Rejects(new Hashtable { ["Count"] = 7.0 }).Message);
        Assert.Equal("Parameter.Name: expected a string, got Char", Rejects(new Hashtable { ["Name"] = 'x' }).Message);
        Assert.StartsWith("Parameter.count: 'count' is not a member of PutThingInput", Rejects(new Hashtable { ["count"] = 1 }).Message);
        var tree = Assert.IsType<Dictionary<string, object?>>(ParameterConverter.ConvertInput(new Hashtable { ["Color"] = "RED" }, Input, strict), exactMatch: false);
        Assert.Equal("RED", tree["Color"]);
    }

    [Fact]
    public void ASecondConversionOfACommandsInputCopiesItWithoutWalkingIt()
    {
        var converted = Convert(new Hashtable { ["Name"] = "x", ["Inner"] = new Hashtable { ["Key"] = "k" } });
        var again = Assert.IsType<Dictionary<string, object?>>(ParameterConverter.ConvertInput(converted, Input));
        Assert.NotSame(converted, again);
        Assert.Same(converted["Inner"], again["Inner"]);
        // A plain dictionary with the same content is walked: its structures are rebuilt.
        var plain = new Dictionary<string, object?>(converted);
        Assert.NotSame(converted["Inner"], Assert.IsType<Dictionary<string, object?>>(ParameterConverter.ConvertInput(plain, Input))["Inner"]);
        // For another shape the input is converted as any other.
        var ping = Sample.GetOperation("Ping");
        Assert.Throws<ParameterConversionException>(() => ParameterConverter.ConvertInput(converted, ping.Input, ParameterConversionOptions.ForCommands()));
    }

    [Fact]
    public async Task TheClientSendsACommandsInputWithoutConvertingItAgain()
    {
        var putItem = AwsCore.Models.ModelLoader.Default.GetService("dynamodb").GetOperation("PutItem");
        var converted = ConvertFor(putItem.Input, new Hashtable
        {
            ["tablename"] = "t",
            ["Item"] = new Hashtable { ["pk"] = new Hashtable { ["S"] = "1" } },
        });
        var client = AwsClientFactory.Create("dynamodb", new ClientOptions
        {
            Region = "us-east-1",
            Credentials = new AwsCore.Credentials.AwsCredentials("AKIDCONVERTONCE", "convert-once-secret"),
            Environment = new Dictionary<string, string> { ["AWS_CONFIG_FILE"] = "/nonexistent/c", ["AWS_SHARED_CREDENTIALS_FILE"] = "/nonexistent/k" },
        });
        var seen = new List<IDictionary<string, object?>>();
        client.Events.Register("before-endpoint-resolution.dynamodb.PutItem", e =>
        {
            seen.Add(e.Parameters!);
            return null;
        });

        var request = await client.BuildRequestAsync("PutItem", converted);
        await client.BuildRequestAsync("PutItem", new Dictionary<string, object?>(converted));

        Assert.Contains("\"TableName\": \"t\"", Encoding.UTF8.GetString(request.Body));
        Assert.NotSame(converted, seen[0]);
        Assert.Same(converted["Item"], seen[0]["Item"]);
        Assert.NotSame(converted["Item"], seen[1]["Item"]);
    }

    private sealed class Wrapper
    {
        public Wrapper(object? value) => Value = value;
        public object? Value { get; }
    }
}
