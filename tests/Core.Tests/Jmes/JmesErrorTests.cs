using AwsCore.Jmes;

namespace AwsCore.Tests.Jmes;

public sealed class JmesErrorTests
{
    [Theory]
    [InlineData("foo.]", 4)]
    [InlineData("foo[?a==]", 8)]
    [InlineData("a.b.\"unclosed", 4)]
    [InlineData("foo | `\"bad`", 6)]
    [InlineData("foo = bar", 4)]
    [InlineData("foo[1:2:3:4]", 9)]
    [InlineData("{a: b c: d}", 6)]
    [InlineData("length(a b)", 9)]
    [InlineData("foo.", 4)]
    [InlineData("", 0)]
    public void SyntaxErrorsPointAtTheOffendingColumn(string expression, int column)
    {
        var error = Assert.Throws<JmesPathException>(() => JmesPath.Compile(expression));
        Assert.Equal(JmesPathErrorKind.Syntax, error.Kind);
        Assert.Equal(column, error.Column);
        Assert.Equal(expression, error.Expression);
        var lines = error.Message.Split('\n');
        Assert.Contains($"column {column}", lines[0]);
        Assert.Equal("  " + expression, lines[1]);
        Assert.Equal(new string(' ', column + 2) + "^", lines[2]);
    }

    [Theory]
    [InlineData("items | nope(@)", JmesPathErrorKind.UnknownFunction, 8)]
    [InlineData("a.length(b, c)", JmesPathErrorKind.InvalidArity, 2)]
    [InlineData("sum(names)", JmesPathErrorKind.InvalidType, 0)]
    [InlineData("names[::0]", JmesPathErrorKind.InvalidValue, 5)]
    [InlineData("sort_by(mixed, &@)", JmesPathErrorKind.InvalidType, 0)]
    public void EvaluationErrorsNameTheirKindAndColumn(string expression, JmesPathErrorKind kind, int column)
    {
        var data = new Dictionary<string, object?>
        {
            ["a"] = new Dictionary<string, object?>(),
            ["names"] = new List<object?> { "x", "y" },
            ["mixed"] = new List<object?> { 1, "b" },
            ["items"] = new List<object?>(),
        };
        var compiled = JmesPath.Compile(expression);
        var error = Assert.Throws<JmesPathException>(() => compiled.Search(data));
        Assert.Equal(kind, error.Kind);
        Assert.Equal(column, error.Column);
    }

    [Fact]
    public void AnUnknownFunctionNeverReachedIsNoError()
    {
        // As in botocore's jmespath, functions are resolved when called: a projection over nothing calls nothing.
        Assert.Null(JmesPath.Search("missing[].nope(@)", new Dictionary<string, object?>()));
    }
}
