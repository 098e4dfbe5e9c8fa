using AwsCore.Credentials;

namespace AwsCore.Tests.Credentials;

public sealed class SimpleProviderTests
{
    [Fact]
    public async Task EnvironmentProviderReadsKeysTokenAndExpiry()
    {
        var env = new Dictionary<string, string>
        {
            ["AWS_ACCESS_KEY_ID"] = "AKIDENV",
            ["AWS_SECRET_ACCESS_KEY"] = "envsecret",
            ["AWS_SESSION_TOKEN"] = "envtoken",
            ["AWS_CREDENTIAL_EXPIRATION"] = "2099-01-02T03:04:05Z",
        };
        var creds = await new EnvironmentCredentialProvider(env).ResolveAsync();
        Assert.Equal(("AKIDENV", "envsecret", "envtoken", "env"), (creds!.AccessKeyId, creds.SecretAccessKey, creds.SessionToken, creds.Source));
        Assert.Equal(new DateTimeOffset(2099, 1, 2, 3, 4, 5, TimeSpan.Zero), creds.Expiration);
        env["AWS_SECURITY_TOKEN"] = "older-name-wins";
        Assert.Equal("older-name-wins", (await new EnvironmentCredentialProvider(env).ResolveAsync())!.SessionToken);
    }

    [Fact]
    public async Task EnvironmentProviderIsEmptyWithoutAKeyAndErrsOnAHalfPair()
    {
        Assert.Null(await new EnvironmentCredentialProvider(new Dictionary<string, string> { ["AWS_ACCESS_KEY_ID"] = "" }).ResolveAsync());
        var e = await Assert.ThrowsAsync<CredentialProviderException>(() => new EnvironmentCredentialProvider(new Dictionary<string, string> { ["AWS_ACCESS_KEY_ID"] = "AKID" }).ResolveAsync());
        Assert.Contains("AWS_SECRET_ACCESS_KEY", e.Message);
    }

    [Fact]
    public async Task SharedCredentialsAndConfigFileKeysComeFromTheirOwnFiles()
    {
        var options = CredentialTestSupport.Options(
            config: "[profile dev]\naws_access_key_id = AKIDCFG\naws_secret_access_key = cfgsecret\n",
            credentials: "[dev]\naws_access_key_id = AKIDCRED\naws_secret_access_key = credsecret\naws_session_token = credtoken\n[profile dev]\naws_access_key_id = NOTME\naws_secret_access_key = x\n");
        var fromCredentials = await ProfileKeysCredentialProvider.SharedCredentialsFile(options.Config, "dev").ResolveAsync();
        Assert.Equal(("AKIDCRED", "credtoken", "shared-credentials-file"), (fromCredentials!.AccessKeyId, fromCredentials.SessionToken, fromCredentials.Source));
        var fromConfig = await ProfileKeysCredentialProvider.ConfigFile(options.Config, "dev").ResolveAsync();
        Assert.Equal(("AKIDCFG", "config-file"), (fromConfig!.AccessKeyId, fromConfig.Source));
        Assert.Null(await ProfileKeysCredentialProvider.ConfigFile(options.Config, "other").ResolveAsync());
    }

    [Fact]
    public async Task HalfAKeyPairInAFileIsAnErrorThatNamesTheProfileNotTheKey()
    {
        var options = CredentialTestSupport.Options(credentials: "[default]\naws_access_key_id = AKIDHALF\n");
        var e = await Assert.ThrowsAsync<CredentialProviderException>(() => ProfileKeysCredentialProvider.SharedCredentialsFile(options.Config, "default").ResolveAsync());
        Assert.Contains("aws_secret_access_key", e.Message);
        Assert.Contains("/test/.aws/credentials line 2", e.Message);
    }
}
