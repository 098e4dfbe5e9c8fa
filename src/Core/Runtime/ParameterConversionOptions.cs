namespace AwsCore.Runtime;

/// <summary>
/// How <see cref="ParameterConverter"/> reads input. <see cref="Default"/> is botocore's reading: exact member names,
/// and a value that does not fit is left as it is for <see cref="ParameterValidator"/> to report.
/// <see cref="ForCommands"/> is what PowerShell commands use. Immutable; share one instance.
/// </summary>
public sealed class ParameterConversionOptions
{
    /// <summary>botocore's reading: every option off.</summary>
    public static ParameterConversionOptions Default { get; } = new();

    /// <summary>
    /// What PowerShell users pass: member names in any case, loose forms accepted, and the first value that does not
    /// fit is an error naming its path under "Parameter". <paramref name="unwrap"/> is the Module's PSObject flattening.
    /// </summary>
    public static ParameterConversionOptions ForCommands(Func<object, object?>? unwrap = null) => new()
    {
        IgnoreMemberNameCase = true,
        ThrowOnMismatch = true,
        AcceptLooseForms = true,
        Unwrap = unwrap,
    };

    /// <summary>
    /// A member name that matches no member exactly but exactly one case-insensitively takes the model's spelling
    /// (PowerShell hashtables are case-insensitive; botocore is not).
    /// </summary>
    public bool IgnoreMemberNameCase { get; init; }

    /// <summary>
    /// Throw a <see cref="ParameterConversionException"/> naming the path and the expected type at the first value that
    /// does not fit, instead of leaving it for the validator. Unknown or ambiguous member names, a member given twice,
    /// a null list item, and input for an operation that takes none are errors as well.
    /// </summary>
    public bool ThrowOnMismatch { get; init; }

    /// <summary>
    /// Accept the forms PowerShell users write that botocore would reject: a single value where a list is due (a
    /// one-item list), a whole float or decimal for an integer, a char or Guid for a string, an enum value that differs
    /// from a modeled one by case alone (corrected), an integral too large for a long in a document (as a double).
    /// </summary>
    public bool AcceptLooseForms { get; init; }

    /// <summary>Applied to every value, key and member value before it is looked at, so nested wrapped objects convert too.</summary>
    public Func<object, object?>? Unwrap { get; init; }

    /// <summary>What the root is called in error paths ("Parameter.Tags[0].Key").</summary>
    public string RootPath { get; init; } = "Parameter";
}
