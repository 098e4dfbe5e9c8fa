namespace AwsCore.Jmes;

/// <summary>
/// A compiled JMESPath expression. Immutable and safe to share: evaluate it from any number of threads.
/// Obtain one from <see cref="JmesPath.Compile"/>.
/// </summary>
public sealed class JmesPathExpression
{
    private readonly Node _root;

    internal JmesPathExpression(string text, Node root)
    {
        Text = text;
        _root = root;
    }

    /// <summary>The expression as written.</summary>
    public string Text { get; }

    /// <summary>
    /// Evaluates the expression over a value tree (dictionaries, lists, strings, numbers, booleans, null; see
    /// docs/conventions.md). The result shares unchanged parts with <paramref name="data"/>; arrays and objects the
    /// expression builds are new <see cref="List{T}"/> and <see cref="Dictionary{TKey, TValue}"/> instances.
    /// </summary>
    /// <exception cref="JmesPathException">A function is unknown or receives arguments of the wrong number or type, or a slice step is 0.</exception>
    public object? Search(object? data) => _root.Evaluate(data);

    /// <summary>The expression text.</summary>
    public override string ToString() => Text;
}
