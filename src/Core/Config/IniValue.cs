namespace AwsCore.Config;

/// <summary>
/// One setting of a config file section: a plain string, or (for "s3 =" followed by indented "key = value" lines)
/// a nested map. Remembers its file and line for "where did this come from" answers.
/// </summary>
public sealed class IniValue
{
    public IniValue(string text, IReadOnlyDictionary<string, string>? nested, string filePath, int line)
    {
        Text = text;
        Nested = nested;
        FilePath = filePath;
        Line = line;
    }

    /// <summary>The value as written (continuation lines joined with '\n'); for a nested value, its raw text.</summary>
    public string Text { get; }

    /// <summary>The sub-settings of a nested value, or null for a plain one.</summary>
    public IReadOnlyDictionary<string, string>? Nested { get; }

    public string FilePath { get; }

    /// <summary>The 1-based line of the key.</summary>
    public int Line { get; }

    /// <summary>The file and line only: a value may be a secret, so it is never printed.</summary>
    public override string ToString() => $"{FilePath} line {Line}";
}

/// <summary>A [section] of a config file: its name as written and its settings by lowercase key, in file order.</summary>
public sealed class IniSection
{
    public IniSection(string name, string filePath, int line)
    {
        Name = name;
        FilePath = filePath;
        Line = line;
    }

    /// <summary>The text between the brackets, as written.</summary>
    public string Name { get; }

    public string FilePath { get; }

    public int Line { get; }

    /// <summary>Settings by key (keys are lowercased, as configparser does).</summary>
    public Dictionary<string, IniValue> Values { get; } = new(StringComparer.Ordinal);

    /// <summary>The plain value of <paramref name="key"/>, or null.</summary>
    public string? Get(string key) => Values.TryGetValue(key, out var v) && v.Nested is null ? v.Text : null;

    /// <summary>The name and place only; values may be secrets.</summary>
    public override string ToString() => $"[{Name}] in {FilePath} line {Line}";
}
