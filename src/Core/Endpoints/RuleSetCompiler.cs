using System.Text.Json;
using System.Text.RegularExpressions;

namespace AwsCore.Endpoints;

/// <summary>
/// Compiles endpoint-rule-set-1.json into rule and expression objects once: every variable gets a slot, every function
/// call a bound delegate, every getAttr path and template is parsed ahead. Errors name the source and the JSON path.
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

    public static (EndpointParameter[] Parameters, Rule[] Rules, int SlotCount) Compile(JsonElement root, PartitionSet partitions, string source)
    {
        var compiler = new RuleSetCompiler(source, partitions);
        var parameters = compiler.ReadParameters(root);
        if (!root.TryGetProperty("rules", out var rules) || rules.ValueKind != JsonValueKind.Array)
            throw compiler.Error("", "no \"rules\" array");
        var compiled = compiler.ReadRules(rules, "rules");
        return (parameters, compiled, compiler._slots.Count);
    }

    private EndpointParameter[] ReadParameters(JsonElement root)
    {
        var result = new List<EndpointParameter>();
        if (!root.TryGetProperty("parameters", out var parameters)) return result.ToArray();
        if (parameters.ValueKind != JsonValueKind.Object) throw Error("parameters", "must be an object");
        foreach (var property in parameters.EnumerateObject())
        {
            var where = "parameters." + property.Name;
            var spec = property.Value;
            var typeName = spec.TryGetProperty("type", out var t) && t.ValueKind == JsonValueKind.String ? t.GetString()! : "";
            EndpointParameterType type = typeName.ToLowerInvariant() switch
            {
                "string" => EndpointParameterType.String,
                "boolean" => EndpointParameterType.Boolean,
                "stringarray" => EndpointParameterType.StringArray,
                _ => throw Error(where + ".type", $"Unknown parameter type: {typeName}. A parameter must be of type string, boolean, or stringarray."),
            };
            var builtIn = spec.TryGetProperty("builtIn", out var b) && b.ValueKind == JsonValueKind.String ? b.GetString() : null;
            var defaultValue = spec.TryGetProperty("default", out var d) ? JsonValues.ToValue(d) : null;
            var required = spec.TryGetProperty("required", out var r) && r.ValueKind == JsonValueKind.True;
            string? deprecated = null;
            if (spec.TryGetProperty("deprecated", out var dep) && dep.ValueKind == JsonValueKind.Object)
            {
                var message = dep.TryGetProperty("message", out var m) ? m.GetString() : null;
                var since = dep.TryGetProperty("since", out var s) ? s.GetString() : null;
                deprecated = $"{property.Name} has been deprecated." + (message is null ? "" : " " + message) +
                             (since is null ? "" : $" Deprecated since {since}.");
            }
            var slot = _slots.Count;
            _slots[property.Name] = slot;
            _visible.Add(property.Name);
            var parameter = new EndpointParameter(property.Name, type, builtIn, defaultValue, required, deprecated, slot);
            if (defaultValue is not null)
            {
                try
                {
                    parameter.Accept(defaultValue);
                }
                catch (EndpointResolutionException e)
                {
                    throw Error(where + ".default", e.Message);
                }
            }
            result.Add(parameter);
        }
        return result.ToArray();
    }

    private Rule[] ReadRules(JsonElement rules, string where)
    {
        var result = new Rule[rules.GetArrayLength()];
        var i = 0;
        foreach (var rule in rules.EnumerateArray())
        {
            result[i] = ReadRule(rule, $"{where}[{i}]");
            i++;
        }
        return result;
    }

    private Rule ReadRule(JsonElement rule, string where)
    {
        if (rule.ValueKind != JsonValueKind.Object) throw Error(where, "a rule must be an object");
        var type = rule.TryGetProperty("type", out var t) ? t.GetString() : null;
        var scopeMark = _visible.Count;
        try
        {
            var conditions = ReadConditions(rule, where);
            switch (type)
            {
                case "tree":
                    if (!rule.TryGetProperty("rules", out var children) || children.ValueKind != JsonValueKind.Array)
                        throw Error(where, "a tree rule needs a \"rules\" array");
                    return new TreeRule(conditions, ReadRules(children, where + ".rules"));
                case "error":
                    if (!rule.TryGetProperty("error", out var error)) throw Error(where, "an error rule needs \"error\"");
                    return new ErrorRule(conditions, ReadValue(error, where + ".error"));
                case "endpoint":
                    if (!rule.TryGetProperty("endpoint", out var endpoint) || endpoint.ValueKind != JsonValueKind.Object)
                        throw Error(where, "an endpoint rule needs an \"endpoint\" object");
                    return ReadEndpoint(conditions, endpoint, where + ".endpoint");
                default:
                    throw Error(where + ".type", $"Unknown rule type: {type}. A rule must be of type tree, endpoint or error.");
            }
        }
        finally
        {
            _visible.RemoveRange(scopeMark, _visible.Count - scopeMark);
        }
    }

    private CallExpr[] ReadConditions(JsonElement rule, string where)
    {
        if (!rule.TryGetProperty("conditions", out var conditions)) return Array.Empty<CallExpr>();
        if (conditions.ValueKind != JsonValueKind.Array) throw Error(where + ".conditions", "must be an array");
        var result = new CallExpr[conditions.GetArrayLength()];
        var i = 0;
        foreach (var condition in conditions.EnumerateArray())
        {
            var at = $"{where}.conditions[{i}]";
            if (!IsFunction(condition)) throw Error(at, "a condition must be a function call");
            result[i++] = ReadCall(condition, at);
        }
        return result;
    }

    private EndpointRule ReadEndpoint(CallExpr[] conditions, JsonElement endpoint, string where)
    {
        if (!endpoint.TryGetProperty("url", out var url)) throw Error(where, "an endpoint needs a \"url\"");
        var urlExpr = ReadValue(url, where + ".url");
        PropertyNode? properties = null;
        if (endpoint.TryGetProperty("properties", out var props)) properties = ReadProperty(props, where + ".properties");
        var headers = new List<KeyValuePair<string, Expr[]>>();
        if (endpoint.TryGetProperty("headers", out var headerMap))
        {
            if (headerMap.ValueKind != JsonValueKind.Object) throw Error(where + ".headers", "must be an object");
            foreach (var header in headerMap.EnumerateObject())
            {
                var at = where + ".headers." + header.Name;
                if (header.Value.ValueKind != JsonValueKind.Array) throw Error(at, "header values must be an array");
                var values = new List<Expr>();
                var i = 0;
                foreach (var item in header.Value.EnumerateArray()) values.Add(ReadValue(item, $"{at}[{i++}]"));
                headers.Add(new KeyValuePair<string, Expr[]>(header.Name, values.ToArray()));
            }
        }
        return new EndpointRule(conditions, urlExpr, properties, headers.ToArray());
    }

    private PropertyNode ReadProperty(JsonElement value, string where)
    {
        switch (value.ValueKind)
        {
            case JsonValueKind.Object:
            {
                var entries = new List<KeyValuePair<string, PropertyNode>>();
                foreach (var p in value.EnumerateObject()) entries.Add(new(p.Name, ReadProperty(p.Value, where + "." + p.Name)));
                if (entries.All(e => e.Value is ConstantProperty))
                    return new ConstantProperty(new MapProperty(entries.ToArray()).Build(Array.Empty<object?>()));
                return new MapProperty(entries.ToArray());
            }
            case JsonValueKind.Array:
            {
                var items = new List<PropertyNode>();
                var i = 0;
                foreach (var item in value.EnumerateArray()) items.Add(ReadProperty(item, $"{where}[{i++}]"));
                if (items.All(e => e is ConstantProperty))
                    return new ConstantProperty(new ListProperty(items.ToArray()).Build(Array.Empty<object?>()));
                return new ListProperty(items.ToArray());
            }
            case JsonValueKind.String when TemplatePattern.IsMatch(value.GetString()!):
                return new TemplateProperty(ReadTemplate(value.GetString()!, where));
            default:
                return new ConstantProperty(JsonValues.ToValue(value));
        }
    }

    /// <summary>A function argument, url, error or header value: a call, a ref, a template string or a literal.</summary>
    private Expr ReadValue(JsonElement value, string where)
    {
        if (IsFunction(value)) return ReadCall(value, where);
        if (value.ValueKind == JsonValueKind.Object && value.TryGetProperty("ref", out var reference))
        {
            var name = reference.GetString() ?? throw Error(where + ".ref", "must be a string");
            return _visible.Contains(name) ? new SlotExpr(_slots[name]) : new LiteralExpr(null);
        }
        if (value.ValueKind == JsonValueKind.String && TemplatePattern.IsMatch(value.GetString()!))
            return ReadTemplate(value.GetString()!, where);
        return new LiteralExpr(JsonValues.ToValue(value));
    }

    private static bool IsFunction(JsonElement value) =>
        value.ValueKind == JsonValueKind.Object && value.TryGetProperty("fn", out _);

    private CallExpr ReadCall(JsonElement call, string where)
    {
        var name = call.GetProperty("fn").GetString() ?? throw Error(where + ".fn", "must be a string");
        var args = new List<Expr>();
        var literalArgs = new List<JsonElement>();
        if (call.TryGetProperty("argv", out var argv))
        {
            if (argv.ValueKind != JsonValueKind.Array) throw Error(where + ".argv", "must be an array");
            var i = 0;
            foreach (var arg in argv.EnumerateArray())
            {
                args.Add(ReadValue(arg, $"{where}.argv[{i++}]"));
                literalArgs.Add(arg);
            }
        }
        var body = Bind(name, args.ToArray(), literalArgs, where);
        var assignSlot = -1;
        if (call.TryGetProperty("assign", out var assign))
        {
            var variable = assign.GetString() ?? throw Error(where + ".assign", "must be a string");
            if (_visible.Contains(variable))
                throw Error(where + ".assign", $"Assignment {variable} already exists in scoped variables and cannot be overwritten");
            if (!_slots.TryGetValue(variable, out assignSlot))
            {
                assignSlot = _slots.Count;
                _slots[variable] = assignSlot;
            }
            _visible.Add(variable);
        }
        return new CallExpr(name, body, assignSlot);
    }

    private Func<object?[], object?> Bind(string name, Expr[] a, List<JsonElement> literal, string where)
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
                throw Error(where + ".fn", $"unknown function '{name}'");
        }
    }

    private TemplateExpr ReadTemplate(string text, string where)
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

    private EndpointResolutionException Error(string where, string message) =>
        new(where.Length == 0 ? $"{_source}: {message}" : $"{_source}: {where}: {message}");
}
