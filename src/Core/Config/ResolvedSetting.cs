namespace AwsCore.Config;

/// <summary>Where a resolved setting came from, in precedence order.</summary>
public enum SettingSourceKind
{
    /// <summary>Given by the caller (a cmdlet parameter or client option).</summary>
    Explicit,
    /// <summary>An environment variable.</summary>
    Environment,
    /// <summary>The active profile of the shared config or credentials file.</summary>
    Profile,
    /// <summary>The defaults mode's value from sdk-default-configuration.json.</summary>
    DefaultsMode,
    /// <summary>botocore's built-in default.</summary>
    Default,
    /// <summary>Not set anywhere.</summary>
    Unset,
}

/// <summary>A setting's value and the answer to "where did this come from", for -Verbose output.</summary>
public sealed class ResolvedSetting
{
    public ResolvedSetting(string name, string? value, SettingSourceKind kind, string source, IReadOnlyDictionary<string, string>? nested = null)
    {
        Name = name;
        Value = value;
        Kind = kind;
        Source = source;
        Nested = nested;
    }

    /// <summary>The logical setting name ("region", "retry_mode", "endpoint_url" ...).</summary>
    public string Name { get; }

    /// <summary>The value, or null when unset.</summary>
    public string? Value { get; }

    /// <summary>The sub-settings of a nested setting (the profile's "s3 =" block), or null.</summary>
    public IReadOnlyDictionary<string, string>? Nested { get; }

    public SettingSourceKind Kind { get; }

    /// <summary>"environment variable AWS_DEFAULT_REGION", "profile dev in /home/u/.aws/config line 12", "default" ...</summary>
    public string Source { get; }

    /// <summary>The value as a boolean the way botocore's ensure_boolean reads it ("true" in any case is true), or null.</summary>
    public bool? AsBoolean() => Value is null ? null : string.Equals(Value.Trim(), "true", StringComparison.OrdinalIgnoreCase);

    /// <summary>The value as an integer, or null; an error names the source when it is not one.</summary>
    public int? AsInt32()
    {
        if (Value is null) return null;
        if (int.TryParse(Value.Trim(), System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out var n)) return n;
        throw new FormatException($"{Name} ({Source}): expected an integer, got '{Value}'");
    }

    /// <summary>The value as a number of seconds (int or decimal), or null; an error names the source.</summary>
    public double? AsDouble()
    {
        if (Value is null) return null;
        if (double.TryParse(Value.Trim(), System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var n)) return n;
        throw new FormatException($"{Name} ({Source}): expected a number, got '{Value}'");
    }

    /// <summary>Name, value and source; settings carrying secrets are never resolved through this type.</summary>
    public override string ToString() => $"{Name} = {Value ?? "(unset)"} from {Source}";
}
