using AwsCore.Models;

namespace AwsCore.Runtime;

/// <summary>
/// The input of one paginated run, converted once. Every page's input is the run's input with only the token and
/// page-size members set or removed, so the first page is converted whole (<see cref="ParameterConverter"/>'s botocore
/// reading) and each later page takes every other member from that converted tree and converts only those. The result
/// is what converting each page whole gives, member for member and in the same order. Pages share those member values:
/// the call's own steps only set top-level members, and a page that user handlers see is not converted here (see
/// OperationInvoker.Prepare). Thread-safe.
/// </summary>
internal sealed class PaginatedInput
{
    private readonly Shape? _inputShape;
    private readonly HashSet<string> _pageMembers;
    private volatile Dictionary<string, object?>? _first;

    public PaginatedInput(Shape? inputShape, PaginatorDefinition definition)
    {
        _inputShape = inputShape;
        _pageMembers = new HashSet<string>(definition.InputTokens, StringComparer.Ordinal);
        if (definition.LimitKey is { } limitKey) _pageMembers.Add(limitKey);
    }

    /// <summary>
    /// <paramref name="page"/> (the run's input with this page's tokens) converted, in a dictionary of its own: the call's
    /// customizations add members to it.
    /// </summary>
    public IDictionary<string, object?> ConvertPage(IDictionary<string, object?> page)
    {
        if (_first is not { } first)
        {
            var whole = ParameterConverter.ConvertInput(page, _inputShape);
            // Only a structure input can be taken apart by member; anything else is converted whole on every page.
            if (whole is not Dictionary<string, object?> converted) return (IDictionary<string, object?>)whole;
            _first = converted;
            return new Dictionary<string, object?>(converted, StringComparer.Ordinal);
        }

        var input = new Dictionary<string, object?>(page.Count, StringComparer.Ordinal);
        foreach (var entry in page)
        {
            if (entry.Value is null) continue;
            input[entry.Key] = !_pageMembers.Contains(entry.Key) && first.TryGetValue(entry.Key, out var converted)
                ? converted
                : ConvertMember(entry.Key, entry.Value);
        }
        return input;
    }

    private object? ConvertMember(string name, object value) =>
        _inputShape is not null && _inputShape.Members.TryGetValue(name, out var shape) ? ParameterConverter.Convert(value, shape) : value;
}
