namespace AwsCore.Models;

/// <summary>"Did you mean" suggestions by edit distance, case-insensitive.</summary>
internal static class NameSuggestions
{
    public static IReadOnlyList<string> Closest(string wanted, IEnumerable<string> candidates, int max = 3)
    {
        var target = wanted.ToLowerInvariant();
        var limit = Math.Max(2, target.Length / 3);
        return candidates
            .Select(c => (Name: c, Distance: Distance(target, c.ToLowerInvariant())))
            .Where(c => c.Distance <= limit || c.Name.StartsWith(wanted, StringComparison.OrdinalIgnoreCase))
            .OrderBy(c => c.Distance).ThenBy(c => c.Name, StringComparer.Ordinal)
            .Take(max)
            .Select(c => c.Name)
            .ToArray();
    }

    /// <summary>Levenshtein distance.</summary>
    public static int Distance(string a, string b)
    {
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++) previous[j] = j;
        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }
            (previous, current) = (current, previous);
        }
        return previous[b.Length];
    }
}
