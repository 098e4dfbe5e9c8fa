using System.Collections;
using AwsCore.Jmes;

namespace AwsCore.Tests.Jmes;

/// <summary>Every kind of value tree docs/conventions.md allows is read as JMESPath objects, arrays and numbers.</summary>
public sealed class JmesValueTreeTests
{
    [Fact]
    public void HashtablesAndArraysAreObjectsAndArrays()
    {
        var data = new Hashtable
        {
            ["Reservations"] = new object[]
            {
                new Hashtable { ["Instances"] = new[] { new Hashtable { ["State"] = new Hashtable { ["Name"] = "running" } } } },
                new Hashtable { ["Instances"] = new ArrayList { new Hashtable { ["State"] = new Hashtable { ["Name"] = "stopped" } } } },
            },
        };
        var names = JmesPath.Search("Reservations[].Instances[].State.Name", data);
        Assert.Equal(new List<object?> { "running", "stopped" }, names);
        Assert.Equal(2L, JmesPath.Search("length(Reservations)", data));
        Assert.Equal("object", JmesPath.Search("type(Reservations[0])", data));
    }

    [Fact]
    public void ReadOnlyAndGenericDictionariesAndTypedListsWork()
    {
        IReadOnlyDictionary<string, object?> data = new System.Collections.ObjectModel.ReadOnlyDictionary<string, object?>(
            new Dictionary<string, object?> { ["Tags"] = new List<string> { "b", "a" }, ["Map"] = new SortedDictionary<string, object?> { ["k"] = 1 } });
        Assert.Equal(new List<object?> { "a", "b" }, JmesPath.Search("sort(Tags)", data));
        Assert.Equal(1, JmesPath.Search("Map.k", data));
        Assert.Equal(new List<object?> { "k" }, JmesPath.Search("keys(Map)", data));
    }

    [Fact]
    public void AnyNumericTypeComparesByValue()
    {
        var data = new Dictionary<string, object?>
        {
            ["i"] = 3, ["l"] = 3L, ["d"] = 3.0, ["m"] = 3m, ["f"] = 2.5f, ["b"] = (byte)2, ["u"] = 4UL,
        };
        Assert.Equal(true, JmesPath.Search("i == l && l == d && d == m", data));
        Assert.Equal(true, JmesPath.Search("f < i && b < f && u > m", data));
        Assert.Equal(20.5, JmesPath.Search("sum([i, l, d, m, f, b, u])", data));
        Assert.Equal(10L, JmesPath.Search("sum([i, l, u])", data));
        Assert.Equal(3L, JmesPath.Search("ceil(f)", data));
        Assert.Equal("number", JmesPath.Search("type(m)", data));
    }

    [Fact]
    public void TimestampsPassThroughAndCompareEqual()
    {
        var when = new DateTime(2024, 5, 6, 7, 8, 9, DateTimeKind.Utc);
        var data = new Dictionary<string, object?> { ["A"] = when, ["B"] = when, ["C"] = when.AddSeconds(1) };
        Assert.Equal(when, JmesPath.Search("A", data));
        Assert.Equal(true, JmesPath.Search("A == B", data));
        Assert.Equal(false, JmesPath.Search("A == C", data));
        Assert.Null(JmesPath.Search("A < C", data));
        Assert.Equal("\"2024-05-06 07:08:09+00:00\"", JmesPath.Search("to_string([A])", data) is string s ? s.Trim('[', ']') : null);
    }

    [Fact]
    public void UnchangedValuesAreSharedAndBuiltValuesAreNew()
    {
        var inner = new List<object?> { 1, 2 };
        var data = new Dictionary<string, object?> { ["a"] = inner };
        Assert.Same(inner, JmesPath.Search("a", data));
        var built = Assert.IsType<Dictionary<string, object?>>(JmesPath.Search("{x: a}", data));
        Assert.Same(inner, built["x"]);
    }

    [Fact]
    public void ChangingAResultNeverChangesTheCompiledExpression()
    {
        var expression = JmesPath.Compile("`{\"a\": [1, 2]}`");
        var first = (Dictionary<string, object?>)expression.Search(null)!;
        ((List<object?>)first["a"]!).Add(3);
        first["b"] = true;
        Assert.Equal("{\"a\":[1,2]}", JmesJson.Serialize(expression.Search(null)));
    }

    [Theory]
    [InlineData("to_string(`1.5`)", "1.5")]
    [InlineData("to_string(`1e20`)", "1e+20")]
    [InlineData("to_string(`0.00001`)", "1e-05")]
    [InlineData("to_string(`0.0001`)", "0.0001")]
    [InlineData("to_string(`1e15`)", "1000000000000000.0")]
    [InlineData("to_string(`[\"caf\\u00e9\\n\"]`)", "[\"caf\\u00e9\\n\"]")]
    [InlineData("to_string(`{\"a\": [1, 2.0, null, true]}`)", "{\"a\":[1,2.0,null,true]}")]
    public void ToStringWritesJsonAsPythonDoes(string expression, string expected) =>
        Assert.Equal(expected, JmesPath.Search(expression, null));
}
