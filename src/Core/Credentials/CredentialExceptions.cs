namespace AwsCore.Credentials;

/// <summary>A configured credential source failed: bad configuration, a failing process, an unreachable endpoint, a refused STS call.</summary>
public sealed class CredentialProviderException : Exception
{
    public CredentialProviderException(string provider, string message, Exception? inner = null)
        : base($"{provider}: {message}", inner) => Provider = provider;

    /// <summary>The failing source's name ("custom-process", "assume-role" ...).</summary>
    public string Provider { get; }
}

/// <summary>No source in the chain had credentials; the message lists every source tried.</summary>
public sealed class NoCredentialsException : Exception
{
    public NoCredentialsException(IReadOnlyList<string> sourcesTried)
        : base("Unable to locate credentials. Sources tried, in order: " + string.Join(", ", sourcesTried) +
               ". Configure credentials with 'aws configure', environment variables AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY, or -ProfileName.")
        => SourcesTried = sourcesTried;

    public IReadOnlyList<string> SourcesTried { get; }
}
