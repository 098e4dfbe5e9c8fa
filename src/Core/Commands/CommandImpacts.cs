namespace AwsCore.Commands;

/// <summary>
/// Whether a command changes state, from its verb; for Invoke commands, whose verb says nothing, from the
/// operation's own leading word.
/// </summary>
internal static class CommandImpacts
{
    private static readonly HashSet<string> ReadingVerbs = new(StringComparer.Ordinal) { "Get", "Read", "Test" };

    // Leading words of operations that only read: Invoke-AwsDynamoDBQuery needs no -WhatIf.
    private static readonly HashSet<string> ReadingWords = new(StringComparer.Ordinal)
    {
        "Get", "List", "Describe", "Search", "Query", "Scan", "Select", "Check", "Validate", "Verify", "Detect",
        "Lookup", "Count", "Calculate", "Estimate", "Preview", "Simulate", "Retrieve", "Poll", "Head", "Filter",
        "Download", "BatchGet", "BatchDescribe", "BatchCheck", "BatchDetect",
    };

    // Leading words of operations that destroy: TerminateInstances prompts like Remove-*, and so does a Delete that
    // lost its Remove- name in a collision (S3 DeleteObjects).
    private static readonly HashSet<string> DestroyingWords = new(StringComparer.Ordinal)
    {
        "Terminate", "Purge", "Destroy", "Erase", "Wipe", "Delete", "BatchDelete",
    };

    public static CommandImpact Of(string verb, string operation)
    {
        if (ReadingVerbs.Contains(verb)) return CommandImpact.None;
        if (verb == "Remove") return CommandImpact.High;
        if (verb != "Invoke") return CommandImpact.Medium;
        var word = LeadingWords(operation);
        if (ReadingWords.Contains(word.First) || ReadingWords.Contains(word.FirstTwo)) return CommandImpact.None;
        if (DestroyingWords.Contains(word.First) || DestroyingWords.Contains(word.FirstTwo)) return CommandImpact.High;
        return CommandImpact.Medium;
    }

    private static (string First, string FirstTwo) LeadingWords(string operation)
    {
        var first = TakeWord(operation, 0);
        var second = TakeWord(operation, first.Length);
        return (first, first + second);
    }

    private static string TakeWord(string text, int start)
    {
        if (start >= text.Length || !char.IsUpper(text[start])) return "";
        var end = start + 1;
        while (end < text.Length && char.IsLower(text[end])) end++;
        return text.Substring(start, end - start);
    }
}
