namespace AwsCore.Commands;

/// <summary>A PowerShell-side value does not fit the operation's input shape; <see cref="Path"/> names where.</summary>
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
