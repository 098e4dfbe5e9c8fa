using AwsCore.Credentials;

namespace AwsCore.Runtime;

/// <summary>Credentials given directly (-Credential, ClientOptions.Credentials).</summary>
internal sealed class StaticCredentialProvider : ICredentialProvider
{
    private readonly AwsCredentials _credentials;
    private readonly Task<AwsCredentials?> _resolved;

    public StaticCredentialProvider(AwsCredentials credentials)
    {
        _credentials = credentials;
        _resolved = Task.FromResult<AwsCredentials?>(credentials);
    }

    public string Name => _credentials.Source;

    public Task<AwsCredentials?> ResolveAsync(CancellationToken cancellationToken = default) => _resolved;
}

/// <summary>No credentials: for nested calls the model marks unsigned (AssumeRoleWithWebIdentity, SSO GetRoleCredentials).</summary>
internal sealed class NoCredentialProvider : ICredentialProvider
{
    public static readonly NoCredentialProvider Instance = new();

    public string Name => "none";

    private static readonly Task<AwsCredentials?> Nothing = Task.FromResult<AwsCredentials?>(null);

    public Task<AwsCredentials?> ResolveAsync(CancellationToken cancellationToken = default) => Nothing;
}
