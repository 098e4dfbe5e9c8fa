namespace AwsCore.Jmes;

/// <summary>
/// <c>name(args...)</c>. The function is looked up when compiled, but an unknown name, a wrong argument count or a
/// wrong argument type is raised when evaluated, as botocore's jmespath does (a call never reached never fails).
/// </summary>
internal sealed class FunctionNode : Node
{
    private readonly Node[] _arguments;
    private readonly JmesFunction? _function;

    public FunctionNode(string name, Node[] arguments, string expression, int column)
    {
        Name = name;
        _arguments = arguments;
        Expression = expression;
        Column = column;
        _function = FunctionTable.Find(name);
    }

    public string Name { get; }
    public string Expression { get; }
    public int Column { get; }

    public override object? Evaluate(object? current)
    {
        var args = new object?[_arguments.Length];
        for (var i = 0; i < args.Length; i++) args[i] = _arguments[i].Evaluate(current);
        if (_function is null) throw Error(JmesPathErrorKind.UnknownFunction, $"unknown function {Name}()");
        CheckArity(_function, args.Length);
        for (var i = 0; i < args.Length; i++)
        {
            var parameter = _function.Parameters[Math.Min(i, _function.Parameters.Length - 1)];
            ArgumentTypes.Check(this, i, parameter, args[i]);
        }
        return _function.Body(args, this);
    }

    private void CheckArity(JmesFunction function, int count)
    {
        var expected = function.Parameters.Length;
        if (function.Variadic ? count >= expected : count == expected) return;
        var least = function.Variadic ? "at least " : "";
        throw Error(JmesPathErrorKind.InvalidArity,
            $"{Name}() takes {least}{expected} argument{(expected == 1 ? "" : "s")} but received {count}");
    }

    public JmesPathException Error(JmesPathErrorKind kind, string reason) => new(kind, Expression, Column, reason);

    /// <summary>The invalid-type error for a value a function cannot use.</summary>
    public JmesPathException TypeError(string what, string expected, object? actual) =>
        Error(JmesPathErrorKind.InvalidType, $"{Name}() {what} must be {expected}, but received {JmesValue.TypeName(JmesValue.TypeOf(actual))}");
}
