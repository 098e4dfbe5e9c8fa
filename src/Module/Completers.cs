using System.Collections;
using System.Management.Automation;
using System.Management.Automation.Language;
using AwsCore.Models;

namespace AwsCore.Module;

/// <summary>Completes service names from the model search path.</summary>
public sealed class ServiceNameCompleter : IArgumentCompleter
{
    /// <summary>Services whose name starts with what was typed.</summary>
    public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete, CommandAst commandAst, IDictionary fakeBoundParameters) =>
        Completion.Matching(ModelLoader.Default.ListServices(), wordToComplete);
}

/// <summary>Completes the operation names of the service given to -Service.</summary>
public sealed class OperationNameCompleter : IArgumentCompleter
{
    /// <summary>Operations of the bound service whose name starts with what was typed; none while -Service is unknown.</summary>
    public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete, CommandAst commandAst, IDictionary fakeBoundParameters)
    {
        if (fakeBoundParameters["Service"] is not string service || service.Length == 0) return Array.Empty<CompletionResult>();
        try
        {
            return Completion.Matching(ModelLoader.Default.GetService(service).OperationNames, wordToComplete);
        }
        catch (ModelLoadException)
        {
            return Array.Empty<CompletionResult>();
        }
    }
}

internal static class Completion
{
    public static IEnumerable<CompletionResult> Matching(IEnumerable<string> candidates, string wordToComplete)
    {
        var typed = (wordToComplete ?? "").Trim('\'', '"');
        return candidates
            .Where(c => c.StartsWith(typed, StringComparison.OrdinalIgnoreCase))
            .OrderBy(c => c, StringComparer.OrdinalIgnoreCase)
            .Select(c => new CompletionResult(Quote(c), c, CompletionResultType.ParameterValue, c))
            .ToArray();
    }

    private static string Quote(string value) =>
        value.All(ch => char.IsLetterOrDigit(ch) || ch is '-' or '_' or '.') ? value : "'" + value.Replace("'", "''") + "'";
}
