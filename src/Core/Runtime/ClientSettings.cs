using System.Globalization;
using System.Text.RegularExpressions;
using AwsCore.Config;
using AwsCore.Endpoints;
using AwsCore.Http;
using AwsCore.Models;

namespace AwsCore.Runtime;

/// <summary>
/// Turns a <see cref="ClientConfig"/> plus the resolved session settings into what each part of the pipeline takes,
/// with botocore's precedence: a value set on the ClientConfig wins over the environment and the profile.
/// </summary>
internal static class ClientSettings
{
    public static CallSettings CallSettings(ClientConfig config, ConfigResolver settings) => new()
    {
        ValidateParameters = config.IsSet(nameof(ClientConfig.ParameterValidation)) ? config.ParameterValidation : settings.Get("parameter_validation").AsBoolean() ?? true,
        InjectHostPrefix = config.IsSet(nameof(ClientConfig.InjectHostPrefix)) ? config.InjectHostPrefix : !(settings.Get("disable_host_prefix_injection").AsBoolean() ?? false),
        RequestChecksumCalculation = config.IsSet(nameof(ClientConfig.RequestChecksumCalculation)) ? config.RequestChecksumCalculation : ParseCalculation(settings.Get("request_checksum_calculation").Value),
        ResponseChecksumValidation = config.IsSet(nameof(ClientConfig.ResponseChecksumValidation)) ? config.ResponseChecksumValidation : ParseValidation(settings.Get("response_checksum_validation").Value),
        DisableRequestCompression = config.IsSet(nameof(ClientConfig.DisableRequestCompression)) ? config.DisableRequestCompression : settings.Get("disable_request_compression").AsBoolean() ?? false,
        RequestMinCompressionSizeBytes = config.IsSet(nameof(ClientConfig.RequestMinCompressionSizeBytes)) ? config.RequestMinCompressionSizeBytes : settings.Get("request_min_compression_size_bytes").AsInt32() ?? RequestCompression.DefaultMinSizeBytes,
        S3PayloadSigningEnabled = config.S3?.PayloadSigningEnabled ?? settings.Get("s3.payload_signing_enabled").AsBoolean(),
    };

    public static EndpointBuiltInSettings BuiltIns(ClientConfig config, ConfigResolver settings, string region, string? endpointUrl) => new()
    {
        Region = region,
        UseFips = config.UseFipsEndpoint ?? settings.Get("use_fips_endpoint").AsBoolean() ?? false,
        UseDualStack = config.UseDualstackEndpoint ?? config.S3?.UseDualstackEndpoint ?? settings.Get("use_dualstack_endpoint").AsBoolean()
            ?? settings.Get("s3.use_dualstack_endpoint").AsBoolean() ?? false,
        EndpointUrl = endpointUrl,
        S3AddressingStyle = config.S3?.AddressingStyle?.ToString().ToLowerInvariant() ?? settings.Get("s3.addressing_style").Value,
        S3UseAccelerateEndpoint = config.S3?.UseAccelerateEndpoint ?? settings.Get("s3.use_accelerate_endpoint").AsBoolean() ?? false,
        UseArnRegion = config.S3?.UseArnRegion ?? settings.Get("s3.use_arn_region").AsBoolean(),
        S3DisableMultiRegionAccessPoints = config.S3?.DisableMultiRegionAccessPoints ?? settings.Get("s3.s3_disable_multiregion_access_points").AsBoolean() ?? false,
        S3UsEast1RegionalEndpoint = config.S3?.UsEast1RegionalEndpoint ?? settings.Get("s3.us_east_1_regional_endpoint").Value,
        StsRegionalEndpoints = settings.Get("sts_regional_endpoints").Value,
        S3DisableExpressSessionAuth = config.S3?.DisableS3ExpressSessionAuth ?? settings.Get("s3_disable_express_session_auth").AsBoolean(),
        AccountIdEndpointMode = config.AccountIdEndpointMode ?? settings.Get("account_id_endpoint_mode").Value,
    };

    /// <summary>
    /// The model's clientContextParams filled from config.client_context_params (and, for S3, the s3 settings), whose
    /// keys are botocore's snake_case forms of the parameter names.
    /// </summary>
    public static IReadOnlyDictionary<string, object?> ClientContextParams(ServiceModel model, ClientConfig config, ConfigResolver settings)
    {
        var given = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var pair in config.ClientContextParams ?? new Dictionary<string, object?>()) given[pair.Key] = pair.Value;
        if (model.EndpointPrefix is "s3" or "s3-control" && config.S3 != null)
        {
            if (config.S3.UseArnRegion is { } arn) given["use_arn_region"] = arn;
            if (config.S3.UseAccelerateEndpoint is { } accelerate) given["accelerate"] = accelerate;
            if (config.S3.AddressingStyle is { } style) given["force_path_style"] = style == S3AddressingStyle.Path;
        }
        var result = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var name in model.ClientContextParams.Keys)
            if (given.TryGetValue(SnakeCase(name), out var value) || given.TryGetValue(name, out value))
                result[name] = value;
        return result;
    }

    public static TransportOptions Transport(ClientConfig config, ConfigResolver settings)
    {
        var proxies = config.Proxies ?? new Dictionary<string, string>();
        return new TransportOptions
        {
            ConnectTimeout = config.IsSet(nameof(ClientConfig.ConnectTimeout)) ? config.ConnectTimeout : Seconds(settings.Get("connect_timeout").AsDouble() ?? 60),
            ReadTimeout = config.ReadTimeout,
            MaxPoolConnections = config.MaxPoolConnections,
            Proxies = proxies,
            CaBundle = settings.Get("ca_bundle").Value is { } bundle ? settings.ExpandPath(bundle) : null,
            TcpKeepAlive = config.TcpKeepalive ?? settings.Get("tcp_keepalive").AsBoolean() ?? false,
        };
    }

    public static RetryStrategy Retries(ServiceModel model, ClientConfig config, ConfigResolver settings, ModelLoader models, List<string> provenance)
    {
        var modeSetting = settings.Get("retry_mode");
        var modeText = config.Retries?.Mode?.ToString().ToLowerInvariant() ?? modeSetting.Value ?? "legacy";
        var mode = modeText.ToLowerInvariant() switch
        {
            "legacy" => RetryMode.Legacy,
            "standard" => RetryMode.Standard,
            "adaptive" => RetryMode.Adaptive,
            _ => throw new ArgumentException($"retry_mode: expected legacy, standard or adaptive, got '{modeText}' ({modeSetting.Source})"),
        };
        int? total = config.Retries?.EffectiveTotalMaxAttempts ?? settings.Get("max_attempts").AsInt32();
        provenance.Add($"retry_mode = {modeText} from {(config.Retries?.Mode != null ? "the client configuration" : modeSetting.Source)}" +
            (total is { } t ? $", {t} attempts" : ""));
        LegacyRetryConfig? legacy = null;
        if (mode == RetryMode.Legacy)
            legacy = LegacyRetryConfig.Parse(models.RequireData("_retry"), "_retry.json");
        return RetryStrategy.Create(mode, model.EndpointPrefix, total, legacy);
    }

    /// <summary>botocore's user agent with AwsCore's name: the config's extras and app id (sdk_ua_app_id when the config has none).</summary>
    public static string UserAgent(ClientConfig config, ConfigResolver settings, RetryMode mode)
    {
        var withAppId = config.UserAgentAppId is null && settings.Get("user_agent_appid").Value is { } appId ? config with { UserAgentAppId = appId } : config;
        var withMode = withAppId.Retries?.Mode is null ? withAppId with { Retries = (withAppId.Retries ?? new RetryConfig()) with { Mode = mode } } : withAppId;
        return UserAgentBuilder.FromEnvironment().WithClientConfig(withMode).Build();
    }

    /// <summary>botocore's xform_name for parameter names: "DisableMultiRegionAccessPoints" -> "disable_multi_region_access_points".</summary>
    public static string SnakeCase(string name) =>
        Regex.Replace(name, "(?<=[a-z0-9])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])", "_").ToLowerInvariant();

    private static TimeSpan Seconds(double value) => TimeSpan.FromSeconds(value);

    private static RequestChecksumCalculation ParseCalculation(string? value) => (value ?? "when_supported").ToLowerInvariant() switch
    {
        "when_supported" => RequestChecksumCalculation.WhenSupported,
        "when_required" => RequestChecksumCalculation.WhenRequired,
        _ => throw new ArgumentException($"request_checksum_calculation: expected when_supported or when_required, got '{value}'"),
    };

    private static ResponseChecksumValidation ParseValidation(string? value) => (value ?? "when_supported").ToLowerInvariant() switch
    {
        "when_supported" => ResponseChecksumValidation.WhenSupported,
        "when_required" => ResponseChecksumValidation.WhenRequired,
        _ => throw new ArgumentException($"response_checksum_validation: expected when_supported or when_required, got '{value}'"),
    };
}
