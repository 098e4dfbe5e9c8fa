using System.Text.Json;
using AwsCore.Models;

namespace AwsCore.Commands;

/// <summary>
/// The help text of a generated command. It is built from the model's structure (what the command calls, whether it
/// pages and changes state, each parameter's type, requirement and values), and adds AWS's own documentation wherever
/// a model that still has it is at hand: the loaded model itself when it came from a full botocore data directory, or
/// a documented copy of it (see <see cref="DocumentationSources"/>); the bundled models carry none.
/// </summary>
public sealed class CommandHelp
{
    private CommandHelp(string synopsis, string description, IReadOnlyDictionary<string, string> parameters, string? outputTypeName)
    {
        Synopsis = synopsis;
        Description = description;
        Parameters = parameters;
        OutputTypeName = outputTypeName;
    }

    /// <summary>One line: the documentation's first sentence, or what the command calls.</summary>
    public string Synopsis { get; }

    /// <summary>Plain text paragraphs separated by blank lines.</summary>
    public string Description { get; }

    /// <summary>Help per parameter name of the plan.</summary>
    public IReadOnlyDictionary<string, string> Parameters { get; }

    /// <summary>The type name of the objects the command writes (<c>AwsCore.S3.Object</c>), or null when it writes none.</summary>
    public string? OutputTypeName { get; }

    /// <summary>
    /// The help of <paramref name="plan"/>, a plan of <paramref name="model"/>. <paramref name="documented"/> is an
    /// optional copy of the same service with its documentation (from a full botocore data directory).
    /// </summary>
    public static CommandHelp For(CommandPlan plan, ServiceModel model, ServiceModel? documented = null)
    {
        if (plan is null) throw new ArgumentNullException(nameof(plan));
        if (model is null) throw new ArgumentNullException(nameof(model));
        var operation = model.GetOperation(plan.Operation);
        var docs = OperationDocumentation(operation) ?? (documented is not null && documented.HasOperation(plan.Operation)
            ? OperationDocumentation(documented.GetOperation(plan.Operation))
            : null);
        var documentedInput = documented is not null && documented.HasOperation(plan.Operation) ? documented.GetOperation(plan.Operation).Input : null;

        var paged = plan.IsPaginated ? PagedResult.For(model, plan.Operation) : null;
        var structural = $"Calls the {model.ServiceFullName} operation {plan.Operation}.";
        var description = new List<string>();
        if (docs is not null) description.Add(docs);
        description.Add(structural + " " + Behaviour(plan, paged));

        var parameters = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var parameter in plan.Parameters)
        {
            var member = operation.Input!.Members[parameter.MemberName];
            var memberDocs = MemberDocumentation(member)
                ?? (documentedInput is not null && documentedInput.Members.TryGetValue(parameter.MemberName, out var documentedMember)
                    ? MemberDocumentation(documentedMember)
                    : null);
            parameters[parameter.Name] = memberDocs is null ? ParameterFacts(parameter) : memberDocs + "\n\n" + ParameterFacts(parameter);
        }

        var outputShape = paged?.ItemShape ?? operation.Output;
        var outputType = outputShape is { Type: ShapeType.Structure } ? OutputShaper.TypeName(model, outputShape.Name) : null;
        return new CommandHelp(
            docs is null ? structural : DocumentationText.FirstSentence(docs),
            string.Join("\n\n", description),
            parameters,
            outputType);
    }

    private static string Behaviour(CommandPlan plan, PagedResult? paged)
    {
        var parts = new List<string>();
        if (paged is not null)
            parts.Add($"It reads every page and writes the items of {paged.PrimaryResultKey} one at a time as they arrive; -MaxItems, -PageSize, -StartingToken and -NoPaginate change that.");
        parts.Add(plan.Impact switch
        {
            CommandImpact.None => "It does not change anything.",
            CommandImpact.High => "It changes or destroys resources: it supports -WhatIf and asks for confirmation (ConfirmImpact High).",
            _ => "It changes state: it supports -WhatIf and -Confirm.",
        });
        if (plan.Name.Verb == "Invoke" && plan.Name.Noun.EndsWith(plan.Operation, StringComparison.Ordinal))
            parts.Add("It is named after the operation because no verb rule names it (see docs/naming.md).");
        return string.Join(" ", parts);
    }

    private static string ParameterFacts(CommandParameter parameter)
    {
        var facts = new List<string> { (parameter.Mandatory ? "Required. " : "Optional. ") + TypeText(parameter) + "." };
        if (parameter.EnumValues is { } values) facts.Add("Valid values: " + string.Join(", ", values) + ".");
        if (parameter.MemberName != parameter.Name) facts.Add($"Sets the input member {parameter.MemberName}.");
        if (parameter.ValueFromPipelineByPropertyName)
            facts.Add("Binds from the " + string.Join(" or ", parameter.Aliases.Prepend(parameter.Name)) + " property of piped objects.");
        if (parameter.Sensitive) facts.Add("Sensitive: never shown in verbose output or errors.");
        return string.Join(" ", facts);
    }

    private static string TypeText(CommandParameter parameter) => parameter.Kind switch
    {
        ParameterKind.Blob => "Bytes: a byte array, a string (sent as UTF-8) or a stream",
        ParameterKind.Structure => "A hashtable or object with the structure's members",
        ParameterKind.Map => "A hashtable",
        ParameterKind.Document => "Any value: hashtables, arrays, strings, numbers, booleans",
        ParameterKind.Timestamp => "A date and time (DateTime, DateTimeOffset, ISO 8601 text or epoch seconds)",
        _ => "Type " + parameter.ClrType.Name,
    };

    private static string? OperationDocumentation(OperationModel operation) =>
        operation.Definition.TryGetProperty("documentation", out var docs) && docs.ValueKind == JsonValueKind.String
            ? NonEmpty(DocumentationText.ToPlainText(docs.GetString()!))
            : null;

    private static string? MemberDocumentation(Shape member) =>
        member.TraitElement("documentation") is { ValueKind: JsonValueKind.String } docs
            ? NonEmpty(DocumentationText.ToPlainText(docs.GetString()!))
            : null;

    private static string? NonEmpty(string text) => text.Length == 0 ? null : text;
}
