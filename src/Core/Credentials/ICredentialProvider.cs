namespace AwsCore.Credentials;

/// <summary>One source of credentials (environment, a profile, a process, the instance metadata service ...).</summary>
public interface ICredentialProvider
{
    /// <summary>The source's name in botocore's terms ("env", "assume-role", "sso", "shared-credentials-file", "iam-role" ...).</summary>
    string Name { get; }

    /// <summary>
    /// Current credentials from this source, or null when the source is not configured (no variables set, no such
    /// profile keys). A source that is configured but fails throws <see cref="CredentialProviderException"/>.
    /// Temporary credentials are cached and refreshed inside the provider; call this before each request.
    /// </summary>
    Task<AwsCredentials?> ResolveAsync(CancellationToken cancellationToken = default);
}
