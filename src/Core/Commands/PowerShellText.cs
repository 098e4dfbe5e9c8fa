using System.Text.RegularExpressions;

namespace AwsCore.Commands;

/// <summary>Quoting and naming rules for PowerShell source text written by Core.</summary>
public static class PowerShellText
{
    private static readonly Regex SimpleName = new("^[A-Za-z_][A-Za-z0-9_]*$", RegexOptions.CultureInvariant);
    private static readonly Regex CommandName = new("^[A-Za-z]+-[A-Za-z0-9_]+$", RegexOptions.CultureInvariant);

    /// <summary>
    /// A single-quoted PowerShell string literal of <paramref name="value"/>. PowerShell ends single-quoted strings at
    /// any of ' ‘ ’ ‚ ‛, so each of them is doubled.
    /// </summary>
    public static string Quote(string value)
    {
        var builder = new System.Text.StringBuilder(value.Length + 2).Append('\'');
        foreach (var c in value)
        {
            if (IsSingleQuote(c)) builder.Append(c);
            builder.Append(c);
        }
        return builder.Append('\'').ToString();
    }

    /// <summary>The characters PowerShell's tokenizer treats as a single quote.</summary>
    public static bool IsSingleQuote(char c) => c is '\'' or '\u2018' or '\u2019' or '\u201A' or '\u201B';

    /// <summary>Whether <paramref name="name"/> can be written as a bare parameter or variable name.</summary>
    public static bool IsSimpleName(string name) => SimpleName.IsMatch(name);

    /// <summary>Whether <paramref name="name"/> is a Verb-Noun command name without characters that need quoting.</summary>
    public static bool IsCommandName(string name) => CommandName.IsMatch(name);

    /// <summary>A PowerShell type literal (without brackets) for the CLR types command parameters use.</summary>
    public static string TypeLiteral(Type type)
    {
        if (type.IsArray) return TypeLiteral(type.GetElementType()!) + "[]";
        if (type == typeof(string)) return "string";
        if (type == typeof(int)) return "int";
        if (type == typeof(long)) return "long";
        if (type == typeof(double)) return "double";
        if (type == typeof(bool)) return "bool";
        if (type == typeof(DateTime)) return "datetime";
        if (type == typeof(object)) return "object";
        return type.FullName ?? throw new ArgumentException($"type {type} has no full name", nameof(type));
    }
}
