using System.Text;
using AwsCore.Models;

namespace AwsCore.Commands;

/// <summary>
/// Writes the PowerShell source of a service's dynamic module: one advanced function per command plan, typed
/// parameters (Mandatory, ValidateSet for enums, ValueFromPipelineByPropertyName for identifiers), the common and paging
/// parameters, ShouldProcess for state-changing verbs, and a body that hands <c>$PSBoundParameters</c> to the
/// Module's binary core. Every name and literal is validated or quoted, so the text always parses.
/// </summary>
public static class ServiceModuleScript
{
    /// <summary>The script variable that holds the binary core command (a CmdletInfo the Module supplies).</summary>
    public const string CoreVariable = "AwsCoreCommand";

    /// <summary>The .NET expression the script evaluates to find the binary core command.</summary>
    public const string CoreCommandExpression = "[AwsCore.Module.CoreCommand]::Info";

    /// <summary>Windows PowerShell 5.1's default $MaximumFunctionCount.</summary>
    public const int DesktopFunctionLimit = 4096;

    /// <summary>The whole module script for <paramref name="plans"/> of <paramref name="model"/>.</summary>
    /// <exception cref="InvalidOperationException">A plan with a name PowerShell cannot take, or two parameters of one name.</exception>
    /// <param name="model">The service model the plans were made from.</param>
    /// <param name="plans">The commands to write.</param>
    /// <param name="documented">The same service with AWS's documentation (a full botocore data directory), for richer help; optional.</param>
    public static string Generate(ServiceModel model, IReadOnlyList<CommandPlan> plans, ServiceModel? documented = null)
    {
        var text = new StringBuilder(plans.Count * 1500);
        text.Append("# AwsCore commands for ").Append(SafeComment(model.ServiceFullName)).Append(" (").Append(model.ServiceName).Append(' ').Append(model.ApiVersion)
            .Append("), generated from the service model at import time.\n");
        // Windows PowerShell 5.1 caps functions per scope; the module scope must hold every command of large services.
        text.Append("if ($PSVersionTable.PSEdition -ne 'Core' -and $MaximumFunctionCount -lt ").Append(FunctionCountNeeded(plans.Count)).Append(") { $MaximumFunctionCount = ")
            .Append(FunctionCountNeeded(plans.Count)).Append(" }\n");
        text.Append("$script:").Append(CoreVariable).Append(" = ").Append(CoreCommandExpression).Append('\n');
        foreach (var plan in plans) AppendFunction(text, model, plan, documented);
        text.Append("\nExport-ModuleMember -Function @(");
        for (var i = 0; i < plans.Count; i++)
            text.Append(i == 0 ? "\n    " : ",\n    ").Append(PowerShellText.Quote(plans[i].Name.Name));
        text.Append("\n)\n");
        return text.ToString();
    }

    /// <summary>The $MaximumFunctionCount a scope needs to hold <paramref name="commands"/> commands beside the usual ones.</summary>
    public static int FunctionCountNeeded(int commands) => Math.Max(DesktopFunctionLimit, commands + DesktopFunctionLimit / 4);

    /// <summary>The source of one command's function.</summary>
    public static string Function(ServiceModel model, CommandPlan plan, ServiceModel? documented = null)
    {
        var text = new StringBuilder(1500);
        AppendFunction(text, model, plan, documented);
        return text.ToString();
    }

    private static void AppendFunction(StringBuilder text, ServiceModel model, CommandPlan plan, ServiceModel? documented)
    {
        var name = plan.Name.Name;
        if (!PowerShellText.IsCommandName(name))
            throw new InvalidOperationException($"{model.ServiceName}.{plan.Operation}: '{name}' is not a Verb-Noun command name");
        CheckParameterNames(model, plan);

        text.Append("\nfunction ").Append(name).Append(" {\n");
        AppendHelp(text, CommandHelp.For(plan, model, documented), plan);
        text.Append("    [CmdletBinding(PositionalBinding = $false");
        if (plan.SupportsShouldProcess)
            text.Append(", SupportsShouldProcess = $true, ConfirmImpact = '").Append(plan.Impact == CommandImpact.High ? "High" : "Medium").Append('\'');
        text.Append(")]\n");
        if (OutputTypeName(model, plan) is { } outputType)
            text.Append("    [OutputType(").Append(PowerShellText.Quote(outputType)).Append(")]\n");
        text.Append("    param(");
        var first = true;
        foreach (var parameter in plan.Parameters)
        {
            AppendSeparator(text, ref first);
            AppendParameter(text, parameter);
        }
        foreach (var common in CommonParameters(plan.IsPaginated))
        {
            AppendSeparator(text, ref first);
            text.Append(common);
        }
        text.Append("\n    )\n");
        text.Append("    process {\n");
        var call = $"& $script:{CoreVariable} -Service {PowerShellText.Quote(model.ServiceName)} -Operation {PowerShellText.Quote(plan.Operation)} -BoundParameters $PSBoundParameters";
        if (plan.SupportsShouldProcess)
        {
            var identifiers = plan.Parameters.Where(p => p.ValueFromPipelineByPropertyName && !p.Sensitive).Select(p => PowerShellText.Quote(p.Name)).ToArray();
            // Local names start with "__" so they never shadow a parameter variable (parameter names come from members).
            text.Append("        $__target = @(foreach ($__name in @(").Append(string.Join(", ", identifiers)).Append(")) { if ($PSBoundParameters.ContainsKey($__name)) { \"$__name=$($PSBoundParameters[$__name])\" } }) -join ', '\n");
            text.Append("        if (-not $__target) { $__target = ").Append(PowerShellText.Quote(model.ServiceName)).Append(" }\n");
            text.Append("        if ($PSCmdlet.ShouldProcess($__target, ").Append(PowerShellText.Quote(plan.Operation)).Append(")) {\n");
            text.Append("            ").Append(call).Append('\n');
            text.Append("        }\n");
        }
        else
        {
            text.Append("        ").Append(call).Append('\n');
        }
        text.Append("    }\n}\n");
    }

    private static readonly (string Name, string Help)[] CommonHelp =
    {
        ("Region", "The AWS region (us-east-1); by default AWS_DEFAULT_REGION, AWS_REGION, then the profile's region."),
        ("ProfileName", "The profile of the shared config and credentials files; by default AWS_PROFILE, then default."),
        ("EndpointUrl", "An endpoint URL replacing the one the endpoint rules give (moto, LocalStack, a VPC endpoint)."),
        ("Credential", "AwsCredentials, a PSCredential (user name = access key id, password = secret key) or a hashtable with AccessKeyId and SecretAccessKey."),
        ("Query", "A JMESPath expression evaluated over the output (over each page when paginating)."),
    };

    private static readonly (string Name, string Help)[] PagingHelp =
    {
        ("MaxItems", "Stop after this many items in total."),
        ("PageSize", "Items asked for per request."),
        ("StartingToken", "Continue a listing from the token a previous call left."),
        ("NoPaginate", "Make one call and write the whole page, continuation token included."),
    };

    /// <summary>Comment-based help from the plan's help text; every line indented and made inert for the help parser.</summary>
    private static void AppendHelp(StringBuilder text, CommandHelp help, CommandPlan plan)
    {
        text.Append("    <#\n    .SYNOPSIS\n");
        AppendHelpText(text, help.Synopsis);
        text.Append("    .DESCRIPTION\n");
        AppendHelpText(text, help.Description);
        foreach (var parameter in plan.Parameters)
        {
            text.Append("    .PARAMETER ").Append(parameter.Name).Append('\n');
            AppendHelpText(text, help.Parameters.TryGetValue(parameter.Name, out var h) ? h : parameter.ToString());
        }
        foreach (var (name, common) in plan.IsPaginated ? CommonHelp.Concat(PagingHelp) : CommonHelp)
        {
            text.Append("    .PARAMETER ").Append(name).Append('\n');
            AppendHelpText(text, common);
        }
        if (help.OutputTypeName is { } output)
            text.Append("    .OUTPUTS\n").Append("    ").Append(output).Append('\n');
        text.Append("    #>\n");
    }

    private static void AppendHelpText(StringBuilder text, string content)
    {
        foreach (var raw in content.Replace("\r\n", "\n").Split('\n'))
        {
            var line = SafeComment(raw).TrimEnd();
            // A line starting ".WORD" would read as a help keyword (".NET ..."); a second dot keeps it text.
            if (line.TrimStart().StartsWith(".", StringComparison.Ordinal)) line = "." + line.TrimStart();
            text.Append("    ").Append(line).Append('\n');
        }
    }

    private static void AppendSeparator(StringBuilder text, ref bool first)
    {
        text.Append(first ? "\n" : ",\n\n");
        first = false;
    }

    private static void AppendParameter(StringBuilder text, CommandParameter parameter)
    {
        var arguments = new List<string>();
        if (parameter.Mandatory) arguments.Add("Mandatory = $true");
        if (parameter.ValueFromPipelineByPropertyName) arguments.Add("ValueFromPipelineByPropertyName = $true");
        text.Append("        [Parameter(").Append(string.Join(", ", arguments)).Append(")]\n");
        if (parameter.Aliases.Count > 0)
            text.Append("        [Alias(").Append(string.Join(", ", parameter.Aliases.Select(PowerShellText.Quote))).Append(")]\n");
        if (parameter.EnumValues is { Count: > 0 } values)
            text.Append("        [ValidateSet(").Append(string.Join(", ", values.Distinct(StringComparer.Ordinal).Select(PowerShellText.Quote))).Append(", IgnoreCase = $true)]\n");
        text.Append("        [").Append(ParameterType(parameter)).Append("] $").Append(parameter.Name);
    }

    /// <summary>Optional booleans are switches (<c>-Flag</c>, <c>-Flag:$false</c>), as PowerShell users expect.</summary>
    private static string ParameterType(CommandParameter parameter) =>
        parameter.Kind == ParameterKind.Boolean && !parameter.Mandatory ? "switch" : PowerShellText.TypeLiteral(parameter.ClrType);

    private static IEnumerable<string> CommonParameters(bool paginated)
    {
        yield return "        [Parameter()]\n        [ValidateNotNullOrEmpty()]\n        [string] $Region";
        yield return "        [Parameter()]\n        [ValidateNotNullOrEmpty()]\n        [string] $ProfileName";
        yield return "        [Parameter()]\n        [ValidateNotNullOrEmpty()]\n        [string] $EndpointUrl";
        yield return "        [Parameter()]\n        [object] $Credential";
        yield return "        [Parameter()]\n        [ValidateNotNullOrEmpty()]\n        [string] $Query";
        if (!paginated) yield break;
        yield return "        [Parameter()]\n        [ValidateRange(1, 2147483647)]\n        [int] $MaxItems";
        yield return "        [Parameter()]\n        [ValidateRange(1, 2147483647)]\n        [int] $PageSize";
        yield return "        [Parameter()]\n        [ValidateNotNullOrEmpty()]\n        [string] $StartingToken";
        yield return "        [Parameter()]\n        [switch] $NoPaginate";
    }

    private static void CheckParameterNames(ServiceModel model, CommandPlan plan)
    {
        var taken = new HashSet<string>(CommonArguments.Names, StringComparer.OrdinalIgnoreCase) { "__target", "__name" };
        if (plan.IsPaginated) taken.UnionWith(CommonArguments.PagingNames);
        taken.UnionWith(PowerShellCommonParameters);
        if (plan.SupportsShouldProcess) taken.UnionWith(new[] { "WhatIf", "Confirm", "wi", "cf" });
        foreach (var parameter in plan.Parameters)
        {
            foreach (var name in new[] { parameter.Name }.Concat(parameter.Aliases))
            {
                if (!PowerShellText.IsSimpleName(name))
                    throw new InvalidOperationException($"{model.ServiceName}.{plan.Operation}: parameter name '{name}' (member {parameter.MemberName}) is not a valid PowerShell name");
                if (!taken.Add(name))
                    throw new InvalidOperationException($"{model.ServiceName}.{plan.Operation}: parameter name '{name}' (member {parameter.MemberName}) is used twice in {plan.Name.Name}");
            }
        }
    }

    /// <summary>PowerShell's common parameters of every advanced function, and their aliases.</summary>
    public static readonly IReadOnlyCollection<string> PowerShellCommonParameters = new[]
    {
        "Verbose", "Debug", "ErrorAction", "WarningAction", "InformationAction", "ProgressAction", "ErrorVariable",
        "WarningVariable", "InformationVariable", "OutVariable", "OutBuffer", "PipelineVariable",
        "vb", "db", "ea", "wa", "infa", "proga", "ev", "wv", "iv", "ov", "ob", "pv",
    };

    private static string? OutputTypeName(ServiceModel model, CommandPlan plan)
    {
        if (plan.IsPaginated && PagedResult.For(model, plan.Operation)?.ItemShape is { Type: ShapeType.Structure } item)
            return OutputShaper.TypeName(model, item.Name);
        return model.GetOperation(plan.Operation).Output is { Type: ShapeType.Structure } output ? OutputShaper.TypeName(model, output.Name) : null;
    }

    // Comment-based help ends at "#>"; documentation or a model from AWS_DATA_PATH could hold it.
    private static string SafeComment(string text) => text.Replace("#>", "# >").Replace("<#", "< #").Replace("\n", " ").Replace("\r", " ");
}
