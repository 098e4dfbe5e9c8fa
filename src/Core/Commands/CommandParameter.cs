namespace AwsCore.Commands;

/// <summary>One parameter of a generated command: a top-level member of the operation's input.</summary>
public sealed class CommandParameter
{
    internal CommandParameter(string name, string memberName, ParameterKind kind, Type clrType, bool mandatory,
        IReadOnlyList<string>? enumValues, bool fromPipelineByPropertyName, IReadOnlyList<string> aliases, bool sensitive)
    {
        Name = name;
        MemberName = memberName;
        Kind = kind;
        ClrType = clrType;
        Mandatory = mandatory;
        EnumValues = enumValues;
        ValueFromPipelineByPropertyName = fromPipelineByPropertyName;
        Aliases = aliases;
        Sensitive = sensitive;
    }

    /// <summary>The PowerShell parameter name (the member name with a capital first letter, or renamed; see docs/naming.md).</summary>
    public string Name { get; }

    /// <summary>The input member the value goes to, as the model spells it.</summary>
    public string MemberName { get; }

    /// <summary>The model type of the member.</summary>
    public ParameterKind Kind { get; }

    /// <summary>
    /// The parameter's type: string, int, long, double, bool, DateTime; object for blobs, structures, maps and
    /// documents (the Module converts hashtables, objects, strings and streams); an array of the element type for lists.
    /// </summary>
    public Type ClrType { get; }

    /// <summary>Whether the input shape requires the member.</summary>
    public bool Mandatory { get; }

    /// <summary>The enum values the model allows (for completion and validation), or null.</summary>
    public IReadOnlyList<string>? EnumValues { get; }

    /// <summary>Whether the parameter binds from the property of that name (or alias) of a piped object.</summary>
    public bool ValueFromPipelineByPropertyName { get; }

    /// <summary>Other names the parameter answers to: the singular of an identifier list (InstanceIds -> InstanceId).</summary>
    public IReadOnlyList<string> Aliases { get; }

    /// <summary>Whether the model marks the member sensitive: its value is never shown in verbose output or errors.</summary>
    public bool Sensitive { get; }

    public override string ToString() => $"-{Name} <{ClrType.Name}>{(Mandatory ? " (mandatory)" : "")}";
}
