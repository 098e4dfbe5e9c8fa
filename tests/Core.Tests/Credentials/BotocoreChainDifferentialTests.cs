using System.Text.Json;
using AwsCore.Config;
using AwsCore.Credentials;
using AwsCore.Tests.Auth;

namespace AwsCore.Tests.Credentials;

/// <summary>
/// The same config file, credentials file and environment give AwsCore and botocore the same region, the same
/// credential source and the same access key. Role-based sources are deferred in botocore (no STS call until the key
/// is read), so for them the method is compared and AwsCore's fake STS proves which leaf keys signed the call.
/// </summary>
public sealed class BotocoreChainDifferentialTests
{
    private const string Leaf = "[profile leaf]\naws_access_key_id = AKIDLEAFSTATIC\naws_secret_access_key = leafsecret\n";

    public static IEnumerable<object?[]> Cases() => new[]
    {
        Case("static keys in the credentials file", "[default]\nregion = eu-west-1\n", "[default]\naws_access_key_id = AKIDDEFAULT\naws_secret_access_key = s\n", new()),
        Case("AWS_PROFILE picks a profile", "[profile dev]\nregion = ap-south-1\n", "[dev]\naws_access_key_id = AKIDDEV\naws_secret_access_key = s\n", new() { ["AWS_PROFILE"] = "dev" }),
        Case("environment keys beat AWS_PROFILE", "[profile dev]\nregion = ap-south-1\n", "[dev]\naws_access_key_id = AKIDDEV\naws_secret_access_key = s\n",
            new() { ["AWS_PROFILE"] = "dev", ["AWS_ACCESS_KEY_ID"] = "AKIDENV", ["AWS_SECRET_ACCESS_KEY"] = "e", ["AWS_SESSION_TOKEN"] = "t" }),
        Case("an explicit profile beats environment keys", "[profile dev]\nregion = ap-south-1\n", "[dev]\naws_access_key_id = AKIDDEV\naws_secret_access_key = s\n",
            new() { ["AWS_ACCESS_KEY_ID"] = "AKIDENV", ["AWS_SECRET_ACCESS_KEY"] = "e" }, explicitProfile: "dev"),
        Case("AWS_DEFAULT_PROFILE and AWS_PROFILE together", "[profile a]\nregion = us-west-1\n[profile b]\nregion = us-west-2\n",
            "[a]\naws_access_key_id = AKIDA\naws_secret_access_key = s\n[b]\naws_access_key_id = AKIDB\naws_secret_access_key = s\n", new() { ["AWS_DEFAULT_PROFILE"] = "a", ["AWS_PROFILE"] = "b" }),
        Case("AWS_DEFAULT_REGION overrides the profile", "[default]\nregion = eu-west-1\naws_access_key_id = AKIDCFG\naws_secret_access_key = s\n", null, new() { ["AWS_DEFAULT_REGION"] = "sa-east-1" }),
        Case("static keys in the config file only", "[profile cfg]\nregion = ca-central-1\naws_access_key_id = AKIDCONFIGFILE\naws_secret_access_key = s\n", null, new() { ["AWS_PROFILE"] = "cfg" }),
        Case("the credentials file beats the config file", "[profile both]\naws_access_key_id = AKIDCONFIG\naws_secret_access_key = s\n", "[both]\naws_access_key_id = AKIDCREDS\naws_secret_access_key = s\n", new() { ["AWS_PROFILE"] = "both" }),
        Case("credential_process", "[default]\nregion = us-east-2\ncredential_process = /bin/echo '{\"Version\": 1, \"AccessKeyId\": \"AKIDPROCESS\", \"SecretAccessKey\": \"p\"}'\n", null, new()),
        Case("credentials file keys beat credential_process", "[default]\ncredential_process = /bin/echo '{\"Version\": 1, \"AccessKeyId\": \"AKIDPROCESS\", \"SecretAccessKey\": \"p\"}'\n",
            "[default]\naws_access_key_id = AKIDFILEFIRST\naws_secret_access_key = s\n", new()),
        Case("credential_process beats config-file keys", "[default]\naws_access_key_id = AKIDCFGLAST\naws_secret_access_key = s\ncredential_process = /bin/echo '{\"Version\": 1, \"AccessKeyId\": \"AKIDPROC2\", \"SecretAccessKey\": \"p\"}'\n", null, new()),
        Case("assume role from a static source profile", Leaf + "[profile role]\nrole_arn = arn:aws:iam::123456789012:role/r\nsource_profile = leaf\nregion = us-west-2\n", null, new() { ["AWS_PROFILE"] = "role" }, leafKey: "AKIDLEAFSTATIC"),
        Case("assume role chain of two hops", Leaf + "[profile mid]\nrole_arn = arn:aws:iam::1:role/mid\nsource_profile = leaf\n[profile top]\nrole_arn = arn:aws:iam::2:role/top\nsource_profile = mid\n", null, new(), explicitProfile: "top", leafKey: "AKIDLEAFSTATIC"),
        Case("assume role beats static keys in the same profile", "[profile r]\nrole_arn = arn:aws:iam::1:role/r\nsource_profile = r\naws_access_key_id = AKIDSELFSRC\naws_secret_access_key = s\n", null, new() { ["AWS_PROFILE"] = "r" }, leafKey: "AKIDSELFSRC"),
        Case("environment beats an assume-role default profile", "[default]\nrole_arn = arn:aws:iam::1:role/r\nsource_profile = leaf\n" + Leaf, null, new() { ["AWS_ACCESS_KEY_ID"] = "AKIDENV2", ["AWS_SECRET_ACCESS_KEY"] = "e" }),
        Case("nothing configured", "[default]\nregion = eu-north-1\n", null, new()),
    };

    private static object?[] Case(string name, string? config, string? credentials, Dictionary<string, string> env, string? explicitProfile = null, string? leafKey = null) =>
        new object?[] { name, config, credentials, env, explicitProfile, leafKey };

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task SameRegionSourceAndKeyAsBotocore(string name, string? config, string? credentials, Dictionary<string, string> env, string? explicitProfile, string? leafKey)
    {
        var home = CredentialTestSupport.TempDir();
        Directory.CreateDirectory(Path.Combine(home, ".aws"));
        var environment = new Dictionary<string, string>(env)
        {
            ["HOME"] = home,
            ["AWS_CONFIG_FILE"] = Path.Combine(home, ".aws", "config"),
            ["AWS_SHARED_CREDENTIALS_FILE"] = Path.Combine(home, ".aws", "credentials"),
            ["AWS_EC2_METADATA_DISABLED"] = "true",
        };
        if (config != null) File.WriteAllText(environment["AWS_CONFIG_FILE"], config);
        if (credentials != null) File.WriteAllText(environment["AWS_SHARED_CREDENTIALS_FILE"], credentials);

        var expected = Botocore(environment, explicitProfile);

        var resolver = new ConfigResolver(environment, new Dictionary<string, string?> { ["profile"] = explicitProfile });
        var fake = new FakeServiceCall((_, _, _, ctx) => FakeServiceCall.StsCredentials("ASIA-FROM-" + ctx.Credentials!.AccessKeyId, DateTime.UtcNow.AddHours(1)));
        var chain = new DefaultCredentialChain(new CredentialProviderOptions(resolver) { ServiceCall = fake.Delegate });
        var creds = await chain.ResolveAsync();

        Assert.True(expected.Region == resolver.Get("region").Value, $"{name}: region botocore {expected.Region}, AwsCore {resolver.Get("region").Value}");
        Assert.True(expected.Method == creds?.Source, $"{name}: method botocore {expected.Method}, AwsCore {creds?.Source}");
        if (expected.AccessKey != null) Assert.Equal(expected.AccessKey, creds!.AccessKeyId);
        if (leafKey != null)
        {
            Assert.Equal(leafKey, fake.Calls[0].Context.Credentials!.AccessKeyId);
            Assert.StartsWith("ASIA-FROM-", creds!.AccessKeyId);
        }
    }

    private static (string? Region, string? Method, string? AccessKey) Botocore(Dictionary<string, string> environment, string? explicitProfile)
    {
        var script = $$"""
import json, botocore.session
s = botocore.session.Session(profile={{(explicitProfile is null ? "None" : JsonSerializer.Serialize(explicitProfile))}})
c = s.get_credentials()
deferred = c is not None and c.method.startswith('assume-role')
print(json.dumps({'region': s.get_config_variable('region'), 'method': c.method if c else None, 'access_key': None if c is None or deferred else c.access_key}))
""";
        using var doc = JsonDocument.Parse(PythonOracle.Run(script, environment));
        var root = doc.RootElement;
        string? S(string key) => root.GetProperty(key).ValueKind == JsonValueKind.Null ? null : root.GetProperty(key).GetString();
        return (S("region"), S("method"), S("access_key"));
    }
}
