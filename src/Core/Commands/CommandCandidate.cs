using System.Text.RegularExpressions;

namespace AwsCore.Commands;

/// <summary>
/// One operation's command while a service is being named: its verb, the noun's core, and the suffixes that
/// collision and version rules may add. The final noun is <c>Aws + prefix + core + ["List"] + [version]</c>.
/// </summary>
internal sealed class CommandCandidate
{
    private static readonly Regex VersionSuffix = new("^(?<base>.*[a-z0-9])V(?<n>[0-9]+)$", RegexOptions.CultureInvariant);
    private static readonly Regex FirstWord = new("^[A-Z][a-z]+", RegexOptions.CultureInvariant);

    // The object of "<Xs>For<Y>" is Y's X: ListTagsForResource -> ResourceTag, GetParametersForImport -> ImportParameter.
    private static readonly Regex ForObject = new("^(?<head>.*?[a-z0-9])For(?<tail>[A-Z].*)$", RegexOptions.CultureInvariant);

    // With Add/Remove, "<Xs>To<Y>" and "<Xs>From<Y>" name the same thing: AddRoleToDBCluster -> DBClusterRole.
    private static readonly Regex ToFromObject = new("^(?<head>.*?[a-z0-9])(?:To|From)(?<tail>[A-Z].*)$", RegexOptions.CultureInvariant);

    private static readonly Dictionary<string, string> VerbOfWord = new(StringComparer.Ordinal)
    {
        ["List"] = "Get", ["Describe"] = "Get", ["Get"] = "Get",
        ["Create"] = "New", ["Delete"] = "Remove", ["Put"] = "Write", ["Update"] = "Update",
        ["Start"] = "Start", ["Stop"] = "Stop", ["Enable"] = "Enable", ["Disable"] = "Disable", ["Reset"] = "Reset",
        ["Restore"] = "Restore", ["Send"] = "Send", ["Import"] = "Import", ["Export"] = "Export", ["Copy"] = "Copy",
        ["Test"] = "Test", ["Register"] = "Register", ["Unregister"] = "Unregister", ["Deregister"] = "Unregister",
        ["Add"] = "Add", ["Remove"] = "Remove", ["Invoke"] = "Invoke",
        ["Tag"] = "Add", ["Untag"] = "Remove",
    };

    private CommandCandidate(OperationFacts facts, string operationWord, string verb, string core, string? versionBase, int version)
    {
        Operation = facts.Name;
        IsPaginated = facts.IsPaginated;
        OperationWord = operationWord;
        Verb = verb;
        Core = core;
        VersionBase = versionBase;
        Version = version;
    }

    /// <summary>The operation name.</summary>
    public string Operation { get; }

    /// <summary>The operation's leading word (<c>List</c> of ListBuckets); empty when it has none.</summary>
    public string OperationWord { get; }

    public string Verb { get; private set; }

    public string Core { get; private set; }

    /// <summary>The operation name without its V&lt;n&gt; suffix, for ops named by the verb rules; null for a verbatim Invoke command.</summary>
    public string? VersionBase { get; }

    /// <summary>The operation's V&lt;n&gt; (1 when it has none).</summary>
    public int Version { get; }

    /// <summary>The V&lt;n&gt; the noun ends with; none for the newest of a versioned family.</summary>
    public string VersionTag { get; set; } = "";

    /// <summary>Whether the noun ends in List, beside a single-item Get/Describe of the same noun.</summary>
    public bool IsList { get; set; }

    /// <summary>Whether the command is <c>Invoke-Aws&lt;Svc&gt;&lt;Operation&gt;</c>: no verb rule applied, or it lost a collision.</summary>
    public bool IsVerbatim { get; private set; }

    public bool IsPaginated { get; }

    /// <summary>Whether the operation's noun was plural (DescribeInstances, GetApiKeys, ListTagsForResource).</summary>
    public bool IsPlural { get; private init; }

    /// <summary>Whether <paramref name="operation"/>'s leading word is <paramref name="word"/> (GetObject, not Getaway).</summary>
    public static bool StartsWithWord(string operation, string word) => FirstWord.Match(operation).Value == word;

    public string Noun(string servicePrefix) => "Aws" + servicePrefix + Core + (IsList ? "List" : "") + VersionTag;

    public static CommandCandidate Parse(OperationFacts operation)
    {
        var name = operation.Name;
        var word = FirstWord.Match(name).Value;
        var versioned = VersionSuffix.Match(name);
        var baseName = versioned.Success ? versioned.Groups["base"].Value : name;
        var version = versioned.Success ? int.Parse(versioned.Groups["n"].Value, System.Globalization.CultureInfo.InvariantCulture) : 1;
        var rest = baseName.Substring(word.Length);

        if (!VerbOfWord.TryGetValue(word, out var verb) || rest.Length == 0 || !char.IsUpper(rest[0]))
            return new CommandCandidate(operation, word, "Invoke", name, null, 1) { IsVerbatim = true };

        string core;
        var plural = false;
        if (word is "Tag" or "Untag")
            core = rest + "Tag";
        else if (ForObject.Match(rest) is { Success: true } forObject)
            core = forObject.Groups["tail"].Value + Singular(forObject.Groups["head"].Value, ref plural);
        else if (word is "Add" or "Remove" && ToFromObject.Match(rest) is { Success: true } toFrom)
            core = toFrom.Groups["tail"].Value + Singular(toFrom.Groups["head"].Value, ref plural);
        else
            core = Singular(rest, ref plural);

        if (word == "Get" && operation.ReturnsStream) verb = "Read";
        var candidate = new CommandCandidate(operation, word, verb, core, baseName, version) { IsPlural = plural };
        if (versioned.Success) candidate.VersionTag = "V" + version.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return candidate;
    }

    private static string Singular(string noun, ref bool wasPlural)
    {
        var singular = Singularizer.Singular(noun);
        wasPlural = !string.Equals(singular, noun, StringComparison.Ordinal);
        return singular;
    }

    /// <summary>Gives up the verb rules: the command becomes <c>Invoke-Aws&lt;Svc&gt;&lt;Operation&gt;</c>.</summary>
    public void FallBack()
    {
        if (IsVerbatim)
        {
            // Only an Invoke<X> operation beside an operation named X can collide here; keep the fallback telling.
            Core += "Operation";
            return;
        }
        Verb = "Invoke";
        Core = Operation;
        IsList = false;
        VersionTag = "";
        IsVerbatim = true;
    }
}
