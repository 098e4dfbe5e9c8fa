using System.Collections;
using AwsCore.Commands;
using AwsCore.Config;
using AwsCore.Credentials;
using AwsCore.Runtime;
using AwsCore.Tests.Support;

namespace AwsCore.Tests.Commands;

public sealed class SettingsReportTests : IDisposable
{
    private const string Secret = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY";
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    private ConfigResolver Resolver(CommonArguments args, Dictionary<string, string>? env = null, string config = "", string credentials = "")
    {
        var environment = new Dictionary<string, string>(env ?? new Dictionary<string, string>(), StringComparer.Ordinal)
        {
            ["AWS_CONFIG_FILE"] = _dir.Write("config", config),
            ["AWS_SHARED_CREDENTIALS_FILE"] = _dir.Write("credentials", credentials),
        };
        return new ConfigResolver(environment, args.ExplicitSettings());
    }

    private static SettingEntry Find(IReadOnlyList<SettingEntry> entries, string setting) => entries.Single(e => e.Setting == setting);

    [Fact]
    public void ExplicitParametersAreNamedAsParameters()
    {
        var args = new CommonArguments { Region = "eu-west-1", EndpointUrl = "http://127.0.0.1:5000", Credential = new AwsCredentials("AKIAIOSFODNN7EXAMPLE", Secret, "token-secret") };
        var report = SettingsReport.Describe(args, Resolver(args, new() { ["AWS_REGION"] = "us-east-2" }), CommandTestModels.Service("s3"));
        Assert.Equal("Region: eu-west-1 from -Region", Find(report, "Region").ToString());
        Assert.Equal("EndpointUrl: http://127.0.0.1:5000 from -EndpointUrl", Find(report, "EndpointUrl").ToString());
        Assert.Equal("Credentials: ****************MPLE from -Credential", Find(report, "Credentials").ToString());
        Assert.DoesNotContain(report, e => e.ToString().Contains(Secret) || e.ToString().Contains("token-secret") || e.ToString().Contains("AKIAIOSFODNN7EXAMPLE"));
    }

    [Fact]
    public void EnvironmentAndProfileSourcesAreNamed()
    {
        var args = new CommonArguments();
        var report = SettingsReport.Describe(args, Resolver(args, new() { ["AWS_DEFAULT_REGION"] = "ap-south-1", ["AWS_ACCESS_KEY_ID"] = "AKIAENVKEY0001", ["AWS_SECRET_ACCESS_KEY"] = Secret }),
            CommandTestModels.Service("dynamodb"));
        Assert.Equal("Region: ap-south-1 from environment variable AWS_DEFAULT_REGION", Find(report, "Region").ToString());
        Assert.Equal("Profile: default from no profile asked for (AWS_PROFILE, AWS_DEFAULT_PROFILE)", Find(report, "Profile").ToString());
        Assert.Equal("Credentials: **********0001 from environment variables AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY", Find(report, "Credentials").ToString());
        Assert.StartsWith("EndpointUrl: (not set) from the dynamodb endpoint rules", Find(report, "EndpointUrl").ToString());
    }

    [Fact]
    public void AnExplicitProfileSkipsEnvironmentCredentials()
    {
        var args = new CommonArguments { ProfileName = "dev" };
        var resolver = Resolver(args, new() { ["AWS_ACCESS_KEY_ID"] = "AKIAENVKEY0001", ["AWS_SECRET_ACCESS_KEY"] = Secret },
            config: "[profile dev]\nregion = us-west-2\n", credentials: "[dev]\naws_access_key_id = AKIAFILEKEY0002\naws_secret_access_key = " + Secret + "\n");
        var report = SettingsReport.Describe(args, resolver);
        Assert.Equal("Profile: dev from -ProfileName", Find(report, "Profile").ToString());
        Assert.Matches(@"^Region: us-west-2 from profile dev in .*config line 2$", Find(report, "Region").ToString());
        Assert.Matches(@"^Credentials: \*+0002 from profile dev in .*credentials line 2$", Find(report, "Credentials").ToString());
        Assert.DoesNotContain(report, e => e.ToString().Contains(Secret));
    }

    [Fact]
    public void RoleAndMissingProfilesAreDescribed()
    {
        var args = new CommonArguments { ProfileName = "admin" };
        var report = SettingsReport.Describe(args, Resolver(args, config: "[profile admin]\nrole_arn = arn:aws:iam::123456789012:role/Admin\nsource_profile = default\n"));
        Assert.StartsWith("Credentials: (not set) from assume role arn:aws:iam::123456789012:role/Admin (profile admin in", Find(report, "Credentials").ToString());

        var missing = new CommonArguments { ProfileName = "nope" };
        Assert.Contains("nope", Find(SettingsReport.Describe(missing, Resolver(missing)), "Credentials").Source);
    }

    [Fact]
    public void CredentialArgumentsAcceptHashtablesAndNameTheMissingKey()
    {
        var converted = CredentialArgument.Convert(new Hashtable { ["accesskeyid"] = "AKIA1", ["SecretAccessKey"] = Secret, ["SessionToken"] = "t" })!;
        Assert.Equal("AKIA1", converted.AccessKeyId);
        Assert.Equal("t", converted.SessionToken);
        Assert.Null(CredentialArgument.Convert(null));
        var given = new AwsCredentials("AKIA2", Secret);
        Assert.Same(given, CredentialArgument.Convert(given));

        var missing = Assert.Throws<ParameterConversionException>(() => CredentialArgument.Convert(new Hashtable { ["AccessKeyId"] = "AKIA1" }));
        Assert.Equal("Credential.SecretAccessKey: is required", missing.Message);
        var unknown = Assert.Throws<ParameterConversionException>(() => CredentialArgument.Convert(new Hashtable { ["AccessKeyId"] = "AKIA1", ["Secret"] = Secret }));
        Assert.Equal("Credential.Secret", unknown.Path);
        Assert.DoesNotContain(Secret, unknown.Message);
        Assert.Throws<ParameterConversionException>(() => CredentialArgument.Convert(42));
    }
}
