using System.Text.RegularExpressions;

namespace AwsCore.Endpoints;

/// <summary>
/// Compiles endpoint-rule-set-1.json (as a value tree) into rule and expression objects once: every variable gets a slot,
/// every function call a bound delegate, every getAttr path and template is parsed ahead. Errors name the source and the
/// JSON path.
/// </summary>
internal sealed class RuleSetCompiler
{
    private static readonly Regex TemplatePattern = new(@"\{[a-zA-Z#]+\}", RegexOptions.Compiled);

    private readonly string _source;
    private readonly PartitionSet _partitions;
    private readonly Dictionary<string, int> _slots = new(StringComparer.Ordinal);
    private readonly List<string> _visible = new();

    private RuleSetCompiler(string source, PartitionSet partitions)
    {
        _source = source;
        _partitions = partitions;
    }

    public static (EndpointParameter[] Parameters, Rule[] Rules, int SlotCount) Compile(
        Dictionary<string, object?> root, PartitionSet partitions, string source)
    {
        var compiler = new RuleSetCompiler(source, partitions);
        var parameters = compiler.ReadParameters(root);
        if (!root.TryGetValue("rules", out var rules) || rules is not List<object?> ruleList)
            throw compiler.Error(JsonPath.Root, "no \"rules\" array");
        var compiled = compiler.ReadRules(ruleList, JsonPath.Root.Key("rules"));
        return (parameters, compiled, compiler._slots.Count);
    }

    private EndpointParameter[] ReadParameters(Dictionary<string, object?> root)
    {
        var result = new List<EndpointParameter>();
        if (!root.TryGetValue("parameters", out var p) || p is null) return result.ToArray();
        if (p is not Dictionary<string, object?> parameters) throw Error(JsonPath.Root.Key("parameters"), "must be an object");
        foreach (var property in parameters)
        {
            var where = JsonPath.Root.Key("parameters").Key(property.Key);
            if (property.Value is not Dictionary<string, object?> spec) throw Error(where, "must be an object");
            var typeName = Get(spec, "type") as string ?? "";
            EndpointParameterType type = typeName.ToLowerInvariant() switch
            {
                "string" => EndpointParameterType.String,
                "boolean" => EndpointParameterType.Boolean,
                "stringarray" => EndpointParameterType.StringArray,
                _ => throw Error(where.Key("type"), $"Unknown parameter type: {typeName}. A parameter must be of type string, boolean, or stringarray."),
            };
            var builtIn = Get(spec, "builtIn") as string;
            var defaultValue = Get(spec, "default");
            var required = Get(spec, "required") is true;
            string? deprecated = null;
            if (Get(spec, "deprecated") is Dictionary<string, object?> dep)
            {
                var message = Get(dep, "message") as string;
                var since = Get(dep, "since") as string;
                deprecated = $"{property.Key} has been deprecated." + (message is null ? "" : " " + message) +
                             (since is null ? "" : $" Deprecated since {since}.");
            }
            var slot = _slots.Count;
            _slots[property.Key] = slot;
            _visible.Add(property.Key);
            var parameter = new EndpointParameter(property.Key, type, builtIn, defaultValue, required, deprecated, slot);
            if (defaultValue is not null)
            {
                try
                {
                    parameter.Accept(defaultValue);
                }
                catch (EndpointResolutionException e)
                {
                    throw Error(where.Key("default"), e.Message);
                }
            }
            result.Add(parameter);
        }
        return result.ToArray();
    }

    private Rule[] ReadRules(List<object?> rules, JsonPath where)
    {
        var result = new Rule[rules.Count];
        for (var i = 0; i < rules.Count; i++) result[i] = ReadRule(rules[i], where.Index(i));
        return result;
    }

    private Rule ReadRule(object? value, JsonPath where)
    {
        if (value is not Dictionary<string, object?> rule) throw Error(where, "a rule must be an object");
        var type = Get(rule, "type") as string;
        var scopeMark = _visible.Count;
        try
        {
            var conditions = ReadConditions(rule, where);
            switch (type)
            {
                case "tree":
                    if (Get(rule, "rules") is not List<object?> children) throw Error(where, "a tree rule needs a \"rules\" array");
                    return new TreeRule(conditions, ReadRules(children, where.Key("rules")));
                case "error":
                    if (!rule.TryGetValue("error", out var error)) throw Error(where, "an error rule needs \"error\"");
                    return new ErrorRule(conditions, ReadValue(error, where.Key("error")));
                case "endpoint":
                    if (Get(rule, "endpoint") is not Dictionary<string, object?> endpoint)
                        throw Error(where, "an endpoint rule needs an \"endpoint\" object");
                    return ReadEndpoint(conditions, endpoint, where.Key("endpoint"));
                default:
                    throw Error(where.Key("type"), $"Unknown rule type: {type}. A rule must be of type tree, endpoint or error.");
            }
        }
        finally
        {
            _visible.RemoveRange(scopeMark, _visible.Count - scopeMark);
        }
    }

    private CallExpr[] ReadConditions(Dictionary<string, object?> rule, JsonPath where)
    {
        if (!rule.TryGetValue("conditions", out var c) || c is null) return Array.Empty<CallExpr>();
        if (c is not List<object?> conditions) throw Error(where.Key("conditions"), "must be an array");
        var result = new CallExpr[conditions.Count];
        for (var i = 0; i < conditions.Count; i++)
        {
            var at = where.Key("conditions").Index(i);
            if (AsFunction(conditions[i]) is not { } call) throw Error(at, "a condition must be a function call");
            result[i] = ReadCall(call, at);
        }
        return result;
    }

    private EndpointRule ReadEndpoint(CallExpr[] conditions, Dictionary<string, object?> endpoint, JsonPath where)
    {
        if (!endpoint.TryGetValue("url", out var url)) throw Error(where, "an endpoint needs a \"url\"");
        var urlExpr = ReadValue(url, where.Key("url"));
        PropertyNode? properties = null;
        if (endpoint.TryGetValue("properties", out var props)) properties = ReadProperty(props, where.Key("properties"));
        var headers = new List<KeyValuePair<string, Expr[]>>();
        if (endpoint.TryGetValue("headers", out var h) && h is not null)
        {
            if (h is not Dictionary<string, object?> headerMap) throw Error(where.Key("headers"), "must be an object");
            foreach (var header in headerMap)
            {
                var at = where.Key("headers").Key(header.Key);
                if (header.Value is not List<object?> items) throw Error(at, "header values must be an array");
                var values = new Expr[items.Count];
                for (var i = 0; i < items.Count; i++) values[i] = ReadValue(items[i], at.Index(i));
                headers.Add(new KeyValuePair<string, Expr[]>(header.Key, values));
            }
        }
        return new EndpointRule(conditions, urlExpr, properties, headers.ToArray());
    }

    private PropertyNode ReadProperty(object? value, JsonPath where)
    {
        switch (value)
        {
            case Dictionary<string, object?> map:
            {
                var entries = new List<KeyValuePair<string, PropertyNode>>(map.Count);
                foreach (var p in map) entries.Add(new(p.Key, ReadProperty(p.Value, where.Key(p.Key))));
                var node = new MapProperty(entries.ToArray());
                return entries.All(e => e.Value is ConstantProperty) ? new ConstantProperty(node.Build(Array.Empty<object?>())) : node;
            }
            case List<object?> list:
            {
                var items = new PropertyNode[list.Count];
                for (var i = 0; i < list.Count; i++) items[i] = ReadProperty(list[i], where.Index(i));
                var node = new ListProperty(items);
                return items.All(e => e is ConstantProperty) ? new ConstantProperty(node.Build(Array.Empty<object?>())) : node;
            }
            case string text when TemplatePattern.IsMatch(text):
                return new TemplateProperty(ReadTemplate(text, where));
            default:
                return new ConstantProperty(value);
        }
    }

    /// <summary>A function argument, url, error or header value: a call, a ref, a template string or a literal.</summary>
    private Expr ReadValue(object? value, JsonPath where)
    {
        if (AsFunction(value) is { } call) return ReadCall(call, where);
        if (value is Dictionary<string, object?> map && map.TryGetValue("ref", out var reference))
        {
            var name = reference as string ?? throw Error(where.Key("ref"), "must be a string");
            return _visible.Contains(name) ? new SlotExpr(_slots[name]) : new LiteralExpr(null);
        }
        if (value is string text && TemplatePattern.IsMatch(text)) return ReadTemplate(text, where);
        return new LiteralExpr(value);
    }

    private static Dictionary<string, object?>? AsFunction(object? value) =>
        value is Dictionary<string, object?> map && map.ContainsKey("fn") ? map : null;

    private static object? Get(Dictionary<string, object?> map, string key) => map.TryGetValue(key, out var value) ? value : null;

    private CallExpr ReadCall(Dictionary<string, object?> call, JsonPath where)
    {
        var name = Get(call, "fn") as string ?? throw Error(where.Key("fn"), "must be a string");
        var args = new List<Expr>();
        if (call.TryGetValue("argv", out var a) && a is not null)
        {
            if (a is not List<object?> argv) throw Error(where.Key("argv"), "must be an array");
            for (var i = 0; i < argv.Count; i++) args.Add(ReadValue(argv[i], where.Key("argv").Index(i)));
        }
        var body = Bind(name, args.ToArray(), where);
        var assignSlot = -1;
        if (call.TryGetValue("assign", out var assign) && assign is not null)
        {
            var variable = assign as string ?? throw Error(where.Key("assign"), "must be a string");
            if (_visible.Contains(variable))
                throw Error(where.Key("assign"), $"Assignment {variable} already exists in scoped variables and cannot be overwritten");
            if (!_slots.TryGetValue(variable, out assignSlot))
            {
                assignSlot = _slots.Count;
                _slots[variable] = assignSlot;
            }
            _visible.Add(variable);
        }
        return new CallExpr(name, body, assignSlot);
    }

    private Func<object?[], object?> Bind(string name, Expr[] a, JsonPath where)
    {
        void Arity(int count)
        {
            if (a.Length != count) throw Error(where, $"{name} takes {count} argument(s), got {a.Length}");
        }

        switch (name)
        {
            case "booleanEquals":
                Arity(2);
                return s => StandardLibrary.BooleanEquals(a[0].Evaluate(s), a[1].Evaluate(s));
            case "stringEquals":
                Arity(2);
                return s => StandardLibrary.StringEquals(a[0].Evaluate(s), a[1].Evaluate(s));
            case "isSet":
                Arity(1);
                return s => StandardLibrary.IsSet(a[0].Evaluate(s));
            case "not":
                Arity(1);
                return s => StandardLibrary.Not(a[0].Evaluate(s));
            case "getAttr":
                Arity(2);
                if (a[1] is LiteralExpr { Value: string fixedPath })
                {
                    var path = AttributePath.Parse(fixedPath);
                    return s => path.Get(a[0].Evaluate(s));
                }
                return s => a[1].Evaluate(s) is string dynamicPath ? AttributePath.Parse(dynamicPath).Get(a[0].Evaluate(s)) : null;
            case "substring":
                Arity(4);
                return s => StandardLibrary.Substring(a[0].Evaluate(s), a[1].Evaluate(s), a[2].Evaluate(s), a[3].Evaluate(s));
            case "parseURL":
                Arity(1);
                return s => UrlParts.Parse(a[0].Evaluate(s));
            case "uriEncode":
                Arity(1);
                return s => StandardLibrary.UriEncode(a[0].Evaluate(s));
            case "isValidHostLabel":
                Arity(2);
                return s => StandardLibrary.IsValidHostLabel(a[0].Evaluate(s), a[1].Evaluate(s));
            case "aws.partition":
                Arity(1);
                var partitions = _partitions;
                return s => StandardLibrary.Partition(partitions, a[0].Evaluate(s));
            case "aws.parseArn":
                Arity(1);
                return s => ArnParts.Parse(a[0].Evaluate(s));
            case "aws.isVirtualHostableS3Bucket":
                Arity(2);
                return s => StandardLibrary.IsVirtualHostableS3Bucket(a[0].Evaluate(s), a[1].Evaluate(s));
            default:
                throw Error(where.Key("fn"), $"unknown function '{name}'");
        }
    }

    private TemplateExpr ReadTemplate(string text, JsonPath where)
    {
        var parts = new List<TemplateExpr.Part>();
        var literal = new System.Text.StringBuilder();
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '{' && i + 1 < text.Length && text[i + 1] == '{') { literal.Append('{'); i++; continue; }
            if (c == '}' && i + 1 < text.Length && text[i + 1] == '}') { literal.Append('}'); i++; continue; }
            if (c == '}') throw Error(where, $"single '}}' in template \"{text}\"");
            if (c != '{') { literal.Append(c); continue; }
            var close = text.IndexOf('}', i + 1);
            if (close < 0) throw Error(where, $"unclosed '{{' in template \"{text}\"");
            if (literal.Length > 0)
            {
                parts.Add(new TemplateExpr.Part { Literal = literal.ToString() });
                literal.Clear();
            }
            var reference = text.Substring(i + 1, close - i - 1);
            var names = reference.Split('#');
            parts.Add(new TemplateExpr.Part
            {
                Reference = reference,
                Slot = _visible.Contains(names[0]) ? _slots[names[0]] : -1,
                Path = names.Skip(1).ToArray(),
            });
            i = close;
        }
        if (literal.Length > 0 || parts.Count == 0) parts.Add(new TemplateExpr.Part { Literal = literal.ToString() });
        return new TemplateExpr(parts.ToArray());
    }

    private EndpointResolutionException Error(JsonPath where, string message)
    {
        var path = where.ToString();
        return new(path.Length == 0 ? $"{_source}: {message}" : $"{_source}: {path}: {message}");
    }
}
