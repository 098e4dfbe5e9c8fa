using AwsCore.Config;
using AwsCore.Credentials;

namespace AwsCore.Tests.Credentials;

/// <summary>Builds provider options over in-memory config files and an explicit environment, with IMDS off unless a test turns it on.</summary>
internal static class CredentialTestSupport
{
    public static CredentialProviderOptions Options(string? config = null, string? credentials = null, Dictionary<string, string>? env = null,
        string? explicitProfile = null, AwsServiceCall? call = null, Func<DateTimeOffset>? clock = null, string? ssoCache = null,
        Func<string, CancellationToken, Task<string>>? mfa = null, Action<string>? stderr = null)
    {
        env ??= new Dictionary<string, string>();
        if (!env.ContainsKey("AWS_EC2_METADATA_DISABLED")) env["AWS_EC2_METADATA_DISABLED"] = "true";
        var files = SharedConfigFiles.Parse(config, credentials, "/test/.aws/config", "/test/.aws/credentials");
        var resolver = new ConfigResolver(env, new Dictionary<string, string?> { ["profile"] = explicitProfile }, files: files);
        return new CredentialProviderOptions(resolver)
        {
            ServiceCall = call,
            Clock = clock,
            SsoCacheDirectory = ssoCache,
            MfaPrompt = mfa,
            ProcessErrorOutput = stderr,
            Region = "us-east-1",
            ContainerRetryDelay = TimeSpan.FromMilliseconds(10),
        };
    }

    public static string TempDir()
    {
        var dir = Path.Combine(Path.GetTempPath(), "awscore-cred-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        return dir;
    }
}

/// <summary>A fake <see cref="AwsServiceCall"/>: answers from the test's function and records each call.</summary>
internal sealed class FakeServiceCall
{
    private readonly Func<string, string, Dictionary<string, object?>, AwsServiceCallContext, Dictionary<string, object?>> _answer;

    public FakeServiceCall(Func<string, string, Dictionary<string, object?>, AwsServiceCallContext, Dictionary<string, object?>> answer) => _answer = answer;

    public List<(string Service, string Operation, Dictionary<string, object?> Parameters, AwsServiceCallContext Context)> Calls { get; } = new();

    public AwsServiceCall Delegate => (service, operation, parameters, context, ct) =>
    {
        lock (Calls) Calls.Add((service, operation, parameters, context));
        return Task.FromResult(new AwsCore.Models.ValueMap(_answer(service, operation, parameters, context)));
    };

    /// <summary>An STS answer whose keys say which call made them.</summary>
    public static Dictionary<string, object?> StsCredentials(string accessKey, DateTime expiration) => new()
    {
        ["Credentials"] = new Dictionary<string, object?>
        {
            ["AccessKeyId"] = accessKey,
            ["SecretAccessKey"] = "secret-for-" + accessKey,
            ["SessionToken"] = "token-for-" + accessKey,
            ["Expiration"] = expiration,
        },
    };
}
