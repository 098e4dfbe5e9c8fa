namespace AwsCore.Commands;

/// <summary>The model type behind a command parameter, which decides how the Module converts what the user gives.</summary>
public enum ParameterKind
{
    /// <summary>A string (an enum when <see cref="CommandParameter.EnumValues"/> is set).</summary>
    String,

    /// <summary>A 32-bit integer.</summary>
    Integer,

    /// <summary>A 64-bit integer.</summary>
    Long,

    /// <summary>A float or double.</summary>
    Double,

    /// <summary>A boolean.</summary>
    Boolean,

    /// <summary>A timestamp: DateTime, DateTimeOffset, ISO 8601 text or epoch seconds.</summary>
    Timestamp,

    /// <summary>Bytes: byte[], string (UTF-8) or, when streaming, a Stream.</summary>
    Blob,

    /// <summary>A structure or union: a hashtable or any object with the members as properties.</summary>
    Structure,

    /// <summary>A map: a hashtable.</summary>
    Map,

    /// <summary>A list; <see cref="CommandParameter.ClrType"/> is an array of the element type.</summary>
    List,

    /// <summary>A document: any value tree.</summary>
    Document,
}
