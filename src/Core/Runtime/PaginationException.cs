namespace AwsCore.Runtime;

/// <summary>Pagination cannot go on: the service repeated a token, a starting token is malformed, or an option does not apply.</summary>
public sealed class PaginationException : Exception
{
    /// <summary>Creates the error with its message.</summary>
    public PaginationException(string message, Exception? inner = null) : base(message, inner) { }
}
