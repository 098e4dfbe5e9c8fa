using AwsCore.Credentials;

namespace AwsCore.Runtime;

/// <summary>Credentials given directly (-Credential, ClientOptions.Credentials).</summary>
internal sealed class StaticCredentialProvider : ICredentialProvider
{
    private readonly AwsCredentials _credentials;

    public StaticCredentialProvider(AwsCredentials credentials) => _credentials = credentials;

    public string Name => _credentials.Source;

    public Task<AwsCredentials?> ResolveAsync(CancellationToken cancellationToken = default) => Task.FromResult<AwsCredentials?>(_credentials);
}

/// <summary>No credentials: for nested calls the model marks unsigned (AssumeRoleWithWebIdentity, SSO GetRoleCredentials).</summary>
internal sealed class NoCredentialProvider : ICredentialProvider
{
    public static readonly NoCredentialProvider Instance = new();

    public string Name => "none";

    public Task<AwsCredentials?> ResolveAsync(CancellationToken cancellationToken = default) => Task.FromResult<AwsCredentials?>(null);
}
