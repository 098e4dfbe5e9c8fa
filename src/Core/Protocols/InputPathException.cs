namespace AwsCore.Protocols;

/// <summary>
/// A parameter value the serializer cannot use. Thrown deep in the value tree and re-thrown by each enclosing
/// structure, list or map with its own name in front, so the caller sees the full path ("Item.Key.S: ...").
/// </summary>
internal sealed class InputPathException : Exception
{
    private readonly List<string> _segments = new();

    public InputPathException(string problem) : base(problem) => Problem = problem;

    public string Problem { get; }

    /// <summary>Adds an enclosing member name ("Key") or index ("[2]") in front of the path.</summary>
    public InputPathException Within(string segment)
    {
        _segments.Add(segment);
        return this;
    }

    public string Path
    {
        get
        {
            var sb = new System.Text.StringBuilder();
            for (var i = _segments.Count - 1; i >= 0; i--)
            {
                var s = _segments[i];
                if (sb.Length > 0 && s[0] != '[') sb.Append('.');
                sb.Append(s);
            }
            return sb.ToString();
        }
    }

    /// <summary>The public form: an ArgumentException whose message starts with the parameter path.</summary>
    public ArgumentException ToArgumentException(string operation)
    {
        var path = Path;
        return new ArgumentException($"{operation}: {(path.Length > 0 ? path + ": " : "")}{Problem}", path.Length > 0 ? path : "parameters");
    }
}
