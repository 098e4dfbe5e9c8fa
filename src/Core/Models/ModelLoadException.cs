namespace AwsCore.Models;

/// <summary>A model file could not be found, read or understood; the message names the file (and JSON position).</summary>
public sealed class ModelLoadException : Exception
{
    public ModelLoadException(string message, Exception? inner = null) : base(message, inner) { }
}
