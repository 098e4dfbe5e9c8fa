namespace AwsCore.Endpoints;

/// <summary>The type of a rule-set parameter.</summary>
public enum EndpointParameterType
{
    /// <summary>A string.</summary>
    String,
    /// <summary>A boolean.</summary>
    Boolean,
    /// <summary>A list of strings.</summary>
    StringArray,
}

/// <summary>One parameter a rule set declares: its type, the built-in value it is bound to, its default and whether it is required.</summary>
public sealed class EndpointParameter
{
    internal EndpointParameter(string name, EndpointParameterType type, string? builtIn, object? defaultValue,
        bool required, string? deprecatedMessage, int slot)
    {
        Name = name;
        Type = type;
        BuiltIn = builtIn;
        Default = defaultValue;
        Required = required;
        DeprecatedMessage = deprecatedMessage;
        Slot = slot;
    }

    /// <summary>The parameter's name as rules refer to it, e.g. "Region".</summary>
    public string Name { get; }

    /// <summary>String, Boolean or StringArray.</summary>
    public EndpointParameterType Type { get; }

    /// <summary>The SDK built-in the value comes from ("AWS::Region", "SDK::Endpoint", ...), or null.</summary>
    public string? BuiltIn { get; }

    /// <summary>The value used when none is given (a string, a bool or a list of strings), or null.</summary>
    public object? Default { get; }

    /// <summary>Whether resolution fails when no value is given and there is no default.</summary>
    public bool Required { get; }

    /// <summary>The deprecation note ("message" and "since") when the parameter is deprecated, or null.</summary>
    public string? DeprecatedMessage { get; }

    internal int Slot { get; }

    /// <summary>Applies the default and checks the type of one input value, returning the value the rules see.</summary>
    internal object? Accept(object? value)
    {
        if (value is null)
        {
            if (Default is not null) return Default;
            if (Required) throw new EndpointResolutionException($"Cannot find value for required parameter {Name}");
            return null;
        }
        switch (Type)
        {
            case EndpointParameterType.String when value is string:
            case EndpointParameterType.Boolean when value is bool:
                return value;
            case EndpointParameterType.StringArray when value is IReadOnlyList<object?> list && AllStrings(list):
                return list;
            case EndpointParameterType.StringArray when value is System.Collections.IEnumerable items && value is not string:
                var copy = new List<object?>();
                foreach (var item in items)
                {
                    if (item is not string) throw WrongType(value);
                    copy.Add(item);
                }
                return copy;
            default:
                throw WrongType(value);
        }
    }

    private static bool AllStrings(IReadOnlyList<object?> list)
    {
        for (var i = 0; i < list.Count; i++)
            if (list[i] is not string) return false;
        return true;
    }

    private EndpointResolutionException WrongType(object value) =>
        new($"Value ({Name}) is the wrong type. Must be {Type}, got {value.GetType().Name}.");
}
