using AwsCore.Config;
using AwsCore.Models;

namespace AwsCore.Commands;

/// <summary>One line of <see cref="SettingsReport"/>: a setting, its value (never a secret) and where it comes from.</summary>
public sealed class SettingEntry
{
    public SettingEntry(string setting, string? value, string source)
    {
        Setting = setting;
        Value = value;
        Source = source;
    }

    /// <summary>"Region", "Profile", "Credentials", "EndpointUrl", ...</summary>
    public string Setting { get; }

    /// <summary>The value; for credentials the masked access key id only.</summary>
    public string? Value { get; }

    /// <summary>Where the value comes from ("-Region", "environment variable AWS_REGION", "profile dev in ~/.aws/config line 3").</summary>
    public string Source { get; }

    public override string ToString() => $"{Setting}: {Value ?? "(not set)"} from {Source}";
}

/// <summary>
/// Says where region, profile, credentials and endpoint come from for a command, for -Verbose and
/// Get-AwsConfiguration, following botocore's precedence. Credentials are described by where the default chain will
/// find them; no secret key, session token or full access key id is ever part of the report.
/// </summary>
public static class SettingsReport
{
    private static readonly IReadOnlyDictionary<string, string> ParameterOf = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["region"] = "-Region",
        ["profile"] = "-ProfileName",
        ["endpoint_url"] = "-EndpointUrl",
    };

    /// <summary>Region, profile, credentials and (when <paramref name="service"/> is given) the endpoint URL.</summary>
    public static IReadOnlyList<SettingEntry> Describe(CommonArguments arguments, ConfigResolver resolver, ServiceModel? service = null)
    {
        var entries = new List<SettingEntry>
        {
            Safely("Region", () => Entry("Region", resolver.Get("region"))),
            Entry("Profile", resolver.ProfileSetting, unsetValue: "default", unsetSource: "no profile asked for (AWS_PROFILE, AWS_DEFAULT_PROFILE)"),
            Safely("Credentials", () => Credentials(arguments, resolver)),
        };
        if (service is not null)
        {
            entries.Add(Safely("EndpointUrl", () =>
            {
                var endpoint = resolver.ResolveConfiguredEndpointUrl(service.ServiceId, arguments.EndpointUrl);
                return endpoint.Value is null
                    ? new SettingEntry("EndpointUrl", null, $"the {service.ServiceName} endpoint rules ({endpoint.Source})")
                    : Entry("EndpointUrl", endpoint);
            }));
        }
        return entries;
    }

    /// <summary>Where the credentials of a call come from, in the order botocore's default chain looks.</summary>
    public static SettingEntry Credentials(CommonArguments arguments, ConfigResolver resolver)
    {
        if (arguments.Credential is { } given)
            return new SettingEntry("Credentials", CredentialArgument.Mask(given.AccessKeyId), "-Credential");

        // botocore skips the environment provider when a profile is asked for explicitly.
        var env = resolver.Environment;
        if (arguments.ProfileName is null && env.TryGetValue("AWS_ACCESS_KEY_ID", out var key) && key.Length > 0 && env.ContainsKey("AWS_SECRET_ACCESS_KEY"))
            return new SettingEntry("Credentials", CredentialArgument.Mask(key),
                "environment variables AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY" + (env.ContainsKey("AWS_SESSION_TOKEN") ? " with AWS_SESSION_TOKEN" : ""));

        var profile = resolver.ActiveProfile;
        var name = resolver.ActiveProfileName;
        if (profile.TryGetValue("role_arn", out var role))
            return new SettingEntry("Credentials", null, $"assume role {role.Text} (profile {name} in {role.FilePath} line {role.Line})");
        if (profile.TryGetValue("web_identity_token_file", out var web))
            return new SettingEntry("Credentials", null, $"web identity token (profile {name} in {web.FilePath} line {web.Line})");
        if (profile.TryGetValue("sso_session", out var sso) || profile.TryGetValue("sso_start_url", out sso))
            return new SettingEntry("Credentials", null, $"IAM Identity Center (SSO) (profile {name} in {sso.FilePath} line {sso.Line})");
        if (profile.TryGetValue("aws_access_key_id", out var fileKey) && fileKey.Nested is null)
            return new SettingEntry("Credentials", CredentialArgument.Mask(fileKey.Text), $"profile {name} in {fileKey.FilePath} line {fileKey.Line}");
        if (profile.TryGetValue("credential_process", out var process))
            return new SettingEntry("Credentials", null, $"credential_process (profile {name} in {process.FilePath} line {process.Line})");
        if (env.ContainsKey("AWS_CONTAINER_CREDENTIALS_RELATIVE_URI") || env.ContainsKey("AWS_CONTAINER_CREDENTIALS_FULL_URI"))
            return new SettingEntry("Credentials", null, "the container credentials endpoint (AWS_CONTAINER_CREDENTIALS_*_URI)");
        return new SettingEntry("Credentials", null, "none in the environment or the shared files; the instance metadata service is asked at call time");
    }

    /// <summary>A setting whose lookup fails on a missing profile or a broken file reports that failure as its source.</summary>
    private static SettingEntry Safely(string setting, Func<SettingEntry> describe)
    {
        try
        {
            return describe();
        }
        catch (Exception e) when (e is ProfileNotFoundException or ConfigFileException)
        {
            return new SettingEntry(setting, null, e.Message);
        }
    }

    private static SettingEntry Entry(string setting, ResolvedSetting resolved, string? unsetValue = null, string? unsetSource = null)
    {
        if (resolved.Kind == SettingSourceKind.Unset)
            return new SettingEntry(setting, unsetValue, unsetSource ?? resolved.Source);
        var source = resolved.Kind == SettingSourceKind.Explicit && ParameterOf.TryGetValue(resolved.Name, out var parameter) ? parameter : resolved.Source;
        return new SettingEntry(setting, resolved.Value, source);
    }
}
