using System.Collections;
using AwsCore.Models;
using AwsCore.Runtime;

namespace AwsCore.Tests.Runtime;

public sealed class ParameterValidatorTests
{
    private static Dictionary<string, object?> D(params (string Key, object? Value)[] pairs)
    {
        var d = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var (k, v) in pairs) d[k] = v;
        return d;
    }

    private static IReadOnlyList<ParameterValidationError> Errors(object? input) => ParameterValidator.Validate(input, ValidationModel.Input);

    private static ParameterValidationError Single(object? input)
    {
        var errors = Errors(input);
        Assert.True(errors.Count == 1, "expected one error, got: " + string.Join(" | ", errors));
        return errors[0];
    }

    [Fact]
    public void ValidInputHasNoErrors()
    {
        Assert.Empty(Errors(ValidationModel.ValidInput()));
    }

    [Fact]
    public void EveryFormOfEveryTypeIsAccepted()
    {
        var input = ValidationModel.ValidInput();
        input["Label"] = "x";
        input["Items"] = new ArrayList { new Hashtable { ["Key"] = new SortedDictionary<string, object?> { ["N"] = "1" } } };
        input["Tags"] = new Dictionary<string, string> { ["a"] = "aaa", ["b"] = "bbb" };
        input["Count"] = (byte)3;
        input["Big"] = long.MaxValue;
        input["Ratio"] = 1m;
        input["Flag"] = false;
        input["When"] = "2020-01-02T03:04:05Z";
        input["Data"] = new MemoryStream(new byte[1]);
        input["Doc"] = new Hashtable { ["a"] = new object?[] { 1, 2.5, "x", null, true, new Dictionary<string, object?>() } };
        input["Choice"] = D(("B", 5));
        input["Json"] = D(("k", new List<object?> { 1, "two" }));
        input["Numbers"] = new[] { 1, 2, 3 };
        Assert.Empty(Errors(input));

        foreach (var when in new object[] { DateTime.UtcNow, DateTimeOffset.Now, 1_600_000_000, 1.6e9, "1600000000", "2020-01-02", "Thu, 02 Jan 2020 03:04:05 GMT" })
        {
            input["When"] = when;
            Assert.Empty(Errors(input));
        }
        foreach (var data in new object[] { new byte[4], "four" })
        {
            input["Data"] = data;
            Assert.Empty(Errors(input));
        }
    }

    [Fact]
    public void WrongTypeNamesThePathAndBothTypes()
    {
        var input = ValidationModel.ValidInput();
        input["Item"] = D(("Key", D(("S", 5))));
        var error = Single(input);
        Assert.Equal("Item.Key.S", error.Path);
        Assert.Equal(ParameterErrorKind.InvalidType, error.Kind);
        Assert.Equal("Parameter Item.Key.S: expected a string, got Int32", error.Message);
    }

    [Theory]
    [InlineData("Count", "3", "an integer")]
    [InlineData("Count", 2.0, "an integer")]
    [InlineData("Count", true, "an integer")]
    [InlineData("Big", 1.5f, "a long")]
    [InlineData("Ratio", "1.0", "a double")]
    [InlineData("Flag", "true", "a boolean")]
    [InlineData("Flag", 1, "a boolean")]
    [InlineData("When", "not a date", "a timestamp")]
    [InlineData("When", true, "a timestamp")]
    [InlineData("Data", 5, "a blob")]
    [InlineData("Name", 'c', "a string")]
    [InlineData("Items", "abc", "a list")]
    [InlineData("Tags", "abc", "a map")]
    [InlineData("Item", "abc", "a structure")]
    public void EachScalarTypeRejectsOtherKinds(string member, object value, string expected)
    {
        var input = ValidationModel.ValidInput();
        input[member] = value;
        var error = Single(input);
        Assert.Equal(member, error.Path);
        Assert.Equal(ParameterErrorKind.InvalidType, error.Kind);
        Assert.StartsWith($"Parameter {member}: expected {expected}", error.Message);
        Assert.EndsWith("got " + value.GetType().Name, error.Message);
    }

    [Fact]
    public void ListItemsAreNamedByIndex()
    {
        var input = ValidationModel.ValidInput();
        input["Items"] = new List<object?> { D(("Key", D())), D(("Key", D()), ("Other", 1)), D() };
        var errors = Errors(input);
        Assert.Equal(new[] { "Items[1].Other", "Items[2].Key" }, errors.Select(e => e.Path));
        Assert.Equal(ParameterErrorKind.InvalidType, errors[0].Kind);
        Assert.Equal(ParameterErrorKind.MissingRequired, errors[1].Kind);
        Assert.Equal("Missing required parameter Items[2].Key", errors[1].Message);
    }

    [Fact]
    public void MissingRequiredAndNullMembersAreReportedTogether()
    {
        var errors = Errors(D(("Name", null)));
        Assert.Equal(new[] { "Name", "Item" }, errors.Select(e => e.Path));
        Assert.All(errors, e => Assert.Equal(ParameterErrorKind.MissingRequired, e.Kind));
        var ex = Assert.Throws<ParameterValidationException>(() => ParameterValidator.ThrowIfInvalid(null, ValidationModel.Input));
        Assert.Equal(2, ex.Errors.Count);
        Assert.Contains("Missing required parameter Name", ex.Message);
        Assert.Contains("Missing required parameter Item", ex.Message);
        Assert.StartsWith("Parameter validation failed:", ex.Message);
    }

    [Fact]
    public void UnknownMembersListTheValidNamesAndSuggestTheClosest()
    {
        var input = ValidationModel.ValidInput();
        input["Nmae"] = "x";
        var error = Single(input);
        Assert.Equal("Nmae", error.Path);
        Assert.Equal(ParameterErrorKind.UnknownMember, error.Kind);
        Assert.Contains("did you mean Name", error.Message);
        Assert.Contains("must be one of: Label, Name, Item", error.Message);

        input = ValidationModel.ValidInput();
        ((Dictionary<string, object?>)input["Item"]!)["key"] = D();
        error = Single(input);
        Assert.Equal("Item.key", error.Path);
        Assert.StartsWith("Parameter Item.key: unknown member of Item; did you mean Key?", error.Message);
    }

    [Fact]
    public void NonStringMemberNamesAreReported()
    {
        var input = new Hashtable { ["Name"] = "abc", ["Item"] = D(("Key", D())), [5] = "x" };
        var error = Single(input);
        Assert.Equal(ParameterErrorKind.InvalidType, error.Kind);
        Assert.Contains("member names must be strings, got a Int32 key", error.Message);
    }

    [Theory]
    [InlineData("ab", 2)]
    [InlineData("", 0)]
    [InlineData("\U0001F600\U0001F600", 2)] // two code points, four UTF-16 units: Python counts 2
    public void StringMinIsALengthInCodePoints(string name, int length)
    {
        var input = ValidationModel.ValidInput();
        input["Name"] = name;
        var error = Single(input);
        Assert.Equal(ParameterErrorKind.InvalidLength, error.Kind);
        Assert.Equal($"Parameter Name: length {length} is below the minimum length 3", error.Message);
    }

    [Fact]
    public void HostLabelsHaveAnImplicitMinimumOfOne()
    {
        var input = ValidationModel.ValidInput();
        input["Label"] = "";
        var error = Single(input);
        Assert.Equal(ParameterErrorKind.InvalidLength, error.Kind);
        Assert.Equal("Label", error.Path);
    }

    [Fact]
    public void ListMinIsALength()
    {
        var input = ValidationModel.ValidInput();
        input["Items"] = Array.Empty<object>();
        var error = Single(input);
        Assert.Equal(ParameterErrorKind.InvalidLength, error.Kind);
        Assert.Equal("Parameter Items: length 0 is below the minimum length 1", error.Message);
    }

    [Fact]
    public void MapAndBlobMinAreNotChecked()
    {
        // botocore's range_check is called for strings, lists and numbers only.
        var input = ValidationModel.ValidInput();
        input["Tags"] = D(("only", "on"));
        input["Data"] = new byte[1];
        var error = Single(input);
        Assert.Equal("Tags.only", error.Path); // the value's own min (Name: 3) still applies
        Assert.Equal(ParameterErrorKind.InvalidLength, error.Kind);
    }

    [Fact]
    public void MapKeysAndValuesAreNamedAsBotocoreNamesThem()
    {
        var input = ValidationModel.ValidInput();
        input["Tags"] = new Hashtable { [7] = "seven", ["k"] = 8 };
        var errors = Errors(input).OrderBy(e => e.Path, StringComparer.Ordinal).ToList();
        Assert.Equal(new[] { "Tags (key: 7)", "Tags.k" }, errors.Select(e => e.Path));
        Assert.Equal("Parameter Tags (key: 7): expected a string, got Int32", errors[0].Message);
        Assert.Equal("Parameter Tags.k: expected a string, got Int32", errors[1].Message);
    }

    [Theory]
    [InlineData("Count", 0, "Parameter Count: value 0 is below the minimum 1")]
    [InlineData("Ratio", 0.25, "Parameter Ratio: value 0.25 is below the minimum 0.5")]
    [InlineData("Secret", 3, "Parameter Secret: value the value is below the minimum 10")]
    public void NumberMinIsAValue(string member, object value, string message)
    {
        var input = ValidationModel.ValidInput();
        input[member] = value;
        var error = Single(input);
        Assert.Equal(ParameterErrorKind.InvalidRange, error.Kind);
        Assert.Equal(message, error.Message);
    }

    [Fact]
    public void IntegersAndLongsMustFitTheirWidth()
    {
        var input = ValidationModel.ValidInput();
        input["Count"] = 3_000_000_000L;
        input["Big"] = ulong.MaxValue;
        var errors = Errors(input);
        Assert.Equal(new[] { "Count", "Big" }, errors.Select(e => e.Path));
        Assert.All(errors, e => Assert.Equal(ParameterErrorKind.InvalidRange, e.Kind));
        Assert.Contains("3000000000 is out of range for an integer", errors[0].Message);

        input["Count"] = (long)int.MaxValue;
        input["Big"] = (ulong)long.MaxValue;
        Assert.Empty(Errors(input));
    }

    [Fact]
    public void ScalarListMembersAreCheckedOneByOne()
    {
        var input = ValidationModel.ValidInput();
        input["Numbers"] = new object?[] { 1, "2", 0, null };
        var errors = Errors(input);
        Assert.Equal(new[] { "Numbers[1]", "Numbers[2]", "Numbers[3]" }, errors.Select(e => e.Path));
        Assert.Equal("Parameter Numbers[3]: expected an integer, got null", errors[2].Message);
    }

    [Fact]
    public void UnionsTakeExactlyOneMember()
    {
        var input = ValidationModel.ValidInput();
        input["Choice"] = D();
        var error = Single(input);
        Assert.Equal(ParameterErrorKind.UnionEmpty, error.Kind);
        Assert.Contains("set one of: A, B", error.Message);

        input["Choice"] = D(("A", "x"), ("B", 2));
        error = Single(input);
        Assert.Equal(ParameterErrorKind.UnionMultiple, error.Kind);
        Assert.Contains("got 2 (A, B)", error.Message);

        input["Choice"] = D(("A", "x"), ("B", null));
        Assert.Empty(Errors(input));
    }

    [Fact]
    public void DocumentsTakeOnlyDocumentValuesAtAnyDepth()
    {
        var input = ValidationModel.ValidInput();
        input["Doc"] = D(("a", new object?[] { 1, new object() }), ("b", D(("c", Guid.Empty))));
        var errors = Errors(input);
        Assert.Equal(new[] { "Doc.a[1]", "Doc.b.c" }, errors.Select(e => e.Path));
        Assert.All(errors, e => Assert.Equal(ParameterErrorKind.InvalidDocumentType, e.Kind));
        Assert.Contains("got Guid", errors[1].Message);

        input["Doc"] = "just a string";
        Assert.Empty(Errors(input));
    }

    [Fact]
    public void JsonValueHeadersMustBeJsonSerializable()
    {
        var input = ValidationModel.ValidInput();
        input["Json"] = D(("when", DateTime.UtcNow));
        var error = Single(input);
        Assert.Equal("Json", error.Path);
        Assert.Equal(ParameterErrorKind.NotJsonSerializable, error.Kind);
        Assert.Contains("Json.when is a DateTime", error.Message);
    }

    [Fact]
    public void KeysThatAreNotStringsAreNamedInDocumentsAndJsonValueHeaders()
    {
        var input = ValidationModel.ValidInput();
        input["Doc"] = D(("a", new Hashtable { [7] = "x" }));
        input["Json"] = D(("b", new object?[] { new Hashtable { [8] = "y" } }));
        var errors = Errors(input);
        Assert.Equal(new[]
        {
            "Parameter Doc.a: document keys must be strings, got a Int32 key",
            "Parameter Json must be JSON serializable: Json.b[0] has a Int32 key, JSON object keys are strings",
        }, errors.Select(e => e.Message));
        Assert.Equal(new[] { "Doc.a", "Json" }, errors.Select(e => e.Path));
    }

    [Fact]
    public void InputThatIsNotADictionaryIsNamedInput()
    {
        var error = Single(new[] { 1 });
        Assert.Equal("", error.Path);
        Assert.StartsWith("Parameter input: expected a structure", error.Message);
    }

    [Fact]
    public void EveryErrorIsReportedNotOnlyTheFirst()
    {
        var input = D(("Name", 1), ("Items", new object[] { 5 }), ("Count", -1), ("Extra", 1));
        var errors = Errors(input);
        Assert.Equal(5, errors.Count);
        Assert.Equal(new[] { "Item", "Name", "Items[0]", "Count", "Extra" }, errors.Select(e => e.Path));
    }

    [Fact]
    public void StringValuesAreNeverQuotedInMessages()
    {
        var input = ValidationModel.ValidInput();
        input["Name"] = "s3cr";
        input["Item"] = D(("Key", D(("S", "topsecret"))), ("Nope", "hunter2"));
        input["Label"] = "";
        var errors = Errors(input);
        Assert.NotEmpty(errors);
        Assert.All(errors, e => Assert.DoesNotContain("hunter2", e.Message));
        Assert.All(errors, e => Assert.DoesNotContain("topsecret", e.Message));
    }

    [Fact]
    public void NoInputShapeMeansNothingToCheck()
    {
        Assert.Empty(ParameterValidator.Validate(D(("Anything", 1)), null));
    }

    [Fact]
    public void ValidatesRealModelsWithoutFalseAlarms()
    {
        var dynamodb = ModelLoader.Default.GetService("dynamodb").GetOperation("PutItem").Input;
        var input = new Hashtable
        {
            ["TableName"] = "tbl",
            ["Item"] = new Hashtable { ["pk"] = new Hashtable { ["S"] = "a" }, ["n"] = new Hashtable { ["N"] = "1" }, ["l"] = new Hashtable { ["L"] = new[] { new Hashtable { ["BOOL"] = true } } } },
        };
        Assert.Empty(ParameterValidator.Validate(input, dynamodb));
        input["Item"] = new Hashtable { ["pk"] = new Hashtable { ["S"] = 5 } };
        var error = Assert.Single(ParameterValidator.Validate(input, dynamodb));
        Assert.Equal("Parameter Item.pk.S: expected a string, got Int32", error.Message);
    }
}
