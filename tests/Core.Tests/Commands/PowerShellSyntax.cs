using System.Text;

namespace AwsCore.Tests.Commands;

/// <summary>
/// A structural check of PowerShell source (no PowerShell on this machine to parse it): walks strings, comments and
/// here-strings as PowerShell's tokenizer does and reports unbalanced (), [], {} or an unterminated string/comment.
/// </summary>
internal static class PowerShellSyntax
{
    private static bool IsQuote(char c) => c is '\'' or '\u2018' or '\u2019' or '\u201A' or '\u201B';
    private static bool IsDoubleQuote(char c) => c is '"' or '\u201C' or '\u201D' or '\u201E';

    /// <summary>Null when balanced, else the first problem with its line.</summary>
    public static string? Check(string source)
    {
        var stack = new Stack<(char Close, int Line)>();
        var line = 1;
        var i = 0;
        while (i < source.Length)
        {
            var c = source[i];
            if (c == '\n') { line++; i++; continue; }
            if (c == '<' && Peek(source, i + 1) == '#')
            {
                var end = source.IndexOf("#>", i + 2, StringComparison.Ordinal);
                if (end < 0) return $"line {line}: unterminated block comment";
                line += Count(source, i, end, '\n');
                i = end + 2;
                continue;
            }
            if (c == '#') { while (i < source.Length && source[i] != '\n') i++; continue; }
            if (c == '`') { i += 2; continue; }
            if (IsQuote(c))
            {
                var start = line;
                i++;
                while (true)
                {
                    if (i >= source.Length) return $"line {start}: unterminated single-quoted string";
                    if (source[i] == '\n') line++;
                    if (IsQuote(source[i]))
                    {
                        if (i + 1 < source.Length && IsQuote(source[i + 1])) { i += 2; continue; }
                        i++;
                        break;
                    }
                    i++;
                }
                continue;
            }
            if (IsDoubleQuote(c))
            {
                var problem = SkipDoubleQuoted(source, ref i, ref line);
                if (problem != null) return problem;
                continue;
            }
            switch (c)
            {
                case '(': stack.Push((')', line)); break;
                case '[': stack.Push((']', line)); break;
                case '{': stack.Push(('}', line)); break;
                case ')' or ']' or '}':
                    if (stack.Count == 0) return $"line {line}: '{c}' closes nothing";
                    var open = stack.Pop();
                    if (open.Close != c) return $"line {line}: '{c}' where '{open.Close}' closes the bracket of line {open.Line}";
                    break;
            }
            i++;
        }
        return stack.Count == 0 ? null : $"line {stack.Peek().Line}: '{stack.Peek().Close}' missing";
    }

    private static string? SkipDoubleQuoted(string source, ref int i, ref int line)
    {
        var start = line;
        i++;
        while (true)
        {
            if (i >= source.Length) return $"line {start}: unterminated double-quoted string";
            var c = source[i];
            if (c == '\n') line++;
            if (c == '`') { i += 2; continue; }
            if (c == '$' && Peek(source, i + 1) == '(')
            {
                // A subexpression: code up to its matching ')', which may hold strings of its own.
                var depth = 0;
                i++;
                do
                {
                    if (i >= source.Length) return $"line {start}: unterminated $( ) in a string";
                    var d = source[i];
                    if (d == '(') depth++;
                    else if (d == ')') depth--;
                    else if (IsDoubleQuote(d)) { var p = SkipDoubleQuoted(source, ref i, ref line); if (p != null) return p; continue; }
                    i++;
                } while (depth > 0);
                continue;
            }
            if (IsDoubleQuote(c))
            {
                if (i + 1 < source.Length && IsDoubleQuote(source[i + 1])) { i += 2; continue; }
                i++;
                return null;
            }
            i++;
        }
    }

    private static char Peek(string s, int i) => i < s.Length ? s[i] : '\0';

    private static int Count(string s, int from, int to, char c)
    {
        var n = 0;
        for (var k = from; k < to; k++) if (s[k] == c) n++;
        return n;
    }
}
