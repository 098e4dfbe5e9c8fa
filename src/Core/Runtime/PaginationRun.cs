using AwsCore.Jmes;
using AwsCore.Models;

namespace AwsCore.Runtime;

/// <summary>
/// The state of one enumeration of a <see cref="PageIterator"/>, step for step as botocore's PageIterator.__iter__:
/// starting token and page size into the first request, the starting token's skip applied to the first page,
/// MaxItems cutting inside a page (with a resume token pointing into it), next tokens read from each page and
/// written into the next request, and a repeated token refused.
/// </summary>
internal sealed class PaginationRun
{
    private readonly PaginatorDefinition _definition;
    private readonly PaginationOptions _options;
    private readonly (Dictionary<string, object?> Tokens, int Skip)? _starting;
    private Dictionary<string, object?> _nextToken;
    private Dictionary<string, object?>? _previousNextToken;
    private long _totalItems;
    private int _pageItems;
    private bool _firstPage = true;
    private int _startingTruncation;

    public PaginationRun(PaginatorDefinition definition, PaginationOptions options)
    {
        _definition = definition;
        _options = options;
        _nextToken = definition.InputTokens.ToDictionary(name => name, _ => (object?)null, StringComparer.Ordinal);
        if (options.StartingToken is not null)
        {
            _starting = PaginationToken.ParseStarting(options.StartingToken, definition.InputTokens);
            _nextToken = new Dictionary<string, object?>(_starting.Value.Tokens, StringComparer.Ordinal);
        }
    }

    /// <summary>True once a page carried no next token (or more_results said no).</summary>
    public bool Finished { get; private set; }

    private JmesPathExpression? PrimaryResultKey => _definition.ResultKeys.Count > 0 ? _definition.ResultKeys[0] : null;

    public void PrepareFirstRequest(Dictionary<string, object?> request)
    {
        if (_starting is { } starting) InjectTokens(request, starting.Tokens);
        if (_options.PageSize is not null) request[_definition.LimitKey!] = _options.PageSize;
    }

    /// <summary>Adjusts a page just received (starting skip, MaxItems cut) before the consumer sees it.</summary>
    public PageStep Accept(ValueMap page)
    {
        ValueMap? nonAggregate = null;
        if (_firstPage)
        {
            if (_starting is { } starting) _startingTruncation = SkipAlreadyReturned(page, starting.Skip);
            _firstPage = false;
            nonAggregate = NonAggregateValues(page);
        }
        else _startingTruncation = 0;

        _pageItems = DottedPath.Length(PrimaryResultKey?.Search(page));
        if (_options.MaxItems is { } maxItems)
        {
            var excess = _totalItems + _pageItems - maxItems;
            if (excess > 0) return new PageStep(true, CutPage(page, (int)excess), nonAggregate);
        }
        return new PageStep(false, null, nonAggregate);
    }

    /// <summary>After the consumer has had a page: the next request's tokens, or the resume token when MaxItems is reached.</summary>
    public string? Advance(ValueMap page, Dictionary<string, object?> request)
    {
        _totalItems += _pageItems;
        _nextToken = NextTokens(page);
        if (_nextToken.Values.All(t => t is null))
        {
            Finished = true;
            return null;
        }
        if (_options.MaxItems is { } maxItems && _totalItems == maxItems) return EncodeResumeToken(_nextToken);
        if (_previousNextToken is not null && JmesValue.DeepEquals(_previousNextToken, _nextToken))
            throw new PaginationException($"The same next token was received twice from {_definition.OperationName}: {JmesJson.Serialize(_nextToken)}");
        InjectTokens(request, _nextToken);
        _previousNextToken = _nextToken;
        return null;
    }

    private static void InjectTokens(Dictionary<string, object?> request, Dictionary<string, object?> tokens)
    {
        foreach (var token in tokens)
        {
            // botocore also treats the text "None" (its older token form's null) as no token.
            if (token.Value is not null && !(token.Value is string s && s == "None")) request[token.Key] = token.Value;
            else request.Remove(token.Key);
        }
    }

    private Dictionary<string, object?> NextTokens(ValueMap page)
    {
        var tokens = new Dictionary<string, object?>(StringComparer.Ordinal);
        if (_definition.MoreResults is { } more && !PythonTruthy(more.Search(page))) return tokens;
        for (var i = 0; i < _definition.InputTokens.Count; i++)
        {
            var value = _definition.OutputTokens[i].Search(page);
            tokens[_definition.InputTokens[i]] = PythonTruthy(value) ? value : null;
        }
        return tokens;
    }

    /// <summary>Python truthiness, which botocore applies to tokens and more_results (0 and 0.0 are false too).</summary>
    private static bool PythonTruthy(object? value) =>
        JmesValue.IsTruthy(value) && !(JmesNumber.IsNumber(value) && JmesNumber.ToDouble(value!) == 0);

    private ValueMap NonAggregateValues(ValueMap page)
    {
        var values = new ValueMap();
        foreach (var key in _definition.NonAggregateKeys) DottedPath.Set(values, key.Text, key.Search(page));
        return values;
    }

    /// <summary>Drops the items a previous run already returned from the page a starting token points into.</summary>
    private int SkipAlreadyReturned(ValueMap page, int skip)
    {
        if (PrimaryResultKey is not { } primary) return skip;
        DottedPath.Set(page, primary.Text, Slice(primary.Search(page), skip, null));
        for (var i = 1; i < _definition.ResultKeys.Count; i++)
        {
            // Secondary results were returned whole with the earlier part of this page.
            var key = _definition.ResultKeys[i];
            var sample = key.Search(page);
            object? empty = sample switch
            {
                string => "",
                bool => null,
                _ when JmesNumber.IsNumber(sample) => sample,
                _ when JmesValue.TypeOf(sample) == JmesType.Array => new List<object?>(),
                _ => null,
            };
            DottedPath.Set(page, key.Text, empty);
        }
        return skip;
    }

    private string CutPage(ValueMap page, int excess)
    {
        var primary = PrimaryResultKey!;
        var keep = _pageItems - excess;
        DottedPath.Set(page, primary.Text, Slice(primary.Search(page) ?? new List<object?>(), 0, keep));
        var resume = new Dictionary<string, object?>(_nextToken, StringComparer.Ordinal)
        {
            [PaginationToken.TruncateAmountKey] = (long)(keep + _startingTruncation),
        };
        return EncodeResumeToken(resume);
    }

    private static object? Slice(object? value, int start, int? stop)
    {
        if (value is string text)
        {
            var from = Math.Min(start, text.Length);
            var to = Math.Min(stop ?? text.Length, text.Length);
            return to > from ? text.Substring(from, to - from) : "";
        }
        if (JmesValue.TypeOf(value) != JmesType.Array) return null;
        var list = JmesValue.AsList(value)!;
        var end = Math.Min(stop ?? list.Count, list.Count);
        var sliced = new List<object?>(Math.Max(0, end - start));
        for (var i = start; i < end; i++) sliced.Add(list[i]);
        return sliced;
    }

    private string EncodeResumeToken(Dictionary<string, object?> token)
    {
        var expected = _definition.InputTokens.ToList();
        if (token.ContainsKey(PaginationToken.TruncateAmountKey)) expected.Add(PaginationToken.TruncateAmountKey);
        if (!expected.OrderBy(k => k, StringComparer.Ordinal).SequenceEqual(token.Keys.OrderBy(k => k, StringComparer.Ordinal)))
            throw new PaginationException($"Bad starting token: {JmesJson.Serialize(token)} does not name exactly the input tokens {string.Join(", ", _definition.InputTokens)}");
        return PaginationToken.Encode(token);
    }
}

/// <summary>What became of a page: whether it is the last one, and what it set.</summary>
internal readonly record struct PageStep(bool Last, string? ResumeToken, ValueMap? NonAggregatePart);
