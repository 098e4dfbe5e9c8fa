using AwsCore.Commands;

namespace AwsCore.Tests.Commands;

/// <summary>What the tests' <see cref="OutputShaper"/> makes of an output structure, in place of the Module's PSObject.</summary>
internal sealed record Made(string? TypeName, IReadOnlyList<KeyValuePair<string, object?>> Properties)
{
    /// <summary>An <see cref="OutputShaper"/> that makes <see cref="Made"/> objects.</summary>
    public static OutputShaper Shaper { get; } = new((typeName, properties) => new Made(typeName, properties));

    public object? this[string name] => Properties.Single(p => p.Key == name).Value;
}
