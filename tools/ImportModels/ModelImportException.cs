namespace AwsCore.ImportModels;

/// <summary>An import failure; the message names the file (and, for bad JSON, the line and byte position).</summary>
internal sealed class ModelImportException : Exception
{
    public ModelImportException(string message, Exception? inner = null) : base(message, inner) { }
}
