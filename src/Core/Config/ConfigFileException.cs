namespace AwsCore.Config;

/// <summary>A shared config or credentials file that cannot be read, or a setting in it that is invalid; names the file and line.</summary>
public sealed class ConfigFileException : Exception
{
    public ConfigFileException(string path, int line, string message, Exception? inner = null)
        : base(line > 0 ? $"{path} line {line}: {message}" : $"{path}: {message}", inner)
    {
        FilePath = path;
        Line = line;
    }

    /// <summary>The file at fault.</summary>
    public string FilePath { get; }

    /// <summary>The 1-based line at fault, or 0 when the fault is not on one line.</summary>
    public int Line { get; }
}
