namespace AwsCore.Runtime;

/// <summary>
/// A value given for an operation or a command does not fit where it goes (<see cref="ParameterConverter"/> with
/// <see cref="ParameterConversionOptions.ThrowOnMismatch"/>, or a command's -Credential); <see cref="Path"/> names where.
/// </summary>
public sealed class ParameterConversionException : ArgumentException
{
    /// <summary>Creates the exception; the message is prefixed with the path ("Parameter.Item.Key: ...").</summary>
    public ParameterConversionException(string path, string problem)
        : base(path + ": " + problem)
    {
        Path = path;
    }

    /// <summary>The parameter path of the offending value ("Parameter.Tags[2].Key").</summary>
    public string Path { get; }
}
