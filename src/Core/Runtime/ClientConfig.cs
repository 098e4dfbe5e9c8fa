using AwsCore.Http;
using System.Globalization;
using System.Text;

namespace AwsCore.Runtime;

/// <summary>
/// A client's settings, as botocore's Config: immutable, built with an object initializer and changed with
/// <c>with</c> (<c>config with { ReadTimeout = TimeSpan.FromSeconds(5) }</c>). A setting not given reads as botocore's
/// default (60 s timeouts, 10 pooled connections, validation on, ...) but stays "not set", so <see cref="Merge"/> lets
/// only explicitly set values win, as Config.merge does. The pipeline merges the user's config over the one resolved
/// from the environment and profile. Thread-safe (immutable).
/// </summary>
public sealed partial record ClientConfig
{
    /// <summary>botocore's DEFAULT_TIMEOUT for connecting and for each read.</summary>
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(60);

    public const int DefaultMaxPoolConnections = 10;

    private static readonly string[] AccountIdEndpointModes = { "preferred", "disabled", "required" };

    private string? _region, _endpointUrl, _signatureVersion, _userAgent, _userAgentExtra, _userAgentAppId, _clientCert,
        _defaultsMode, _sigV4aSigningRegionSet, _accountIdEndpointMode, _authSchemePreference;
    private TimeSpan? _connectTimeout, _readTimeout;
    private bool? _parameterValidation, _injectHostPrefix, _endpointDiscoveryEnabled, _useDualstackEndpoint, _useFipsEndpoint,
        _ignoreConfiguredEndpointUrls, _tcpKeepalive, _disableRequestCompression;
    private int? _maxPoolConnections, _requestMinCompressionSizeBytes;
    private IReadOnlyDictionary<string, string>? _proxies;
    private ProxiesConfig? _proxiesConfig;
    private S3Config? _s3;
    private RetryConfig? _retries;
    private IReadOnlyDictionary<string, object?>? _clientContextParams;
    private RequestChecksumCalculation? _requestChecksumCalculation;
    private ResponseChecksumValidation? _responseChecksumValidation;

    public string? Region { get => _region; init => _region = value; }

    /// <summary>The endpoint to call instead of the resolved one (botocore's client argument endpoint_url).</summary>
    public string? EndpointUrl
    {
        get => _endpointUrl;
        init => _endpointUrl = value is null || Uri.TryCreate(value, UriKind.Absolute, out _)
            ? value
            : throw new ArgumentException($"EndpointUrl '{value}' is not an absolute URL", nameof(EndpointUrl));
    }

    /// <summary>"v4", "s3v4", "v4a", "bearer", "unsigned" (botocore's UNSIGNED), ...; null lets the model decide.</summary>
    public string? SignatureVersion { get => _signatureVersion; init => _signatureVersion = value; }

    /// <summary>Replaces the whole User-Agent header (extras are still appended).</summary>
    public string? UserAgent { get => _userAgent; init => _userAgent = value; }

    /// <summary>Appended verbatim to the User-Agent header.</summary>
    public string? UserAgentExtra { get => _userAgentExtra; init => _userAgentExtra = value; }

    /// <summary>The application's id, sent as app/&lt;id&gt; in the User-Agent header.</summary>
    public string? UserAgentAppId { get => _userAgentAppId; init => _userAgentAppId = value; }

    public TimeSpan ConnectTimeout { get => _connectTimeout ?? DefaultTimeout; init => _connectTimeout = NotNegative(value, nameof(ConnectTimeout)); }

    public TimeSpan ReadTimeout { get => _readTimeout ?? DefaultTimeout; init => _readTimeout = NotNegative(value, nameof(ReadTimeout)); }

    /// <summary>Check parameters against the model before sending (default true).</summary>
    public bool ParameterValidation { get => _parameterValidation ?? true; init => _parameterValidation = value; }

    public int MaxPoolConnections
    {
        get => _maxPoolConnections ?? DefaultMaxPoolConnections;
        init => _maxPoolConnections = value < 1 ? throw new ArgumentOutOfRangeException(nameof(MaxPoolConnections), value, "MaxPoolConnections must be 1 or more") : value;
    }

    /// <summary>Proxy URL per scheme or per host ("http", "https", "http://host"), as botocore's proxies dict.</summary>
    public IReadOnlyDictionary<string, string>? Proxies { get => _proxies; init => _proxies = value; }

    public ProxiesConfig? ProxiesConfig { get => _proxiesConfig; init => _proxiesConfig = value; }

    public S3Config? S3 { get => _s3; init => _s3 = value; }

    public RetryConfig? Retries { get => _retries; init => _retries = value; }

    /// <summary>Path of a client certificate (PEM) for mutual TLS.</summary>
    public string? ClientCert { get => _clientCert; init => _clientCert = value; }

    /// <summary>Prefix hosts with the operation's hostPrefix (default true).</summary>
    public bool InjectHostPrefix { get => _injectHostPrefix ?? true; init => _injectHostPrefix = value; }

    /// <summary>null: only where an operation requires it (botocore's "auto").</summary>
    public bool? EndpointDiscoveryEnabled { get => _endpointDiscoveryEnabled; init => _endpointDiscoveryEnabled = value; }

    public bool? UseDualstackEndpoint { get => _useDualstackEndpoint; init => _useDualstackEndpoint = value; }

    public bool? UseFipsEndpoint { get => _useFipsEndpoint; init => _useFipsEndpoint = value; }

    public bool? IgnoreConfiguredEndpointUrls { get => _ignoreConfiguredEndpointUrls; init => _ignoreConfiguredEndpointUrls = value; }

    /// <summary>"legacy", "standard", "in-region", "cross-region", "mobile" or "auto".</summary>
    public string? DefaultsMode { get => _defaultsMode; init => _defaultsMode = value; }

    public bool? TcpKeepalive { get => _tcpKeepalive; init => _tcpKeepalive = value; }

    /// <summary>Bodies at least this long are compressed where the operation allows it (1 to 1048576, default 10240).</summary>
    public int RequestMinCompressionSizeBytes
    {
        get => _requestMinCompressionSizeBytes ?? RequestCompression.DefaultMinSizeBytes;
        init => _requestMinCompressionSizeBytes = value is < 1 or > RequestCompression.MaxMinSizeBytes
            ? throw new ArgumentOutOfRangeException(nameof(RequestMinCompressionSizeBytes), value,
                $"RequestMinCompressionSizeBytes must be between 1 and {RequestCompression.MaxMinSizeBytes}")
            : value;
    }

    public bool DisableRequestCompression { get => _disableRequestCompression ?? false; init => _disableRequestCompression = value; }

    /// <summary>Values for the service's clientContextParams (endpoint parameters), by name.</summary>
    public IReadOnlyDictionary<string, object?>? ClientContextParams { get => _clientContextParams; init => _clientContextParams = value; }

    public string? SigV4aSigningRegionSet { get => _sigV4aSigningRegionSet; init => _sigV4aSigningRegionSet = value; }

    public RequestChecksumCalculation RequestChecksumCalculation
    {
        get => _requestChecksumCalculation ?? RequestChecksumCalculation.WhenSupported;
        init => _requestChecksumCalculation = value;
    }

    public ResponseChecksumValidation ResponseChecksumValidation
    {
        get => _responseChecksumValidation ?? ResponseChecksumValidation.WhenSupported;
        init => _responseChecksumValidation = value;
    }

    /// <summary>"preferred", "disabled" or "required": whether endpoints carry the account id.</summary>
    public string? AccountIdEndpointMode
    {
        get => _accountIdEndpointMode;
        init => _accountIdEndpointMode = value is null || AccountIdEndpointModes.Contains(value)
            ? value
            : throw new ArgumentException($"AccountIdEndpointMode '{value}' is not one of: {string.Join(", ", AccountIdEndpointModes)}", nameof(AccountIdEndpointMode));
    }

    /// <summary>Comma-separated auth scheme names in order of preference ("sigv4a,sigv4").</summary>
    public string? AuthSchemePreference { get => _authSchemePreference; init => _authSchemePreference = value; }

    /// <summary>True when <paramref name="option"/> (a property name) was given explicitly rather than left at its default.</summary>
    public bool IsSet(string option) =>
        Options.FirstOrDefault(o => o.Name == option) is { } found
            ? found.Get(this) != null
            : throw new ArgumentException($"ClientConfig has no option '{option}'", nameof(option));

    /// <summary>The names of the options given explicitly.</summary>
    public IReadOnlyList<string> SetOptions => Options.Where(o => o.Get(this) != null).Select(o => o.Name).ToArray();

    /// <summary>
    /// A config with this one's settings and <paramref name="other"/>'s explicitly set ones over them (botocore's
    /// Config.merge). Nested settings (S3, Retries, Proxies) are replaced whole, not merged member by member, as botocore does.
    /// </summary>
    public ClientConfig Merge(ClientConfig? other)
    {
        if (other is null) return this;
        var merged = this with { };
        foreach (var option in Options)
            if (option.Get(other) is { } value) option.Set(merged, value);
        return merged;
    }

    /// <summary>The options that are set; proxy credentials are masked.</summary>
    public override string ToString()
    {
        var text = new StringBuilder("ClientConfig { ");
        var first = true;
        foreach (var option in Options)
        {
            if (option.Get(this) is not { } value) continue;
            if (!first) text.Append(", ");
            first = false;
            text.Append(option.Name).Append(" = ").Append(Show(option.Name, value));
        }
        return text.Append(first ? "}" : " }").ToString();
    }

    private static string Show(string name, object value) => value switch
    {
        IReadOnlyDictionary<string, string> proxies => "{ " + string.Join(", ", proxies.Select(p => $"{p.Key} = {MaskUserInfo(p.Value)}")) + " }",
        IReadOnlyDictionary<string, object?> map => "{ " + string.Join(", ", map.Select(p => $"{p.Key} = {p.Value}")) + " }",
        TimeSpan span => span.TotalSeconds.ToString(CultureInfo.InvariantCulture) + " s",
        string text when name == nameof(EndpointUrl) => MaskUserInfo(text),
        _ => Convert.ToString(value, CultureInfo.InvariantCulture) ?? "",
    };

    /// <summary>http://user:secret@proxy:8080 becomes http://***@proxy:8080.</summary>
    internal static string MaskUserInfo(string url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.UserInfo.Length > 0
            ? url.Replace(uri.UserInfo + "@", "***@")
            : url;

    private static TimeSpan NotNegative(TimeSpan value, string name) =>
        value < TimeSpan.Zero ? throw new ArgumentOutOfRangeException(name, value, $"{name} cannot be negative") : value;

    private sealed record Option(string Name, Func<ClientConfig, object?> Get, Action<ClientConfig, object> Set);

    private static readonly Option[] Options =
    {
        new(nameof(Region), c => c._region, (c, v) => c._region = (string)v),
        new(nameof(EndpointUrl), c => c._endpointUrl, (c, v) => c._endpointUrl = (string)v),
        new(nameof(SignatureVersion), c => c._signatureVersion, (c, v) => c._signatureVersion = (string)v),
        new(nameof(UserAgent), c => c._userAgent, (c, v) => c._userAgent = (string)v),
        new(nameof(UserAgentExtra), c => c._userAgentExtra, (c, v) => c._userAgentExtra = (string)v),
        new(nameof(UserAgentAppId), c => c._userAgentAppId, (c, v) => c._userAgentAppId = (string)v),
        new(nameof(ConnectTimeout), c => c._connectTimeout, (c, v) => c._connectTimeout = (TimeSpan)v),
        new(nameof(ReadTimeout), c => c._readTimeout, (c, v) => c._readTimeout = (TimeSpan)v),
        new(nameof(ParameterValidation), c => c._parameterValidation, (c, v) => c._parameterValidation = (bool)v),
        new(nameof(MaxPoolConnections), c => c._maxPoolConnections, (c, v) => c._maxPoolConnections = (int)v),
        new(nameof(Proxies), c => c._proxies, (c, v) => c._proxies = (IReadOnlyDictionary<string, string>)v),
        new(nameof(ProxiesConfig), c => c._proxiesConfig, (c, v) => c._proxiesConfig = (ProxiesConfig)v),
        new(nameof(S3), c => c._s3, (c, v) => c._s3 = (S3Config)v),
        new(nameof(Retries), c => c._retries, (c, v) => c._retries = (RetryConfig)v),
        new(nameof(ClientCert), c => c._clientCert, (c, v) => c._clientCert = (string)v),
        new(nameof(InjectHostPrefix), c => c._injectHostPrefix, (c, v) => c._injectHostPrefix = (bool)v),
        new(nameof(EndpointDiscoveryEnabled), c => c._endpointDiscoveryEnabled, (c, v) => c._endpointDiscoveryEnabled = (bool)v),
        new(nameof(UseDualstackEndpoint), c => c._useDualstackEndpoint, (c, v) => c._useDualstackEndpoint = (bool)v),
        new(nameof(UseFipsEndpoint), c => c._useFipsEndpoint, (c, v) => c._useFipsEndpoint = (bool)v),
        new(nameof(IgnoreConfiguredEndpointUrls), c => c._ignoreConfiguredEndpointUrls, (c, v) => c._ignoreConfiguredEndpointUrls = (bool)v),
        new(nameof(DefaultsMode), c => c._defaultsMode, (c, v) => c._defaultsMode = (string)v),
        new(nameof(TcpKeepalive), c => c._tcpKeepalive, (c, v) => c._tcpKeepalive = (bool)v),
        new(nameof(RequestMinCompressionSizeBytes), c => c._requestMinCompressionSizeBytes, (c, v) => c._requestMinCompressionSizeBytes = (int)v),
        new(nameof(DisableRequestCompression), c => c._disableRequestCompression, (c, v) => c._disableRequestCompression = (bool)v),
        new(nameof(ClientContextParams), c => c._clientContextParams, (c, v) => c._clientContextParams = (IReadOnlyDictionary<string, object?>)v),
        new(nameof(SigV4aSigningRegionSet), c => c._sigV4aSigningRegionSet, (c, v) => c._sigV4aSigningRegionSet = (string)v),
        new(nameof(RequestChecksumCalculation), c => c._requestChecksumCalculation, (c, v) => c._requestChecksumCalculation = (RequestChecksumCalculation)v),
        new(nameof(ResponseChecksumValidation), c => c._responseChecksumValidation, (c, v) => c._responseChecksumValidation = (ResponseChecksumValidation)v),
        new(nameof(AccountIdEndpointMode), c => c._accountIdEndpointMode, (c, v) => c._accountIdEndpointMode = (string)v),
        new(nameof(AuthSchemePreference), c => c._authSchemePreference, (c, v) => c._authSchemePreference = (string)v),
    };
}
