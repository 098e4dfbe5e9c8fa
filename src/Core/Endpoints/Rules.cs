namespace AwsCore.Endpoints;

/// <summary>A compiled rule: conditions that must all hold (neither false nor null), then an endpoint, an error or sub-rules.</summary>
internal abstract class Rule
{
    private readonly CallExpr[] _conditions;

    protected Rule(CallExpr[] conditions) => _conditions = conditions;

    /// <summary>The endpoint this rule yields, null when it does not match; throws when an error rule matches.</summary>
    public abstract ResolvedEndpoint? Evaluate(object?[] slots);

    protected bool ConditionsHold(object?[] slots)
    {
        foreach (var condition in _conditions)
        {
            var result = condition.Evaluate(slots);
            if (result is null || result is false) return false;
        }
        return true;
    }
}

internal sealed class TreeRule : Rule
{
    private readonly Rule[] _rules;

    public TreeRule(CallExpr[] conditions, Rule[] rules) : base(conditions) => _rules = rules;

    // Sibling rules need no copy of the scope: a rule only reads variables its own path assigned, and assigns before reading.
    public override ResolvedEndpoint? Evaluate(object?[] slots)
    {
        if (!ConditionsHold(slots)) return null;
        foreach (var rule in _rules)
            if (rule.Evaluate(slots) is { } endpoint) return endpoint;
        return null;
    }
}

internal sealed class ErrorRule : Rule
{
    private readonly Expr _message;

    public ErrorRule(CallExpr[] conditions, Expr message) : base(conditions) => _message = message;

    public override ResolvedEndpoint? Evaluate(object?[] slots)
    {
        if (!ConditionsHold(slots)) return null;
        throw new EndpointResolutionException(PythonValues.Str(_message.Evaluate(slots)));
    }
}

internal sealed class EndpointRule : Rule
{
    private readonly Expr _url;
    private readonly PropertyNode? _properties;
    private readonly KeyValuePair<string, Expr[]>[] _headers;

    public EndpointRule(CallExpr[] conditions, Expr url, PropertyNode? properties, KeyValuePair<string, Expr[]>[] headers)
        : base(conditions)
    {
        _url = url;
        _properties = properties;
        _headers = headers;
    }

    public override ResolvedEndpoint? Evaluate(object?[] slots)
    {
        if (!ConditionsHold(slots)) return null;
        var url = _url.Evaluate(slots) as string
                  ?? throw new EndpointResolutionException("The endpoint rule's url did not evaluate to a string");
        var properties = _properties?.Build(slots) as IReadOnlyDictionary<string, object?>;
        Dictionary<string, IReadOnlyList<string>>? headers = null;
        if (_headers.Length > 0)
        {
            headers = new Dictionary<string, IReadOnlyList<string>>(_headers.Length, StringComparer.Ordinal);
            foreach (var header in _headers)
            {
                var values = new string[header.Value.Length];
                for (var i = 0; i < values.Length; i++) values[i] = PythonValues.Str(header.Value[i].Evaluate(slots));
                headers[header.Key] = values;
            }
        }
        return new ResolvedEndpoint(url, properties, headers);
    }
}

/// <summary>
/// An endpoint's properties: only template strings are filled in (functions and refs inside properties stay as written,
/// as in botocore). A subtree without templates is built once and shared.
/// </summary>
internal abstract class PropertyNode
{
    public abstract object? Build(object?[] slots);
}

internal sealed class ConstantProperty : PropertyNode
{
    private readonly object? _value;

    public ConstantProperty(object? value) => _value = value;

    public override object? Build(object?[] slots) => _value;
}

internal sealed class TemplateProperty : PropertyNode
{
    private readonly TemplateExpr _template;

    public TemplateProperty(TemplateExpr template) => _template = template;

    public override object? Build(object?[] slots) => _template.Evaluate(slots);
}

internal sealed class ListProperty : PropertyNode
{
    private readonly PropertyNode[] _items;

    public ListProperty(PropertyNode[] items) => _items = items;

    public override object? Build(object?[] slots)
    {
        var list = new List<object?>(_items.Length);
        foreach (var item in _items) list.Add(item.Build(slots));
        return list;
    }
}

internal sealed class MapProperty : PropertyNode
{
    private readonly KeyValuePair<string, PropertyNode>[] _entries;

    public MapProperty(KeyValuePair<string, PropertyNode>[] entries) => _entries = entries;

    public override object? Build(object?[] slots)
    {
        var map = new Dictionary<string, object?>(_entries.Length, StringComparer.Ordinal);
        foreach (var entry in _entries) map[entry.Key] = entry.Value.Build(slots);
        return map;
    }
}
