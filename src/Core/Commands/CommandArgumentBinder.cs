using System.Collections;
using System.Globalization;

namespace AwsCore.Commands;

/// <summary>
/// Splits a generated command's bound parameters into the operation input (parameter name back to member name, as
/// the plan renamed it), the common parameters and the paging parameters. PowerShell's own common parameters
/// (-Verbose, -WhatIf, ...) are left to PowerShell.
/// </summary>
public static class CommandArgumentBinder
{
    private static readonly HashSet<string> PowerShellCommon = new(StringComparer.OrdinalIgnoreCase)
    {
        "Verbose", "Debug", "ErrorAction", "WarningAction", "InformationAction", "ProgressAction", "ErrorVariable",
        "WarningVariable", "InformationVariable", "OutVariable", "OutBuffer", "PipelineVariable", "WhatIf", "Confirm",
    };

    /// <summary>Binds <paramref name="bound"/> (a <c>$PSBoundParameters</c>: parameter name to value) for <paramref name="plan"/>.</summary>
    /// <exception cref="ArgumentException">A name that is none of the command's parameters, or a paging value of the wrong kind.</exception>
    public static BoundCommand Bind(CommandPlan plan, IDictionary bound)
    {
        if (plan is null) throw new ArgumentNullException(nameof(plan));
        var byName = plan.Parameters.ToDictionary(p => p.Name, StringComparer.OrdinalIgnoreCase);
        var input = new Dictionary<string, object?>(StringComparer.Ordinal);
        var common = new Dictionary<string, object?>(StringComparer.Ordinal);
        int? maxItems = null, pageSize = null;
        string? startingToken = null;
        var noPaginate = false;

        foreach (DictionaryEntry entry in bound)
        {
            var name = entry.Key as string ?? throw new ArgumentException($"{plan.Name.Name}: a bound parameter name is not a string");
            if (byName.TryGetValue(name, out var parameter))
            {
                input[parameter.MemberName] = entry.Value;
                continue;
            }
            var commonName = CommonArguments.Names.FirstOrDefault(n => string.Equals(n, name, StringComparison.OrdinalIgnoreCase));
            if (commonName is not null)
            {
                common[commonName] = entry.Value;
                continue;
            }
            if (plan.IsPaginated && CommonArguments.PagingNames.Contains(name, StringComparer.OrdinalIgnoreCase))
            {
                switch (name.ToLowerInvariant())
                {
                    case "maxitems": maxItems = Count(plan, name, entry.Value); break;
                    case "pagesize": pageSize = Count(plan, name, entry.Value); break;
                    case "startingtoken": startingToken = entry.Value?.ToString(); break;
                    default: noPaginate = IsSet(entry.Value); break;
                }
                continue;
            }
            if (PowerShellCommon.Contains(name)) continue;
            throw new ArgumentException($"{plan.Name.Name} has no parameter -{name}");
        }
        var paging = new PagingArguments { MaxItems = maxItems, PageSize = pageSize, StartingToken = startingToken, NoPaginate = noPaginate };
        return new BoundCommand(plan, input, common, paging);
    }

    private static int Count(CommandPlan plan, string name, object? value)
    {
        try
        {
            var count = Convert.ToInt32(value, CultureInfo.InvariantCulture);
            if (count > 0) return count;
        }
        catch (Exception e) when (e is FormatException or InvalidCastException or OverflowException)
        {
        }
        throw new ArgumentException($"{plan.Name.Name} -{name}: expected a positive integer, got '{value}'");
    }

    // The Module hands switches over as bool; a SwitchParameter (which Core cannot name) prints as "True"/"False".
    private static bool IsSet(object? value) => value switch
    {
        bool b => b,
        null => false,
        var other => string.Equals(other.ToString(), "True", StringComparison.OrdinalIgnoreCase),
    };
}
