using AwsCore.Models;

namespace AwsCore.Commands;

/// <summary>
/// Turns the top-level members of an operation's input into command parameters: names that never clash with the
/// common parameters, CLR types from the shapes, and pipeline binding for identifiers.
/// </summary>
internal static class ParameterPlanner
{
    /// <summary>
    /// Names every generated command already has: PowerShell's common parameters (and their aliases), -WhatIf and
    /// -Confirm, AwsCore's common parameters, and the paging parameters. A member of one of these names gets the
    /// prefix <see cref="ClashPrefix"/>.
    /// </summary>
    public static readonly IReadOnlyCollection<string> Reserved = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        "Verbose", "Debug", "ErrorAction", "WarningAction", "InformationAction", "ProgressAction", "ErrorVariable",
        "WarningVariable", "InformationVariable", "OutVariable", "OutBuffer", "PipelineVariable",
        "vb", "db", "ea", "wa", "infa", "proga", "ev", "wv", "iv", "ov", "ob", "pv",
        "WhatIf", "Confirm", "wi", "cf",
        "Region", "ProfileName", "EndpointUrl", "Credential", "Query",
        "MaxItems", "PageSize", "StartingToken", "NoPaginate",
    };

    public const string ClashPrefix = "Input";

    private static readonly string[] IdentifierSuffixes = { "Name", "Id", "ID", "Arn", "ARN", "Key", "Identifier" };
    private static readonly string[] IdentifierListSuffixes = { "Names", "Ids", "IDs", "Arns", "ARNs", "Keys", "Identifiers" };

    public static IReadOnlyList<CommandParameter> Parameters(IEnumerable<(string Member, Shape Shape, bool Required)> members)
    {
        var list = members.ToList();
        var taken = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var names = new List<string>();
        foreach (var (member, _, _) in list)
        {
            var name = ParameterName(member);
            if (Reserved.Contains(name)) name = ClashPrefix + name;
            while (!taken.Add(name)) name += "Member";
            names.Add(name);
        }

        var parameters = new List<CommandParameter>(list.Count);
        for (var i = 0; i < list.Count; i++)
        {
            var (member, shape, required) = list[i];
            var kind = KindOf(shape);
            var identifier = !shape.Sensitive && IsIdentifier(member, shape, kind);
            var aliases = new List<string>();
            if (identifier && kind == ParameterKind.List && IdentifierListSuffixes.Any(s => member.EndsWith(s, StringComparison.Ordinal)))
            {
                // InstanceIds binds from the InstanceId of each piped instance: Get-AwsEC2Instance | Stop-AwsEC2Instance.
                var singular = ParameterName(member.Substring(0, member.Length - 1));
                if (!Reserved.Contains(singular) && taken.Add(singular)) aliases.Add(singular);
            }
            parameters.Add(new CommandParameter(
                names[i], member, kind, ClrTypeOf(shape), required && !shape.IdempotencyToken,
                shape.Enum is { Count: > 0 } values ? values : null,
                identifier, aliases, shape.Sensitive));
        }
        return parameters;
    }

    private static string ParameterName(string member) =>
        member.Length == 0 || char.IsUpper(member[0]) ? member : char.ToUpperInvariant(member[0]) + member.Substring(1);

    // Identifiers bind from piped objects' properties: names ending in Name/Id/Arn/Key, URI path and host labels.
    private static bool IsIdentifier(string member, Shape shape, ParameterKind kind)
    {
        if (kind == ParameterKind.String)
            return shape.Location == "uri" || shape.HostLabel || IdentifierSuffixes.Any(s => member.EndsWith(s, StringComparison.Ordinal));
        return kind == ParameterKind.List && shape.ListMember.Type == ShapeType.String
            && IdentifierListSuffixes.Any(s => member.EndsWith(s, StringComparison.Ordinal));
    }

    public static ParameterKind KindOf(Shape shape) => shape.Type switch
    {
        ShapeType.String => ParameterKind.String,
        ShapeType.Integer => ParameterKind.Integer,
        ShapeType.Long => ParameterKind.Long,
        ShapeType.Float or ShapeType.Double => ParameterKind.Double,
        ShapeType.Boolean => ParameterKind.Boolean,
        ShapeType.Timestamp => ParameterKind.Timestamp,
        ShapeType.Blob => ParameterKind.Blob,
        ShapeType.List => ParameterKind.List,
        ShapeType.Map => ParameterKind.Map,
        ShapeType.Structure when shape.IsDocument => ParameterKind.Document,
        ShapeType.Structure => ParameterKind.Structure,
        _ => ParameterKind.Document,
    };

    public static Type ClrTypeOf(Shape shape) => shape.Type switch
    {
        ShapeType.String => typeof(string),
        ShapeType.Integer => typeof(int),
        ShapeType.Long => typeof(long),
        ShapeType.Float or ShapeType.Double => typeof(double),
        ShapeType.Boolean => typeof(bool),
        ShapeType.Timestamp => typeof(DateTime),
        // A list of lists is object[]: PowerShell binds jagged arrays poorly, and the converter takes any IEnumerable.
        ShapeType.List => ClrTypeOf(shape.ListMember) is { IsArray: false } element ? element.MakeArrayType() : typeof(object[]),
        _ => typeof(object),
    };
}
