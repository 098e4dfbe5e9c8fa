using AwsCore.Jmes;

namespace AwsCore.Models;

/// <summary>
/// One waiter of botocore's waiters-2.json: poll an operation every <see cref="Delay"/> seconds, up to
/// <see cref="MaxAttempts"/> times, until an acceptor moves it to success or failure. Immutable.
/// </summary>
public sealed class WaiterDefinition
{
    internal WaiterDefinition(string name, string operation, int delay, int maxAttempts, IReadOnlyList<WaiterAcceptor> acceptors, string? description)
    {
        Name = name;
        Operation = operation;
        Delay = delay;
        MaxAttempts = maxAttempts;
        Acceptors = acceptors;
        Description = description;
    }

    /// <summary>The waiter's name as in the file, e.g. "BucketExists".</summary>
    public string Name { get; }

    /// <summary>The operation polled, e.g. "HeadBucket".</summary>
    public string Operation { get; }

    /// <summary>Seconds between attempts.</summary>
    public int Delay { get; }

    /// <summary>Attempts before giving up.</summary>
    public int MaxAttempts { get; }

    /// <summary>Checked in order after each attempt; the first that matches sets the state.</summary>
    public IReadOnlyList<WaiterAcceptor> Acceptors { get; }

    /// <summary>The waiter's description, when the file has one.</summary>
    public string? Description { get; }

    /// <summary>Parses a whole waiters-2.json: waiter name to its definition. Only version 2 is accepted, as in botocore.</summary>
    /// <param name="json">The file's bytes (UTF-8 JSON).</param>
    /// <param name="file">The file's name or path, used in error messages.</param>
    /// <exception cref="ModelLoadException">The file is not valid JSON, not version 2, or an entry is malformed; the message names the file and entry.</exception>
    public static IReadOnlyDictionary<string, WaiterDefinition> ParseFile(byte[] json, string file) =>
        WaiterFileParser.Parse(json, file);
}

/// <summary>What an acceptor inspects.</summary>
public enum WaiterMatcher
{
    /// <summary>The expression's value over the output equals Expected.</summary>
    Path,
    /// <summary>The expression yields a non-empty list whose every element equals Expected.</summary>
    PathAll,
    /// <summary>The expression yields a non-empty list with at least one element equal to Expected.</summary>
    PathAny,
    /// <summary>The HTTP status code equals Expected.</summary>
    Status,
    /// <summary>Expected true: any service error; false: no error; a string: that error code.</summary>
    Error,
}

/// <summary>The state an acceptor moves the waiter to.</summary>
public enum WaiterState
{
    /// <summary>Done: the wait succeeds.</summary>
    Success,
    /// <summary>Done: the wait fails.</summary>
    Failure,
    /// <summary>Keep polling.</summary>
    Retry,
}

/// <summary>One acceptor of a waiter.</summary>
public sealed class WaiterAcceptor
{
    internal WaiterAcceptor(WaiterState state, WaiterMatcher matcher, object? expected, JmesPathExpression? argument)
    {
        State = state;
        Matcher = matcher;
        Expected = expected;
        Argument = argument;
    }

    /// <summary>The state this acceptor moves to when it matches.</summary>
    public WaiterState State { get; }

    /// <summary>What the acceptor inspects.</summary>
    public WaiterMatcher Matcher { get; }

    /// <summary>The value to compare with: a value-tree value (string, bool, long, double, ...).</summary>
    public object? Expected { get; }

    /// <summary>The JMESPath expression over the output, for the path matchers; null for status and error.</summary>
    public JmesPathExpression? Argument { get; }

    /// <summary>What matched, in botocore's words (used in waiter error messages).</summary>
    public string Explanation => Matcher switch
    {
        WaiterMatcher.Path => $"For expression \"{Argument}\" we matched expected path: \"{Display(Expected)}\"",
        WaiterMatcher.PathAll => $"For expression \"{Argument}\" all members matched expected path: \"{Display(Expected)}\"",
        WaiterMatcher.PathAny => $"For expression \"{Argument}\" we matched expected path: \"{Display(Expected)}\" at least once",
        WaiterMatcher.Status => $"Matched expected HTTP status code: {Display(Expected)}",
        _ => $"Matched expected service error code: {Display(Expected)}",
    };

    // Python's str() of the expected value, as botocore's messages show it.
    private static string Display(object? value) => value switch
    {
        null => "None",
        bool b => b ? "True" : "False",
        string s => s,
        double d => JmesJson.PythonFloat(d),
        _ => Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture) ?? "",
    };

    /// <inheritdoc />
    public override string ToString() => $"{State.ToString().ToLowerInvariant()} when {Explanation}";
}
