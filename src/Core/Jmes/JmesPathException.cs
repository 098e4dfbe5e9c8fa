namespace AwsCore.Jmes;

/// <summary>The kinds of JMESPath error the specification names.</summary>
public enum JmesPathErrorKind
{
    /// <summary>The expression is not valid JMESPath (raised when it is compiled).</summary>
    Syntax,
    /// <summary>A function name that JMESPath does not define.</summary>
    UnknownFunction,
    /// <summary>A function received an argument of a type it does not accept.</summary>
    InvalidType,
    /// <summary>A function received too few or too many arguments.</summary>
    InvalidArity,
    /// <summary>A value that is out of the allowed range, such as a slice step of 0.</summary>
    InvalidValue,
}

/// <summary>
/// A JMESPath error: carries the expression and the 0-based column of the offending token,
/// and its message shows the expression with a caret under that column.
/// </summary>
public sealed class JmesPathException : Exception
{
    /// <summary>Creates the error; <paramref name="reason"/> is the short description without position.</summary>
    public JmesPathException(JmesPathErrorKind kind, string expression, int column, string reason)
        : base(Format(kind, expression, column, reason))
    {
        Kind = kind;
        Expression = expression;
        Column = column;
        Reason = reason;
    }

    /// <summary>Which of the specification's error kinds this is.</summary>
    public JmesPathErrorKind Kind { get; }

    /// <summary>The whole expression text.</summary>
    public string Expression { get; }

    /// <summary>0-based column of the token at fault.</summary>
    public int Column { get; }

    /// <summary>The description of the fault without the position.</summary>
    public string Reason { get; }

    /// <summary>The name the JMESPath compliance suite uses for <see cref="Kind"/> (syntax, invalid-type, ...).</summary>
    public string KindName => KindToName(Kind);

    internal static string KindToName(JmesPathErrorKind kind) => kind switch
    {
        JmesPathErrorKind.Syntax => "syntax",
        JmesPathErrorKind.UnknownFunction => "unknown-function",
        JmesPathErrorKind.InvalidType => "invalid-type",
        JmesPathErrorKind.InvalidArity => "invalid-arity",
        _ => "invalid-value",
    };

    private static string Format(JmesPathErrorKind kind, string expression, int column, string reason)
    {
        // One line of the expression with a caret under the column, so the fault is visible at a glance.
        var oneLine = expression.Replace('\n', ' ').Replace('\r', ' ').Replace('\t', ' ');
        var caretAt = Math.Max(0, Math.Min(column, oneLine.Length));
        return $"JMESPath {KindToName(kind)} error at column {column}: {reason}\n  {oneLine}\n  {new string(' ', caretAt)}^";
    }
}
