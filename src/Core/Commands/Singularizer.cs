using System.Text.RegularExpressions;

namespace AwsCore.Commands;

/// <summary>
/// Makes the last word of a PascalCase noun singular (<c>DBClusters</c> -> <c>DBCluster</c>, <c>Policies</c> ->
/// <c>Policy</c>, <c>ACLs</c> -> <c>ACL</c>), keeping words that only look plural (<c>Status</c>, <c>Access</c>,
/// <c>Metadata</c>, <c>Nfs</c>). The word lists come from reading every operation name of the bundled models.
/// </summary>
internal static class Singularizer
{
    private static readonly Regex AcronymPlural = new("[A-Z]{2,}s$", RegexOptions.CultureInvariant);
    private static readonly Regex LastWord = new("[A-Z][a-z0-9]*$", RegexOptions.CultureInvariant);

    private static readonly Dictionary<string, string> Irregular = new(StringComparer.Ordinal)
    {
        ["Aliases"] = "Alias", ["Analyses"] = "Analysis", ["Atlases"] = "Atlas", ["Axes"] = "Axis", ["Biases"] = "Bias",
        ["Buses"] = "Bus", ["Caches"] = "Cache", ["Campuses"] = "Campus", ["Canvases"] = "Canvas", ["Children"] = "Child",
        ["Cookies"] = "Cookie", ["Ephemerides"] = "Ephemeris", ["Indices"] = "Index", ["Lenses"] = "Lens",
        ["Matrices"] = "Matrix", ["Movies"] = "Movie", ["People"] = "Person", ["Statuses"] = "Status",
        ["Vertices"] = "Vertex", ["Viruses"] = "Virus",
    };

    // Words ending in s that are already singular (or uncountable), beyond the -ss/-us/-sis/-xis endings.
    private static readonly HashSet<string> Invariant = new(StringComparer.Ordinal)
    {
        "Alias", "Analytics", "Atlas", "Bias", "Canvas", "Chaos", "Cors", "Dns", "Efs", "Ephemeris",
        "Gas", "Hdfs", "Https", "Ios", "Iris", "Kubernetes", "Lens", "Macos", "News", "Nfs",
        "Redis", "Series", "Species", "Tls", "Zfs",
    };

    // Plurals ending in -us, against the rule that -us words (Status, Bus, Radius) are singular.
    private static readonly HashSet<string> PluralInUs = new(StringComparer.Ordinal)
    {
        "Cpus", "Emus", "Gpus", "Menus", "Npus", "Skus", "Tpus", "Vcpus",
    };

    // Compound names whose last word keeps its s ("FSx for Windows File Server").
    private static readonly string[] ProperSuffixes = { "FsxWindows" };

    public static string Singular(string noun)
    {
        if (noun.Length == 0) return noun;
        foreach (var suffix in ProperSuffixes)
            if (noun.EndsWith(suffix, StringComparison.Ordinal)) return noun;
        if (AcronymPlural.IsMatch(noun)) return noun.Substring(0, noun.Length - 1);
        var match = LastWord.Match(noun);
        if (!match.Success) return noun;
        return noun.Substring(0, match.Index) + SingularWord(match.Value);
    }

    private static string SingularWord(string word)
    {
        if (Irregular.TryGetValue(word, out var singular)) return singular;
        if (word.Length <= 2 || Invariant.Contains(word) || !word.EndsWith("s", StringComparison.Ordinal)) return word;
        if (word.EndsWith("ss", StringComparison.Ordinal)) return word;
        if (word.EndsWith("us", StringComparison.Ordinal)) return PluralInUs.Contains(word) ? Drop(word, 1) : word;
        if (word.EndsWith("sis", StringComparison.Ordinal) || word.EndsWith("xis", StringComparison.Ordinal)) return word;
        if (word.EndsWith("ies", StringComparison.Ordinal) && word.Length > 4) return Drop(word, 3) + "y";
        if (EndsWithAny(word, "sses", "xes", "ches", "shes", "zzes")) return Drop(word, 2);
        return Drop(word, 1);
    }

    private static bool EndsWithAny(string word, params string[] endings) =>
        endings.Any(ending => word.EndsWith(ending, StringComparison.Ordinal));

    private static string Drop(string word, int count) => word.Substring(0, word.Length - count);
}
