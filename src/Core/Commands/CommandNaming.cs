using System.Text;
using AwsCore.Models;

namespace AwsCore.Commands;

/// <summary>
/// Names the PowerShell command of every operation of a service, <c>&lt;Verb&gt;-Aws&lt;Service&gt;&lt;Noun&gt;</c>, by the
/// rules of docs/naming.md. The names depend only on the service's own model, so a service keeps its names whatever
/// other services are installed, and a model update renames a command only where the rules say so.
/// </summary>
public static class CommandNaming
{
    /// <summary>
    /// The service part of command nouns: the serviceId's words with a capital first letter, without spaces or
    /// punctuation (<c>Auto Scaling</c> -> <c>AutoScaling</c>, <c>codestar notifications</c> -> <c>CodestarNotifications</c>).
    /// </summary>
    public static string ServicePrefix(string serviceId)
    {
        var prefix = new StringBuilder(serviceId.Length);
        var wordStart = true;
        foreach (var c in serviceId)
        {
            if (!char.IsLetterOrDigit(c) || c > 127)
            {
                wordStart = true;
                continue;
            }
            prefix.Append(wordStart ? char.ToUpperInvariant(c) : c);
            wordStart = false;
        }
        if (prefix.Length == 0) throw new ArgumentException($"serviceId '{serviceId}' has no letters or digits to name commands with", nameof(serviceId));
        return prefix.ToString();
    }

    /// <summary>The commands of every operation of <paramref name="service"/>, in the model's operation order.</summary>
    public static IReadOnlyList<CommandName> NameService(ServiceModel service)
    {
        // Only a Get can become a Read, so only Gets have their output resolved (resolving every output of EC2 costs
        // more than naming it).
        return NameService(service.ServiceId, service.OperationNames.Select(name => new OperationFacts(
            name,
            CommandCandidate.StartsWithWord(name, "Get") && service.GetOperation(name).StreamingOutput is not null,
            PagedResult.IsPaginated(service, name))));
    }

    /// <summary>The commands of <paramref name="operations"/> of the service <paramref name="serviceId"/>, in the given order.</summary>
    public static IReadOnlyList<CommandName> NameService(string serviceId, IEnumerable<OperationFacts> operations)
    {
        var prefix = ServicePrefix(serviceId);
        var candidates = operations.Select(CommandCandidate.Parse).ToList();
        TagVersions(candidates);
        ResolveCollisions(candidates, prefix);
        return candidates
            .Select(c => new CommandName(c.Operation, c.Verb, c.Noun(prefix), CommandImpacts.Of(c.Verb, c.Operation)))
            .ToList();
    }

    // Of ListObjects and ListObjectsV2 the newest takes the plain noun and the others say their version (V1 when unnumbered).
    private static void TagVersions(List<CommandCandidate> candidates)
    {
        foreach (var family in candidates.Where(c => c.VersionBase is not null).GroupBy(c => c.VersionBase, StringComparer.Ordinal))
        {
            if (family.Count() < 2) continue;
            var newest = family.Max(c => c.Version);
            foreach (var candidate in family)
                candidate.VersionTag = candidate.Version == newest
                    ? ""
                    : "V" + candidate.Version.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }
    }

    private static void ResolveCollisions(List<CommandCandidate> candidates, string prefix)
    {
        // Each round either marks list commands or moves losers to longer names, so it ends; the bound is a guard.
        for (var round = 0; round <= candidates.Count + 2; round++)
        {
            var collisions = candidates
                .GroupBy(c => c.Verb + "-" + c.Noun(prefix), StringComparer.OrdinalIgnoreCase)
                .Where(g => g.Count() > 1)
                .ToList();
            if (collisions.Count == 0) return;
            foreach (var collision in collisions)
            {
                if (MarkLists(collision.ToList())) continue;
                var winner = collision
                    .OrderBy(c => c.IsVerbatim)
                    .ThenBy(c => c.IsPlural)
                    .ThenBy(c => !c.IsPaginated)
                    .ThenBy(WordRank)
                    .ThenBy(c => c.Operation, StringComparer.Ordinal)
                    .First();
                foreach (var loser in collision.Where(c => !ReferenceEquals(c, winner)))
                    loser.FallBack();
            }
        }
        throw new InvalidOperationException("command names did not settle: " + string.Join(", ",
            candidates.GroupBy(c => c.Verb + "-" + c.Noun(prefix), StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1).Select(g => g.Key)));
    }

    // Lists beside single reads of the same noun end in List, as in "ListThings beside DescribeThing -> ThingList":
    // first List operations beside a Get or Describe (singular or plural: ECS ListClusters beside DescribeClusters),
    // then plural Gets and Describes beside a singular one (GetApiKeys beside GetApiKey).
    private static bool MarkLists(List<CommandCandidate> collision)
    {
        bool Open(CommandCandidate c) => c.Verb == "Get" && !c.IsList && !c.IsVerbatim;
        var listOperations = collision.Where(c => Open(c) && c.OperationWord == "List").ToList();
        if (listOperations.Count > 0 && collision.Any(c => Open(c) && c.OperationWord is "Get" or "Describe"))
            return Mark(listOperations);
        var pluralReads = collision.Where(c => Open(c) && c.IsPlural).ToList();
        if (pluralReads.Count > 0 && collision.Any(c => Open(c) && !c.IsPlural))
            return Mark(pluralReads);
        return false;

        static bool Mark(List<CommandCandidate> lists)
        {
            foreach (var list in lists) list.IsList = true;
            return true;
        }
    }

    // Who keeps a contested name, in order: a rule-named command over a verbatim one, a singular noun over a
    // plural one (DeleteObject over DeleteObjects), the paginated listing over other reads of many, then an
    // operation whose own word is the verb (Get, Remove, Add) over List, over the other renamed words, then the
    // ordinal operation name.
    private static int WordRank(CommandCandidate candidate) =>
        candidate.OperationWord == candidate.Verb ? 0
        : candidate.OperationWord == "List" ? 1
        : 2;
}
