using AwsCore.Http;
using System.Reflection;
using System.Runtime.InteropServices;
using System.Text;

namespace AwsCore.Runtime;

/// <summary>
/// Builds the User-Agent header in botocore's format (its useragent module, "ua/2.1") with AwsCore's name and version:
/// <c>AwsCore/0.1.0 ua/2.1 os/linux#6.8.0 md/arch#x86_64 lang/dotnet#10.0.0 md/&lt;extra metadata&gt; exec-env/&lt;env&gt;
/// m/&lt;feature codes&gt; cfg/retry-mode#standard app/&lt;app id&gt; &lt;session extra&gt; &lt;client extra&gt;</c>.
/// A host (the PowerShell module) names itself first with <see cref="WithSession"/>, which moves AwsCore to md/AwsCore#version.
/// Immutable: each With* returns a new builder. Thread-safe.
/// </summary>
public sealed class UserAgentBuilder
{
    public const string SdkName = "AwsCore";

    private const string Allowed = "!$%&'*+-.^_`|~,";
    private static readonly string[] OsFamilies = { "windows", "linux", "macos", "android", "ios", "watchos", "tvos", "other" };

    private readonly string? _platformName, _platformVersion, _machine, _languageVersion, _executionEnvironment;
    private string? _sessionName, _sessionVersion, _sessionExtra;
    private ClientConfig? _config;
    private List<KeyValuePair<string, string?>> _metadata = new();
    private List<string> _features = new();

    /// <param name="platformName">The OS name ("Linux", "Windows", "Darwin"); null for unknown.</param>
    /// <param name="platformVersion">The OS version.</param>
    /// <param name="machine">The processor architecture ("x86_64", "arm64").</param>
    /// <param name="languageVersion">The .NET runtime version.</param>
    /// <param name="executionEnvironment">AWS_EXECUTION_ENV, when set.</param>
    public UserAgentBuilder(string? platformName, string? platformVersion, string? machine, string? languageVersion, string? executionEnvironment)
    {
        _platformName = platformName;
        _platformVersion = platformVersion;
        _machine = machine;
        _languageVersion = languageVersion;
        _executionEnvironment = executionEnvironment;
    }

    /// <summary>A builder describing this process: its OS, architecture, .NET version and AWS_EXECUTION_ENV.</summary>
    public static UserAgentBuilder FromEnvironment()
    {
        string? platform = RuntimeInformation.IsOSPlatform(OSPlatform.Windows) ? "Windows"
            : RuntimeInformation.IsOSPlatform(OSPlatform.OSX) ? "Darwin"
            : RuntimeInformation.IsOSPlatform(OSPlatform.Linux) ? "Linux"
            : null;
        var machine = RuntimeInformation.OSArchitecture switch
        {
            Architecture.X64 => "x86_64",
            Architecture.X86 => "i386",
            Architecture.Arm64 => "arm64",
            Architecture.Arm => "arm",
            var other => other.ToString(),
        };
        return new UserAgentBuilder(platform, Environment.OSVersion.Version.ToString(), machine, Environment.Version.ToString(),
            Environment.GetEnvironmentVariable("AWS_EXECUTION_ENV"));
    }

    /// <summary>AwsCore's version, from the assembly (without any build metadata after '+').</summary>
    public static string SdkVersion { get; } = ReadVersion();

    /// <summary>
    /// The host's own name, version and extra text (botocore's session user_agent_name/version/extra). A name and
    /// version other than AwsCore's lead the header, and AwsCore follows as md/AwsCore#version.
    /// </summary>
    public UserAgentBuilder WithSession(string? name, string? version, string? extra = null) =>
        Copy(b =>
        {
            b._sessionName = name;
            b._sessionVersion = version;
            b._sessionExtra = extra;
        });

    /// <summary>The client's config: its retry mode, endpoint discovery, app id, extra text and any full override.</summary>
    public UserAgentBuilder WithClientConfig(ClientConfig? config) => Copy(b => b._config = config);

    /// <summary>Adds an md/name#value component after the language (e.g. the PowerShell edition and version).</summary>
    public UserAgentBuilder WithMetadata(string name, string? value = null) =>
        Copy(b => b._metadata = new List<KeyValuePair<string, string?>>(_metadata) { new(name, value) });

    /// <summary>Records use of a feature by botocore's id ("RETRY_MODE_STANDARD", "FLEXIBLE_CHECKSUMS_REQ_CRC32"); unknown ids are ignored.</summary>
    public UserAgentBuilder WithFeature(string featureId)
    {
        if (!UserAgentFeatures.Codes.TryGetValue(featureId, out var code) || _features.Contains(code)) return this;
        return Copy(b => b._features = new List<string>(_features) { code });
    }

    /// <summary>The header value.</summary>
    public string Build()
    {
        if (_config?.UserAgent is { } replaced)
            return string.Join(" ", new[] { replaced, _sessionExtra, _config.UserAgentExtra }.Where(s => !string.IsNullOrEmpty(s)));

        var parts = new List<string>();
        if (!string.IsNullOrEmpty(_sessionName) && !string.IsNullOrEmpty(_sessionVersion)
            && (_sessionName != SdkName || _sessionVersion != SdkVersion))
        {
            parts.Add(Component(_sessionName!, _sessionVersion!));
            parts.Add(Component("md", SdkName, SdkVersion));
        }
        else
        {
            parts.Add(Component(SdkName, SdkVersion));
        }
        parts.Add("ua/2.1");
        parts.AddRange(OsComponents());
        if (!string.IsNullOrEmpty(_machine)) parts.Add(Component("md", "arch", _machine!.ToLowerInvariant()));
        parts.Add(Component("lang", "dotnet", _languageVersion));
        foreach (var entry in _metadata) parts.Add(Component("md", entry.Key, entry.Value));
        if (!string.IsNullOrEmpty(_executionEnvironment)) parts.Add(Component("exec-env", _executionEnvironment!));
        if (_features.Count > 0) parts.Add(Truncate(Component("m", string.Join(",", _features)), 1024, ','));
        if (_config?.Retries?.Mode is { } mode)
        {
            parts.Add(Component("cfg", "retry-mode", mode.ToString().ToLowerInvariant()));
            if (_config.EndpointDiscoveryEnabled == true) parts.Add(Component("cfg", "endpoint-discovery"));
        }
        if (!string.IsNullOrEmpty(_config?.UserAgentAppId)) parts.Add("app/" + Sanitize(_config!.UserAgentAppId!, allowHash: true));
        if (!string.IsNullOrEmpty(_sessionExtra)) parts.Add(_sessionExtra!);
        if (!string.IsNullOrEmpty(_config?.UserAgentExtra)) parts.Add(_config!.UserAgentExtra!);
        return string.Join(" ", parts.Where(p => p.Length > 0));
    }

    public override string ToString() => Build();

    private IEnumerable<string> OsComponents()
    {
        if (_platformName is null) return new[] { Component("os", "other") };
        var lower = _platformName.ToLowerInvariant();
        var family = lower == "darwin" ? "macos" : OsFamilies.Contains(lower) ? lower : null;
        return family != null
            ? new[] { Component("os", family, _platformVersion) }
            : new[] { Component("os", "other"), Component("md", _platformName, _platformVersion) };
    }

    /// <summary>prefix/name#value with disallowed characters replaced by '-' ('#' is allowed in the prefix and value only).</summary>
    internal static string Component(string prefix, string name, string? value = null)
    {
        var text = Sanitize(prefix, allowHash: true) + "/" + Sanitize(name, allowHash: false);
        return string.IsNullOrEmpty(value) ? text : text + "#" + Sanitize(value!, allowHash: true);
    }

    internal static string Sanitize(string raw, bool allowHash)
    {
        var result = new StringBuilder(raw.Length);
        foreach (var c in raw)
            result.Append(c is >= 'a' and <= 'z' or >= 'A' and <= 'Z' or >= '0' and <= '9' || Allowed.IndexOf(c) >= 0 || (allowHash && c == '#') ? c : '-');
        return result.ToString();
    }

    /// <summary>Drops delimiter-separated pieces from the end until the UTF-8 length fits.</summary>
    private static string Truncate(string text, int maxBytes, char delimiter)
    {
        while (Encoding.UTF8.GetByteCount(text) > maxBytes)
        {
            var cut = text.LastIndexOf(delimiter);
            text = cut < 0 ? "" : text.Substring(0, cut);
        }
        return text;
    }

    private UserAgentBuilder Copy(Action<UserAgentBuilder> change)
    {
        var copy = new UserAgentBuilder(_platformName, _platformVersion, _machine, _languageVersion, _executionEnvironment)
        {
            _sessionName = _sessionName,
            _sessionVersion = _sessionVersion,
            _sessionExtra = _sessionExtra,
            _config = _config,
            _metadata = _metadata,
            _features = _features,
        };
        change(copy);
        return copy;
    }

    private static string ReadVersion()
    {
        var assembly = typeof(UserAgentBuilder).Assembly;
        var informational = assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion;
        if (!string.IsNullOrEmpty(informational))
        {
            var plus = informational!.IndexOf('+');
            return plus >= 0 ? informational.Substring(0, plus) : informational;
        }
        return assembly.GetName().Version?.ToString(3) ?? "0.0.0";
    }
}
