namespace AwsCore.Jmes;

internal enum TokenType
{
    Eof,
    UnquotedIdentifier,
    QuotedIdentifier,
    Literal,
    RBracket,
    RParen,
    Comma,
    RBrace,
    Number,
    Current,
    Expref,
    Colon,
    Pipe,
    Or,
    And,
    Eq,
    Gt,
    Lt,
    Gte,
    Lte,
    Ne,
    Flatten,
    Star,
    Filter,
    Dot,
    Not,
    LBrace,
    LBracket,
    LParen,
}

/// <summary>One lexeme: its type, its column, and its value (identifier text, literal value, or number).</summary>
internal readonly struct Token
{
    public Token(TokenType type, int start, string text, object? value = null, int number = 0)
    {
        Type = type;
        Start = start;
        Text = text;
        Value = value;
        Number = number;
    }

    public TokenType Type { get; }
    public int Start { get; }
    /// <summary>The identifier name, or the source text for other tokens (used in messages).</summary>
    public string Text { get; }
    public object? Value { get; }
    public int Number { get; }

    /// <summary>How tightly the token binds as an infix operator (the Pratt parser's left binding power).</summary>
    public static int BindingPower(TokenType type) => type switch
    {
        TokenType.Pipe => 1,
        TokenType.Or => 2,
        TokenType.And => 3,
        TokenType.Eq or TokenType.Gt or TokenType.Lt or TokenType.Gte or TokenType.Lte or TokenType.Ne => 5,
        TokenType.Flatten => 9,
        TokenType.Star => 20,
        TokenType.Filter => 21,
        TokenType.Dot => 40,
        TokenType.Not => 45,
        TokenType.LBrace => 50,
        TokenType.LBracket => 55,
        TokenType.LParen => 60,
        _ => 0,
    };

    /// <summary>Tokens binding below this end a projection's right-hand side.</summary>
    public const int ProjectionStop = 10;
}
