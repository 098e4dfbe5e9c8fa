using System.Text;
using System.Text.RegularExpressions;

namespace AwsCore.Config;

/// <summary>
/// Python configparser's RawConfigParser dialect, as botocore reads ~/.aws/config and ~/.aws/credentials:
/// '#' and ';' full-line comments (no inline comments), '=' or ':' delimiters, lowercase keys, continuation lines
/// indented deeper than their key, duplicate sections or keys in one file rejected, [DEFAULT] inherited by every
/// section, and values that begin with a newline parsed as nested "key = value" settings.
/// </summary>
internal static class IniParser
{
    private static readonly Regex Section = new(@"^\[(?<header>.+)\]", RegexOptions.CultureInvariant);
    private static readonly Regex Option = new(@"^(?<option>.*?)\s*(?<vi>[=:])\s*(?<value>.*)$", RegexOptions.CultureInvariant | RegexOptions.Singleline);

    /// <summary>Reads and parses a file; bytes that are not UTF-8 are reported with their line.</summary>
    public static List<IniSection> ParseFile(string path)
    {
        var bytes = File.ReadAllBytes(path);
        return Parse(Decode(bytes, path), path);
    }

    internal static string Decode(byte[] bytes, string path)
    {
        try
        {
            // A byte-order mark is kept, as configparser keeps it: the first line then is not a section header.
            return new UTF8Encoding(false, true).GetString(bytes);
        }
        catch (DecoderFallbackException e)
        {
            var line = 1;
            for (var i = 0; i < bytes.Length && i < e.Index; i++) if (bytes[i] == (byte)'\n') line++;
            if (e.Index < 0) line = LineOfFirstInvalidByte(bytes);
            throw new ConfigFileException(path, line, "the file is not valid UTF-8 text", e);
        }
    }

    private static int LineOfFirstInvalidByte(byte[] bytes)
    {
        var strict = new UTF8Encoding(false, true);
        var line = 1;
        var lineStart = 0;
        for (var i = 0; i <= bytes.Length; i++)
        {
            if (i < bytes.Length && bytes[i] != (byte)'\n') continue;
            try { strict.GetString(bytes, lineStart, i - lineStart); }
            catch (DecoderFallbackException) { return line; }
            line++;
            lineStart = i + 1;
        }
        return 0;
    }

    public static List<IniSection> Parse(string text, string path)
    {
        var sections = new List<IniSection>();
        var byName = new Dictionary<string, IniSection>(StringComparer.Ordinal);
        IniSection? defaults = null;
        IniSection? current = null;
        var added = new HashSet<string>(StringComparer.Ordinal);
        string? optionName = null;
        List<string>? optionLines = null;
        var optionLine = 0;
        var indentLevel = 0;
        var pending = new List<(IniSection Section, string Key, List<string> Lines, int Line)>();
        var errors = new List<string>();

        var lines = text.Split('\n');
        for (var index = 0; index < lines.Length; index++)
        {
            var lineNumber = index + 1;
            var line = lines[index].TrimEnd('\r');
            var stripped = line.Trim();
            var isComment = stripped.StartsWith("#", StringComparison.Ordinal) || stripped.StartsWith(";", StringComparison.Ordinal);
            if (isComment || stripped.Length == 0)
            {
                // A blank line inside a value is kept (trimmed at the end); a comment line is dropped.
                if (!isComment && current != null && optionLines != null) optionLines.Add("");
                continue;
            }

            var indent = 0;
            while (indent < line.Length && char.IsWhiteSpace(line[indent])) indent++;
            if (current != null && optionLines != null && indent > indentLevel)
            {
                optionLines.Add(stripped);
                continue;
            }

            indentLevel = indent;
            var header = Section.Match(stripped);
            if (header.Success)
            {
                var name = header.Groups["header"].Value;
                if (name == "DEFAULT")
                {
                    current = defaults ??= new IniSection(name, path, lineNumber);
                }
                else if (byName.TryGetValue(name, out var existing))
                {
                    if (added.Contains("[" + name))
                        throw new ConfigFileException(path, lineNumber, $"section [{name}] appears twice in this file");
                    current = existing;
                }
                else
                {
                    current = new IniSection(name, path, lineNumber);
                    byName[name] = current;
                    sections.Add(current);
                }
                added.Add("[" + name);
                optionName = null;
                optionLines = null;
                continue;
            }
            if (current is null)
                throw new ConfigFileException(path, lineNumber, "a setting appears before any [section] header");

            var option = Option.Match(stripped);
            if (!option.Success || option.Groups["option"].Value.TrimEnd().Length == 0)
            {
                errors.Add($"line {lineNumber}: expected 'key = value' or a [section] header");
                optionLines = null;
                continue;
            }
            optionName = option.Groups["option"].Value.TrimEnd().ToLowerInvariant();
            if (!added.Add(current.Name + "\0" + optionName))
                throw new ConfigFileException(path, lineNumber, $"key '{optionName}' appears twice in section [{current.Name}]");
            optionLines = new List<string> { option.Groups["value"].Value.Trim() };
            optionLine = lineNumber;
            pending.Add((current, optionName, optionLines, optionLine));
        }
        if (errors.Count > 0)
            throw new ConfigFileException(path, FirstLine(errors[0]), "cannot be parsed: " + string.Join("; ", errors));

        foreach (var (section, key, valueLines, line) in pending)
        {
            var value = string.Join("\n", valueLines).TrimEnd();
            section.Values[key] = new IniValue(value, value.StartsWith("\n", StringComparison.Ordinal) ? ParseNested(value, path, line) : null, path, line);
        }
        if (defaults != null)
            foreach (var section in sections)
                foreach (var pair in defaults.Values)
                    if (!section.Values.ContainsKey(pair.Key)) section.Values[pair.Key] = pair.Value;
        return sections;
    }

    private static int FirstLine(string error)
    {
        var space = error.IndexOf(':');
        return int.TryParse(error.Substring(5, space - 5), out var n) ? n : 0;
    }

    /// <summary>The indented block under "s3 =": one "key = value" per line.</summary>
    private static Dictionary<string, string> ParseNested(string value, string path, int line)
    {
        var nested = new Dictionary<string, string>(StringComparer.Ordinal);
        var lines = value.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var text = lines[i].Trim();
            if (text.Length == 0) continue;
            var eq = text.IndexOf('=');
            if (eq < 0) throw new ConfigFileException(path, line + i, "a nested setting has no '=' (nested lines are 'key = value')");
            nested[text.Substring(0, eq).Trim()] = text.Substring(eq + 1).Trim();
        }
        return nested;
    }
}
