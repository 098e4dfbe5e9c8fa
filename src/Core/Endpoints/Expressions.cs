namespace AwsCore.Endpoints;

/// <summary>
/// A compiled rule-set expression. Variables (parameters and assigned results) live in numbered slots of one array per
/// resolution, fixed when the rule set is compiled, so evaluation never looks a name up.
/// </summary>
internal abstract class Expr
{
    public abstract object? Evaluate(object?[] slots);
}

internal sealed class LiteralExpr : Expr
{
    public LiteralExpr(object? value) => Value = value;

    public object? Value { get; }

    public override object? Evaluate(object?[] slots) => Value;
}

/// <summary>A {"ref": name} to a parameter or an assigned variable.</summary>
internal sealed class SlotExpr : Expr
{
    private readonly int _slot;

    public SlotExpr(int slot) => _slot = slot;

    public override object? Evaluate(object?[] slots) => slots[_slot];
}

/// <summary>A function call; when the rule assigns its result, the value is stored in <see cref="AssignSlot"/>.</summary>
internal sealed class CallExpr : Expr
{
    private readonly Func<object?[], object?> _body;

    public CallExpr(string name, Func<object?[], object?> body, int assignSlot)
    {
        Name = name;
        _body = body;
        AssignSlot = assignSlot;
    }

    public string Name { get; }
    public int AssignSlot { get; }

    public override object? Evaluate(object?[] slots)
    {
        var result = _body(slots);
        if (AssignSlot >= 0) slots[AssignSlot] = result;
        return result;
    }
}

/// <summary>
/// A string with {Name} and {Name#attr} references, filled in as Python's str.format does for botocore:
/// "{{" and "}}" are literal braces, values print as Python prints them.
/// </summary>
internal sealed class TemplateExpr : Expr
{
    private readonly Part[] _parts;

    public TemplateExpr(Part[] parts) => _parts = parts;

    public override object? Evaluate(object?[] slots)
    {
        if (_parts.Length == 1 && _parts[0].Literal is { } only) return only;
        var sb = new System.Text.StringBuilder();
        foreach (var part in _parts)
        {
            if (part.Literal is not null)
            {
                sb.Append(part.Literal);
                continue;
            }
            if (part.Slot < 0) throw new EndpointResolutionException($"Template refers to '{part.Reference}', which is not in scope");
            var value = slots[part.Slot];
            for (var i = 0; i < part.Path.Length; i++)
            {
                if (value is not IReadOnlyDictionary<string, object?> map || !map.TryGetValue(part.Path[i], out value))
                    throw new EndpointResolutionException($"Template reference '{part.Reference}' has no attribute '{part.Path[i]}'");
            }
            sb.Append(PythonValues.Str(value));
        }
        return sb.ToString();
    }

    /// <summary>Either literal text or a variable (slot) followed by attribute names.</summary>
    internal sealed class Part
    {
        public string? Literal { get; init; }
        public string Reference { get; init; } = "";
        public int Slot { get; init; } = -1;
        public string[] Path { get; init; } = Array.Empty<string>();
    }
}
