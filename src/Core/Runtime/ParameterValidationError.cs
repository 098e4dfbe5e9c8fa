namespace AwsCore.Runtime;

/// <summary>What is wrong with one parameter, in botocore's categories.</summary>
public enum ParameterErrorKind
{
    /// <summary>A required member of a structure is absent (or null).</summary>
    MissingRequired,

    /// <summary>A structure has a member its shape does not define.</summary>
    UnknownMember,

    /// <summary>The value is not of a kind the shape's type accepts.</summary>
    InvalidType,

    /// <summary>A number is below the shape's min, or outside what an integer or long can hold.</summary>
    InvalidRange,

    /// <summary>A string or list is shorter than the shape's min.</summary>
    InvalidLength,

    /// <summary>A value inside a document is not a document value (null, bool, number, string, list, map).</summary>
    InvalidDocumentType,

    /// <summary>A jsonvalue header member holds something that cannot be written as JSON.</summary>
    NotJsonSerializable,

    /// <summary>A tagged union has no member set.</summary>
    UnionEmpty,

    /// <summary>A tagged union has more than one member set.</summary>
    UnionMultiple,
}

/// <summary>
/// One client-side validation failure. <see cref="Path"/> is the parameter path as botocore writes it
/// ("Item.Key.S", "Items[2].Name", "Tags (key: 5)"), empty for the input itself.
/// Messages never quote string or blob values, so a sensitive parameter is not echoed.
/// </summary>
public sealed record ParameterValidationError(string Path, ParameterErrorKind Kind, string Message)
{
    public override string ToString() => Message;
}
