using System.Globalization;
using System.Text;

namespace AwsCore.Jmes;

/// <summary>Splits an expression into tokens; any fault is a syntax error at the column where it starts.</summary>
internal sealed class Lexer
{
    private readonly string _text;
    private int _position;

    private Lexer(string text) => _text = text;

    public static List<Token> Tokenize(string expression)
    {
        if (expression.Length == 0) throw new JmesPathException(JmesPathErrorKind.Syntax, expression, 0, "the expression is empty");
        var lexer = new Lexer(expression);
        var tokens = new List<Token>();
        while (lexer.Next(out var token)) tokens.Add(token);
        tokens.Add(new Token(TokenType.Eof, expression.Length, "end of expression"));
        return tokens;
    }

    private JmesPathException Error(int column, string reason) =>
        new(JmesPathErrorKind.Syntax, _text, column, reason);

    private bool Next(out Token token)
    {
        while (_position < _text.Length && _text[_position] is ' ' or '\t' or '\n' or '\r') _position++;
        if (_position >= _text.Length) { token = default; return false; }
        var start = _position;
        var c = _text[_position];
        switch (c)
        {
            case '.': token = Simple(TokenType.Dot, 1); return true;
            case '*': token = Simple(TokenType.Star, 1); return true;
            case ']': token = Simple(TokenType.RBracket, 1); return true;
            case ',': token = Simple(TokenType.Comma, 1); return true;
            case ':': token = Simple(TokenType.Colon, 1); return true;
            case '@': token = Simple(TokenType.Current, 1); return true;
            case '(': token = Simple(TokenType.LParen, 1); return true;
            case ')': token = Simple(TokenType.RParen, 1); return true;
            case '{': token = Simple(TokenType.LBrace, 1); return true;
            case '}': token = Simple(TokenType.RBrace, 1); return true;
            case '[':
                token = Peek(1) switch
                {
                    ']' => Simple(TokenType.Flatten, 2),
                    '?' => Simple(TokenType.Filter, 2),
                    _ => Simple(TokenType.LBracket, 1),
                };
                return true;
            case '|': token = Peek(1) == '|' ? Simple(TokenType.Or, 2) : Simple(TokenType.Pipe, 1); return true;
            case '&': token = Peek(1) == '&' ? Simple(TokenType.And, 2) : Simple(TokenType.Expref, 1); return true;
            case '<': token = Peek(1) == '=' ? Simple(TokenType.Lte, 2) : Simple(TokenType.Lt, 1); return true;
            case '>': token = Peek(1) == '=' ? Simple(TokenType.Gte, 2) : Simple(TokenType.Gt, 1); return true;
            case '!': token = Peek(1) == '=' ? Simple(TokenType.Ne, 2) : Simple(TokenType.Not, 1); return true;
            case '=':
                if (Peek(1) != '=') throw Error(start, "'=' is not an operator (did you mean '=='?)");
                token = Simple(TokenType.Eq, 2);
                return true;
            case '\'': token = RawString(); return true;
            case '`': token = JsonLiteral(); return true;
            case '"': token = QuotedIdentifier(); return true;
        }
        if (c == '-' || IsDigit(c)) { token = NumberToken(); return true; }
        if (IsIdentifierStart(c))
        {
            while (_position < _text.Length && IsIdentifierPart(_text[_position])) _position++;
            var name = _text.Substring(start, _position - start);
            token = new Token(TokenType.UnquotedIdentifier, start, name);
            return true;
        }
        throw Error(start, $"unexpected character '{c}'");
    }

    private char Peek(int offset) => _position + offset < _text.Length ? _text[_position + offset] : '\0';

    private Token Simple(TokenType type, int length)
    {
        var token = new Token(type, _position, _text.Substring(_position, length));
        _position += length;
        return token;
    }

    private static bool IsDigit(char c) => c is >= '0' and <= '9';
    private static bool IsIdentifierStart(char c) => c is >= 'a' and <= 'z' or >= 'A' and <= 'Z' or '_';
    private static bool IsIdentifierPart(char c) => IsIdentifierStart(c) || IsDigit(c);

    private Token NumberToken()
    {
        var start = _position;
        if (_text[_position] == '-') _position++;
        while (_position < _text.Length && IsDigit(_text[_position])) _position++;
        var text = _text.Substring(start, _position - start);
        if (text == "-") throw Error(start, "'-' must be followed by digits");
        if (!int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number))
            throw Error(start, $"the number {text} is out of range");
        return new Token(TokenType.Number, start, text, number: number);
    }

    /// <summary>
    /// Reads up to the closing delimiter; a backslash keeps itself and the character after it (so an escaped
    /// delimiter does not close), leaving the unescaping to the caller, as each token kind escapes differently.
    /// </summary>
    private string UntilDelimiter(char delimiter, int start)
    {
        var builder = new StringBuilder();
        _position++;
        while (true)
        {
            if (_position >= _text.Length) throw Error(start, $"unclosed {delimiter} (no closing {delimiter} before the end)");
            var c = _text[_position];
            if (c == delimiter) break;
            if (c == '\\')
            {
                builder.Append('\\');
                _position++;
                if (_position >= _text.Length) throw Error(start, $"unclosed {delimiter} (no closing {delimiter} before the end)");
                c = _text[_position];
            }
            builder.Append(c);
            _position++;
        }
        _position++;
        return builder.ToString();
    }

    private Token RawString()
    {
        var start = _position;
        var value = UntilDelimiter('\'', start).Replace("\\'", "'");
        return new Token(TokenType.Literal, start, _text.Substring(start, _position - start), value);
    }

    private Token JsonLiteral()
    {
        var start = _position;
        var lexeme = UntilDelimiter('`', start).Replace("\\`", "`");
        if (!JmesJson.TryParse(lexeme, out var value))
        {
            // The deprecated form `foo` (a bare string in backticks) is still read as the string, as JMESPath implementations do.
            if (!JmesJson.TryParse("\"" + lexeme.TrimStart() + "\"", out value))
                throw Error(start, $"invalid JSON literal `{lexeme}`");
        }
        return new Token(TokenType.Literal, start, _text.Substring(start, _position - start), value);
    }

    private Token QuotedIdentifier()
    {
        var start = _position;
        var lexeme = UntilDelimiter('"', start);
        if (!JmesJson.TryParse("\"" + lexeme + "\"", out var value) || value is not string name)
            throw Error(start, $"invalid quoted identifier \"{lexeme}\" (not a valid JSON string)");
        return new Token(TokenType.QuotedIdentifier, start, name);
    }
}
