using System.Collections;
using AwsCore.Runtime;

namespace AwsCore.Tests.Runtime;

/// <summary>
/// The validator's allocation-free first pass may only say "valid" when the full validator finds no error, and must
/// say it for the converter's form of valid input (or it saves nothing).
/// </summary>
public sealed class ValidInputCheckTests
{
    private static Dictionary<string, object?> D(params (string Key, object? Value)[] pairs)
    {
        var d = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var (k, v) in pairs) d[k] = v;
        return d;
    }

    private static Dictionary<string, object?> With(string member, object? value)
    {
        var input = ValidationModel.ValidInput();
        input[member] = value;
        return input;
    }

    public static IEnumerable<object[]> ValidInputs() => new[]
    {
        ValidationModel.ValidInput(),
        With("Label", "x"),
        With("Items", new List<object?> { D(("Key", D(("N", "1")))), D(("Key", D()), ("Other", "o")) }),
        With("Tags", D(("a", "aaa"), ("b", "bbb"))),
        With("Count", 3),
        With("Count", (byte)3),
        With("Big", long.MaxValue),
        With("Ratio", 0.5),
        With("Ratio", 1m),
        With("Flag", false),
        With("When", "2020-01-02T03:04:05Z"),
        With("When", DateTime.UtcNow),
        With("Data", new byte[4]),
        With("Data", "four"),
        With("Choice", D(("B", 5))),
        With("Choice", D(("A", "a"), ("B", null))),
        With("Numbers", new List<object?> { 1, 2, 3 }),
        With("Secret", 10),
        With("Other", null),
    }.Select(input => new object[] { input });

    public static IEnumerable<object[]> InvalidInputs() => new[]
    {
        D(),
        D(("Name", "abc")),
        D(("Name", "ab"), ("Item", D(("Key", D())))),
        D(("Name", null), ("Item", D(("Key", D())))),
        With("Item", D()),
        With("Item", D(("Key", D(("S", 5))))),
        With("Item", "not a structure"),
        With("Extra", 1),
        With("Label", ""),
        With("Items", new List<object?>()),
        With("Items", new List<object?> { D(("Other", "o")) }),
        With("Items", new List<object?> { null }),
        With("Items", "not a list"),
        With("Tags", D(("a", "aa"))),
        With("Tags", D(("a", null))),
        With("Count", 0),
        With("Count", 3_000_000_000L),
        With("Count", "3"),
        With("Count", 1.5),
        With("Big", ulong.MaxValue),
        With("Ratio", 0.25),
        With("Ratio", "1"),
        With("Flag", "false"),
        With("When", "not a time"),
        With("Data", 4),
        With("Choice", D()),
        With("Choice", D(("A", "a"), ("B", 5))),
        With("Choice", D(("B", 0))),
        With("Numbers", new List<object?> { 1, 0 }),
        With("Secret", 9),
        With("Json", new object()),
        With("Doc", new object()),
    }.Select(input => new object[] { input });

    [Theory]
    [MemberData(nameof(ValidInputs))]
    public void TheConvertersFormOfValidInputPassesWithoutTheFullWalk(Dictionary<string, object?> input)
    {
        Assert.Empty(ParameterValidator.Validate(input, ValidationModel.Input));
        Assert.True(ValidInputCheck.Passes(input, ValidationModel.Input));
    }

    [Theory]
    [MemberData(nameof(InvalidInputs))]
    public void InvalidInputNeverPasses(Dictionary<string, object?> input)
    {
        Assert.NotEmpty(ParameterValidator.Validate(input, ValidationModel.Input));
        Assert.False(ValidInputCheck.Passes(input, ValidationModel.Input));
        Assert.Throws<ParameterValidationException>(() => ParameterValidator.ThrowIfInvalid(input, ValidationModel.Input));
    }

    [Fact]
    public void OtherContainerFormsAreLeftToTheFullWalk()
    {
        // Valid, but not the converter's types: the first pass declines and the validator accepts.
        var input = With("Items", new ArrayList { new Hashtable { ["Key"] = new SortedDictionary<string, object?> { ["N"] = "1" } } });
        Assert.False(ValidInputCheck.Passes(input, ValidationModel.Input));
        ParameterValidator.ThrowIfInvalid(input, ValidationModel.Input);

        var ignoringCase = new Dictionary<string, object?>(ValidationModel.ValidInput(), StringComparer.OrdinalIgnoreCase);
        Assert.False(ValidInputCheck.Passes(ignoringCase, ValidationModel.Input));
        ParameterValidator.ThrowIfInvalid(ignoringCase, ValidationModel.Input);
    }
}
