using System.Collections;
using System.Text.RegularExpressions;

namespace AwsCore.Config;

/// <summary>
/// Resolves session settings as botocore does, in the order explicit argument, environment variable, the active
/// profile of the shared files, the defaults mode, the built-in default; every answer says where it came from.
/// Works on a snapshot of the environment, so tests and runspaces each see their own. Thread-safe after creation.
/// </summary>
public sealed class ConfigResolver
{
    private static readonly Regex EnvReference = new(@"\$(\w+|\{[^}]*\})", RegexOptions.CultureInvariant);

    private readonly IReadOnlyDictionary<string, string?> _explicit;
    private readonly DefaultsModeConfiguration? _defaults;
    private readonly Lazy<SharedConfigFiles> _files;
    private readonly Func<string?>? _instanceRegion;

    /// <param name="environment">The environment variables to read; the process's when null.</param>
    /// <param name="explicitSettings">Settings given by the caller, by logical name ("region", "profile", ...).</param>
    /// <param name="defaults">sdk-default-configuration.json, needed when a defaults mode other than legacy is asked for.</param>
    /// <param name="files">Already-loaded shared files; when null they are read from config_file and credentials_file on first use.</param>
    /// <param name="instanceRegion">Looks up the EC2 instance's region for defaults mode "auto"; optional.</param>
    public ConfigResolver(IReadOnlyDictionary<string, string>? environment = null, IReadOnlyDictionary<string, string?>? explicitSettings = null,
        DefaultsModeConfiguration? defaults = null, SharedConfigFiles? files = null, Func<string?>? instanceRegion = null)
    {
        Environment = environment ?? ProcessEnvironment();
        _explicit = explicitSettings ?? new Dictionary<string, string?>();
        _defaults = defaults;
        _instanceRegion = instanceRegion;
        _files = files != null
            ? new Lazy<SharedConfigFiles>(() => files)
            : new Lazy<SharedConfigFiles>(() => SharedConfigFiles.Load(ExpandPath(Get("config_file").Value!), ExpandPath(Get("credentials_file").Value!)));
    }

    /// <summary>The environment this resolver reads.</summary>
    public IReadOnlyDictionary<string, string> Environment { get; }

    /// <summary>The shared config and credentials files (read on first use).</summary>
    public SharedConfigFiles Files => _files.Value;

    /// <summary>A snapshot of the process's environment variables.</summary>
    public static IReadOnlyDictionary<string, string> ProcessEnvironment()
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (DictionaryEntry entry in System.Environment.GetEnvironmentVariables())
            if (entry.Key is string key && entry.Value is string value) result[key] = value;
        return result;
    }

    /// <summary>The profile asked for (explicitly, by AWS_DEFAULT_PROFILE or by AWS_PROFILE), or an unset setting.</summary>
    public ResolvedSetting ProfileSetting => Get("profile");

    /// <summary>The active profile's name: the one asked for, else "default".</summary>
    public string ActiveProfileName => ProfileSetting.Value ?? "default";

    /// <summary>
    /// The active profile's settings. A profile that was asked for and is in neither file is an error naming it and
    /// both files; with none asked for, a missing [default] is simply empty.
    /// </summary>
    public IReadOnlyDictionary<string, IniValue> ActiveProfile
    {
        get
        {
            var asked = ProfileSetting;
            if (asked.Value is null)
                return Files.Profiles.TryGetValue("default", out var d) ? d : new Dictionary<string, IniValue>();
            if (Files.Profiles.TryGetValue(asked.Value, out var profile)) return profile;
            throw new ProfileNotFoundException(asked.Value, Files.ConfigPath, Files.CredentialsPath, asked.Source);
        }
    }

    /// <summary>Resolves a setting by its logical name (botocore's session variable names; "s3.x" for the S3 block).</summary>
    public ResolvedSetting Get(string name)
    {
        if (!SettingDefinitions.All.TryGetValue(name, out var definition))
            throw new ArgumentException($"'{name}' is not a known setting", nameof(name));

        if (_explicit.TryGetValue(name, out var given) && given != null)
            return new ResolvedSetting(name, given, SettingSourceKind.Explicit, "explicit setting " + name);

        foreach (var variable in definition.EnvVars)
            if (Environment.TryGetValue(variable, out var value))
                return new ResolvedSetting(name, value, SettingSourceKind.Environment, "environment variable " + variable);

        if (definition.ConfigKey != null)
        {
            foreach (var key in definition.ConfigKey.Split('|'))
                if (FromProfile(name, key) is { } fromProfile) return fromProfile;
        }

        if (DefaultsModeConfiguration.AffectedSettings.Contains(name))
        {
            var mode = EffectiveDefaultsMode();
            if (mode != "legacy" && RequireDefaults().ValuesFor(mode).TryGetValue(name, out var modeValue))
                return new ResolvedSetting(name, modeValue, SettingSourceKind.DefaultsMode, $"defaults mode {mode} (sdk-default-configuration.json)");
        }

        return definition.DefaultValue != null
            ? new ResolvedSetting(name, definition.DefaultValue, SettingSourceKind.Default, "default")
            : new ResolvedSetting(name, null, SettingSourceKind.Unset, "not set");
    }

    /// <summary>The defaults mode in force, with "auto" resolved from the execution environment.</summary>
    public string EffectiveDefaultsMode()
    {
        var mode = Get("defaults_mode").Value ?? "legacy";
        return mode == "auto" ? DefaultsModeConfiguration.ResolveAutoMode(Get("region").Value, Environment, _instanceRegion) : mode;
    }

    private DefaultsModeConfiguration RequireDefaults() => _defaults ??
        throw new InvalidOperationException("defaults_mode other than legacy needs sdk-default-configuration.json; pass it to ConfigResolver");

    private ResolvedSetting? FromProfile(string name, string key)
    {
        var profile = ActiveProfile;
        var dot = key.IndexOf('.');
        if (dot < 0)
        {
            if (profile.TryGetValue(key, out var value))
                return new ResolvedSetting(name, value.Nested is null ? value.Text : null, SettingSourceKind.Profile, ProfileSource(value), value.Nested);
            return null;
        }
        if (profile.TryGetValue(key.Substring(0, dot), out var block) && block.Nested != null &&
            block.Nested.TryGetValue(key.Substring(dot + 1), out var nested))
            return new ResolvedSetting(name, nested, SettingSourceKind.Profile, ProfileSource(block));
        return null;
    }

    /// <summary>"profile dev in /home/u/.aws/config line 12".</summary>
    internal string ProfileSource(IniValue value) => $"profile {ActiveProfileName} in {value.FilePath} line {value.Line}";

    /// <summary>
    /// The endpoint URL configured for a service, as botocore's ConfiguredEndpointProvider finds it: an explicit URL,
    /// then (unless ignore_configured_endpoint_urls) AWS_ENDPOINT_URL_&lt;SERVICE&gt;, AWS_ENDPOINT_URL, the profile's
    /// services section entry for the service, the profile's endpoint_url. <paramref name="serviceId"/> is the model's
    /// serviceId ("Elastic Load Balancing v2" gives AWS_ENDPOINT_URL_ELASTIC_LOAD_BALANCING_V2 and elastic_load_balancing_v2).
    /// </summary>
    public ResolvedSetting ResolveConfiguredEndpointUrl(string serviceId, string? explicitEndpointUrl = null, bool? ignoreConfiguredEndpointUrls = null)
    {
        const string name = "endpoint_url";
        if (explicitEndpointUrl != null)
            return new ResolvedSetting(name, explicitEndpointUrl, SettingSourceKind.Explicit, "explicit setting endpoint_url");

        var ignore = ignoreConfiguredEndpointUrls is { } given
            ? new ResolvedSetting("ignore_configured_endpoint_urls", given ? "true" : "false", SettingSourceKind.Explicit, "explicit setting ignore_configured_endpoint_urls")
            : Get("ignore_configured_endpoint_urls");
        if (ignore.AsBoolean() == true)
            return new ResolvedSetting(name, null, SettingSourceKind.Unset, "configured endpoint URLs ignored by " + ignore.Source);

        var snake = ServiceIdToSnakeCase(serviceId);
        var serviceVariable = "AWS_ENDPOINT_URL_" + snake.ToUpperInvariant();
        foreach (var variable in new[] { serviceVariable, "AWS_ENDPOINT_URL" })
            if (Environment.TryGetValue(variable, out var url) && url.Length > 0)
                return new ResolvedSetting(name, url, SettingSourceKind.Environment, "environment variable " + variable);

        var profile = ActiveProfile;
        if (profile.TryGetValue("services", out var servicesName))
        {
            if (!Files.Services.TryGetValue(servicesName.Text, out var services))
                throw new ConfigFileException(servicesName.FilePath, servicesName.Line,
                    $"profile {ActiveProfileName} uses the services section \"{servicesName.Text}\", which does not exist");
            if (services.TryGetValue(snake.ToLowerInvariant(), out var block) && block.Nested != null &&
                block.Nested.TryGetValue("endpoint_url", out var serviceUrl) && serviceUrl.Length > 0)
                return new ResolvedSetting(name, serviceUrl, SettingSourceKind.Profile, $"[services {servicesName.Text}] {snake.ToLowerInvariant()} in {block.FilePath} line {block.Line}");
        }
        if (profile.TryGetValue("endpoint_url", out var global) && global.Nested is null && global.Text.Length > 0)
            return new ResolvedSetting(name, global.Text, SettingSourceKind.Profile, ProfileSource(global));
        return new ResolvedSetting(name, null, SettingSourceKind.Unset, "not set");
    }

    /// <summary>serviceId lowercased with spaces and hyphens as underscores ("Elastic Load Balancing v2" becomes "elastic_load_balancing_v2").</summary>
    public static string ServiceIdToSnakeCase(string serviceId) =>
        serviceId.Trim().ToLowerInvariant().Replace(' ', '_').Replace('-', '_');

    /// <summary>Expands $VAR, ${VAR} (left alone when undefined) and a leading ~ (HOME, else USERPROFILE), as botocore does with file paths.</summary>
    public string ExpandPath(string path)
    {
        var expanded = EnvReference.Replace(path, m =>
        {
            var variable = m.Groups[1].Value.Trim('{', '}');
            return Environment.TryGetValue(variable, out var value) ? value : m.Value;
        });
        if (expanded == "~" || expanded.StartsWith("~/", StringComparison.Ordinal) || expanded.StartsWith("~\\", StringComparison.Ordinal))
            expanded = HomeDirectory() + expanded.Substring(1);
        return expanded;
    }

    /// <summary>The user's home directory as this environment names it.</summary>
    public string HomeDirectory()
    {
        if (Environment.TryGetValue("HOME", out var home) && home.Length > 0) return home;
        if (Environment.TryGetValue("USERPROFILE", out var profile) && profile.Length > 0) return profile;
        return System.Environment.GetFolderPath(System.Environment.SpecialFolder.UserProfile);
    }

    public override string ToString() => $"ConfigResolver(profile {ActiveProfileName})";
}
