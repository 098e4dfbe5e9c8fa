namespace AwsCore.Jmes;

/// <summary>
/// Top-down operator precedence (Pratt) parser from tokens to compiled nodes. Projections take everything that
/// binds tighter than <see cref="Token.ProjectionStop"/> as their right-hand side, which is how
/// <c>a[*].b | c</c> projects <c>b</c> and not <c>c</c>.
/// </summary>
internal sealed class Parser
{
    private const int MaxDepth = 500;

    private readonly string _text;
    private readonly List<Token> _tokens;
    private int _index;
    private int _depth;

    private Parser(string text, List<Token> tokens)
    {
        _text = text;
        _tokens = tokens;
    }

    public static Node Parse(string expression)
    {
        var parser = new Parser(expression, Lexer.Tokenize(expression));
        var root = parser.Expression(0);
        if (parser.Current.Type != TokenType.Eof)
            throw parser.Error(parser.Current, $"unexpected {Describe(parser.Current)} after a complete expression");
        return root;
    }

    private Token Current => _tokens[Math.Min(_index, _tokens.Count - 1)];

    private TokenType Lookahead(int offset) => _tokens[Math.Min(_index + offset, _tokens.Count - 1)].Type;

    private JmesPathException Error(Token at, string reason) => new(JmesPathErrorKind.Syntax, _text, at.Start, reason);

    private static string Describe(Token token) => token.Type switch
    {
        TokenType.Eof => "end of expression",
        TokenType.UnquotedIdentifier or TokenType.QuotedIdentifier => $"identifier '{token.Text}'",
        _ => $"'{token.Text}'",
    };

    private Token Advance() => _tokens[_index++];

    private void Expect(TokenType type, string what)
    {
        if (Current.Type != type) throw Error(Current, $"expected {what} but found {Describe(Current)}");
        _index++;
    }

    private Node Expression(int bindingPower)
    {
        if (++_depth > MaxDepth) throw Error(Current, $"the expression nests more than {MaxDepth} levels deep");
        var left = Nud(Advance());
        while (bindingPower < Token.BindingPower(Current.Type)) left = Led(Advance(), left);
        _depth--;
        return left;
    }

    // Prefix position: what a token means at the start of an expression.
    private Node Nud(Token token)
    {
        switch (token.Type)
        {
            case TokenType.Literal: return new LiteralNode(token.Value);
            case TokenType.UnquotedIdentifier: return new FieldNode(token.Text);
            case TokenType.QuotedIdentifier:
                if (Current.Type == TokenType.LParen) throw Error(token, "a quoted identifier cannot name a function");
                return new FieldNode(token.Text);
            case TokenType.Star:
                var right = Current.Type == TokenType.RBracket ? CurrentNode.Instance : ProjectionRhs(Token.BindingPower(TokenType.Star));
                return new ValueProjectionNode(CurrentNode.Instance, right);
            case TokenType.Filter: return FilterProjection(CurrentNode.Instance);
            case TokenType.LBrace: return MultiSelectHash();
            case TokenType.LParen:
                var inner = Expression(0);
                Expect(TokenType.RParen, "')'");
                return inner;
            case TokenType.Flatten:
                return new FlattenProjectionNode(CurrentNode.Instance, ProjectionRhs(Token.BindingPower(TokenType.Flatten)));
            case TokenType.Not: return new NotNode(Expression(Token.BindingPower(TokenType.Not)));
            case TokenType.LBracket:
                if (Current.Type is TokenType.Number or TokenType.Colon)
                    return ProjectIfSlice(CurrentNode.Instance, IndexOrSlice());
                if (Current.Type == TokenType.Star && Lookahead(1) == TokenType.RBracket)
                {
                    _index += 2;
                    return new ProjectionNode(CurrentNode.Instance, ProjectionRhs(Token.BindingPower(TokenType.Star)));
                }
                return MultiSelectList();
            case TokenType.Current: return CurrentNode.Instance;
            case TokenType.Expref: return new ExprefNode(Expression(Token.BindingPower(TokenType.Expref)));
            case TokenType.Eof: throw Error(token, "the expression ends where a value was expected");
            default: throw Error(token, $"unexpected {Describe(token)} where a value was expected");
        }
    }

    // Infix position: what a token means after a complete left-hand expression.
    private Node Led(Token token, Node left)
    {
        switch (token.Type)
        {
            case TokenType.Dot:
                if (Current.Type == TokenType.Star)
                {
                    _index++;
                    return new ValueProjectionNode(left, ProjectionRhs(Token.BindingPower(TokenType.Dot)));
                }
                return Chain(ChainKind.Subexpression, left, DotRhs(Token.BindingPower(TokenType.Dot)));
            case TokenType.Pipe: return Chain(ChainKind.Pipe, left, Expression(Token.BindingPower(TokenType.Pipe)));
            case TokenType.Or: return new OrNode(left, Expression(Token.BindingPower(TokenType.Or)));
            case TokenType.And: return new AndNode(left, Expression(Token.BindingPower(TokenType.And)));
            case TokenType.LParen: return FunctionCall(token, left);
            case TokenType.Filter: return FilterProjection(left);
            case TokenType.Eq: return Compare(Comparison.Equal, left, token);
            case TokenType.Ne: return Compare(Comparison.NotEqual, left, token);
            case TokenType.Lt: return Compare(Comparison.Less, left, token);
            case TokenType.Lte: return Compare(Comparison.LessOrEqual, left, token);
            case TokenType.Gt: return Compare(Comparison.Greater, left, token);
            case TokenType.Gte: return Compare(Comparison.GreaterOrEqual, left, token);
            case TokenType.Flatten:
                return new FlattenProjectionNode(left, ProjectionRhs(Token.BindingPower(TokenType.Flatten)));
            case TokenType.LBracket:
                if (Current.Type is TokenType.Number or TokenType.Colon)
                {
                    var step = IndexOrSlice();
                    // botocore's jmespath keeps extending an index chain, so a slice after an index does not project.
                    return left is ChainNode { Kind: ChainKind.Index } chain ? chain.Append(step) : ProjectIfSlice(left, step);
                }
                Expect(TokenType.Star, "a number, ':' or '*' after '['");
                Expect(TokenType.RBracket, "']'");
                return new ProjectionNode(left, ProjectionRhs(Token.BindingPower(TokenType.Star)));
            default:
                throw Error(token, $"unexpected {Describe(token)} after a complete expression");
        }
    }

    private static Node Chain(ChainKind kind, Node left, Node right)
    {
        if (left is ChainNode chain && chain.Kind == kind) return chain.Append(right);
        return new ChainNode(kind, new[] { left, right });
    }

    private Node Compare(Comparison comparison, Node left, Token token) =>
        new ComparatorNode(comparison, left, Expression(Token.BindingPower(token.Type)));

    private Node FunctionCall(Token lparen, Node left)
    {
        if (left is not FieldNode field)
            throw Error(lparen, "only a plain name can be called as a function");
        var nameColumn = _tokens[_index - 2].Start;
        var args = new List<Node>();
        if (Current.Type != TokenType.RParen)
        {
            while (true)
            {
                args.Add(Expression(0));
                if (Current.Type == TokenType.Comma) { _index++; continue; }
                if (Current.Type == TokenType.RParen) break;
                throw Error(Current, $"expected ',' or ')' in the arguments of {field.Name}() but found {Describe(Current)}");
            }
        }
        _index++;
        return new FunctionNode(field.Name, args.ToArray(), _text, nameColumn);
    }

    private Node FilterProjection(Node left)
    {
        var condition = Expression(0);
        Expect(TokenType.RBracket, "']' to close the filter");
        var right = Current.Type == TokenType.Flatten ? CurrentNode.Instance : ProjectionRhs(Token.BindingPower(TokenType.Filter));
        return new FilterProjectionNode(left, right, condition);
    }

    private Node ProjectIfSlice(Node left, Node step)
    {
        var chain = new ChainNode(ChainKind.Index, new[] { left, step });
        return step is SliceNode ? new ProjectionNode(chain, ProjectionRhs(Token.BindingPower(TokenType.Star))) : chain;
    }

    /// <summary>After '[' with a number or ':' next: <c>[n]</c> or <c>[start:stop:step]</c>.</summary>
    private Node IndexOrSlice()
    {
        if (Current.Type == TokenType.Colon || Lookahead(1) == TokenType.Colon) return Slice();
        var number = Advance();
        Expect(TokenType.RBracket, "']' after the index");
        return new IndexNode(number.Number);
    }

    private Node Slice()
    {
        var parts = new int?[3];
        var part = 0;
        var start = _tokens[_index - 1].Start;
        while (Current.Type != TokenType.RBracket)
        {
            if (Current.Type == TokenType.Colon)
            {
                if (++part == 3) throw Error(Current, "a slice has at most three parts [start:stop:step]");
                _index++;
            }
            else if (Current.Type == TokenType.Number && parts[part] is null)
            {
                parts[part] = Advance().Number;
            }
            else throw Error(Current, $"unexpected {Describe(Current)} in a slice");
        }
        _index++;
        return new SliceNode(parts[0], parts[1], parts[2], _text, start);
    }

    private Node MultiSelectList()
    {
        var items = new List<Node>();
        while (true)
        {
            items.Add(Expression(0));
            if (Current.Type == TokenType.RBracket) break;
            Expect(TokenType.Comma, "',' or ']' in a multi-select list");
        }
        _index++;
        return new MultiSelectListNode(items.ToArray());
    }

    private Node MultiSelectHash()
    {
        var pairs = new List<KeyValuePair<string, Node>>();
        while (true)
        {
            var key = Current;
            if (key.Type is not (TokenType.UnquotedIdentifier or TokenType.QuotedIdentifier))
                throw Error(key, $"expected a key name in a multi-select hash but found {Describe(key)}");
            _index++;
            Expect(TokenType.Colon, "':' after the key");
            pairs.Add(new KeyValuePair<string, Node>(key.Text, Expression(0)));
            if (Current.Type == TokenType.Comma) { _index++; continue; }
            Expect(TokenType.RBrace, "',' or '}' in a multi-select hash");
            break;
        }
        return new MultiSelectHashNode(pairs.ToArray());
    }

    /// <summary>What a projection applies to each element: nothing (identity) when a low-binding token follows.</summary>
    private Node ProjectionRhs(int bindingPower)
    {
        var type = Current.Type;
        if (Token.BindingPower(type) < Token.ProjectionStop) return CurrentNode.Instance;
        if (type is TokenType.LBracket or TokenType.Filter) return Expression(bindingPower);
        if (type == TokenType.Dot)
        {
            _index++;
            return DotRhs(bindingPower);
        }
        throw Error(Current, $"unexpected {Describe(Current)} after a projection");
    }

    /// <summary>After '.': an identifier, '*', a multi-select list or hash, or a function call.</summary>
    private Node DotRhs(int bindingPower)
    {
        switch (Current.Type)
        {
            case TokenType.UnquotedIdentifier or TokenType.QuotedIdentifier or TokenType.Star:
                return Expression(bindingPower);
            case TokenType.LBracket:
                _index++;
                return MultiSelectList();
            case TokenType.LBrace:
                _index++;
                return MultiSelectHash();
            default:
                throw Error(Current, $"expected an identifier, '*', '[' or '{{' after '.' but found {Describe(Current)}");
        }
    }
}
