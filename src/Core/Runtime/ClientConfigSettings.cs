using AwsCore.Http;
using System.Globalization;

namespace AwsCore.Runtime;

public sealed partial record ClientConfig
{
    /// <summary>
    /// A config from resolved settings (environment, profile, defaults) by botocore's logical names ("retry_mode",
    /// "max_attempts", "s3.addressing_style", ...), each as its string value or null when unset; the pipeline merges the
    /// user's config over it. Booleans read as botocore's ensure_boolean ("true" in any case is true).
    /// </summary>
    /// <exception cref="ArgumentException">A value that is not one the setting takes, naming the setting.</exception>
    public static ClientConfig FromSettings(Func<string, string?> setting)
    {
        var config = new ClientConfig
        {
            Region = setting("region"),
            UserAgentAppId = setting("user_agent_appid"),
            SigV4aSigningRegionSet = setting("sigv4a_signing_region_set"),
            AuthSchemePreference = setting("auth_scheme_preference"),
            DefaultsMode = setting("defaults_mode"),
            AccountIdEndpointMode = ChoiceText(setting, "account_id_endpoint_mode", "preferred", "disabled", "required"),
        };
        var retryMode = Choice(setting, "retry_mode", ParseRetryMode, "legacy", "standard", "adaptive");
        var maxAttempts = Integer(setting, "max_attempts");
        if (retryMode != null || maxAttempts != null)
            config = config with { Retries = new RetryConfig { Mode = retryMode, TotalMaxAttempts = maxAttempts } };
        if (Integer(setting, "request_min_compression_size_bytes") is { } minSize) config = config with { RequestMinCompressionSizeBytes = minSize };
        if (Boolean(setting, "disable_request_compression") is { } disable) config = config with { DisableRequestCompression = disable };
        if (Choice(setting, "request_checksum_calculation", s => s == "when_required" ? RequestChecksumCalculation.WhenRequired : RequestChecksumCalculation.WhenSupported,
                "when_supported", "when_required") is { } requestMode)
            config = config with { RequestChecksumCalculation = requestMode };
        if (Choice(setting, "response_checksum_validation", s => s == "when_required" ? ResponseChecksumValidation.WhenRequired : ResponseChecksumValidation.WhenSupported,
                "when_supported", "when_required") is { } responseMode)
            config = config with { ResponseChecksumValidation = responseMode };
        if (Boolean(setting, "tcp_keepalive") is { } keepalive) config = config with { TcpKeepalive = keepalive };
        if (Boolean(setting, "use_dualstack_endpoint") is { } dualstack) config = config with { UseDualstackEndpoint = dualstack };
        if (Boolean(setting, "use_fips_endpoint") is { } fips) config = config with { UseFipsEndpoint = fips };
        if (Boolean(setting, "ignore_configured_endpoint_urls") is { } ignore) config = config with { IgnoreConfiguredEndpointUrls = ignore };
        if (Boolean(setting, "parameter_validation") is { } validation) config = config with { ParameterValidation = validation };
        if (Boolean(setting, "disable_host_prefix_injection") is { } noPrefix) config = config with { InjectHostPrefix = !noPrefix };
        if (setting("endpoint_discovery_enabled") is { } discovery && !string.Equals(discovery, "auto", StringComparison.OrdinalIgnoreCase))
            config = config with { EndpointDiscoveryEnabled = IsTrue(discovery) };
        if (Seconds(setting, "connect_timeout") is { } connect) config = config with { ConnectTimeout = connect };
        if (Seconds(setting, "read_timeout") is { } read) config = config with { ReadTimeout = read };
        var s3 = new S3Config
        {
            AddressingStyle = Choice(setting, "s3.addressing_style", ParseAddressingStyle, "auto", "virtual", "path"),
            UseAccelerateEndpoint = Boolean(setting, "s3.use_accelerate_endpoint"),
            UseDualstackEndpoint = Boolean(setting, "s3.use_dualstack_endpoint"),
            PayloadSigningEnabled = Boolean(setting, "s3.payload_signing_enabled"),
            UseArnRegion = Boolean(setting, "s3.use_arn_region"),
            UsEast1RegionalEndpoint = setting("s3.us_east_1_regional_endpoint"),
            DisableMultiRegionAccessPoints = Boolean(setting, "s3.s3_disable_multiregion_access_points"),
            DisableS3ExpressSessionAuth = Boolean(setting, "s3_disable_express_session_auth"),
        };
        return s3 == new S3Config() ? config : config with { S3 = s3 };
    }

    /// <summary>
    /// The configuration a client runs with: <paramref name="user"/>'s explicit settings over <paramref name="resolved"/>
    /// (from <see cref="FromSettings"/>), as botocore's client args do. Unlike <see cref="Merge"/>, the retries and S3
    /// settings combine member by member: a user's retry mode keeps the profile's max_attempts, and a user's
    /// addressing style keeps the profile's other S3 settings.
    /// </summary>
    public static ClientConfig Effective(ClientConfig resolved, ClientConfig? user)
    {
        if (user is null) return resolved;
        var merged = resolved.Merge(user);
        if (user.Retries is { } userRetries && resolved.Retries is { } resolvedRetries)
        {
            // A user's max_attempts (retries after the first) or total_max_attempts both replace the profile's total.
            var userSetsAttempts = userRetries.MaxAttempts != null || userRetries.TotalMaxAttempts != null;
            merged = merged with
            {
                Retries = new RetryConfig
                {
                    Mode = userRetries.Mode ?? resolvedRetries.Mode,
                    MaxAttempts = userRetries.MaxAttempts,
                    TotalMaxAttempts = userSetsAttempts ? userRetries.TotalMaxAttempts : resolvedRetries.EffectiveTotalMaxAttempts,
                },
            };
        }
        if (user.S3 is { } userS3 && resolved.S3 is { } resolvedS3)
            merged = merged with
            {
                S3 = new S3Config
                {
                    AddressingStyle = userS3.AddressingStyle ?? resolvedS3.AddressingStyle,
                    UseAccelerateEndpoint = userS3.UseAccelerateEndpoint ?? resolvedS3.UseAccelerateEndpoint,
                    UseDualstackEndpoint = userS3.UseDualstackEndpoint ?? resolvedS3.UseDualstackEndpoint,
                    PayloadSigningEnabled = userS3.PayloadSigningEnabled ?? resolvedS3.PayloadSigningEnabled,
                    UseArnRegion = userS3.UseArnRegion ?? resolvedS3.UseArnRegion,
                    UsEast1RegionalEndpoint = userS3.UsEast1RegionalEndpoint ?? resolvedS3.UsEast1RegionalEndpoint,
                    DisableMultiRegionAccessPoints = userS3.DisableMultiRegionAccessPoints ?? resolvedS3.DisableMultiRegionAccessPoints,
                    DisableS3ExpressSessionAuth = userS3.DisableS3ExpressSessionAuth ?? resolvedS3.DisableS3ExpressSessionAuth,
                },
            };
        return merged;
    }

    private static RetryMode ParseRetryMode(string value) => value switch
    {
        "standard" => RetryMode.Standard,
        "adaptive" => RetryMode.Adaptive,
        _ => RetryMode.Legacy,
    };

    private static S3AddressingStyle ParseAddressingStyle(string value) => value switch
    {
        "virtual" => S3AddressingStyle.Virtual,
        "path" => S3AddressingStyle.Path,
        _ => S3AddressingStyle.Auto,
    };

    /// <summary>One of <paramref name="valid"/> (compared in lower case), converted; null when unset.</summary>
    private static T? Choice<T>(Func<string, string?> setting, string name, Func<string, T> convert, params string[] valid)
        where T : struct =>
        ChoiceText(setting, name, valid) is { } value ? convert(value) : null;

    /// <summary>One of <paramref name="valid"/>, lower-cased; null when unset.</summary>
    private static string? ChoiceText(Func<string, string?> setting, string name, params string[] valid)
    {
        if (setting(name) is not { } raw) return null;
        var value = raw.Trim().ToLowerInvariant();
        if (Array.IndexOf(valid, value) < 0)
            throw new ArgumentException($"Invalid value '{raw}' for the setting {name}: valid values are {string.Join(", ", valid)}", nameof(setting));
        return value;
    }

    private static int? Integer(Func<string, string?> setting, string name)
    {
        if (setting(name) is not { } raw) return null;
        if (int.TryParse(raw.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var value)) return value;
        throw new ArgumentException($"Invalid value '{raw}' for the setting {name}: an integer is required", nameof(setting));
    }

    private static TimeSpan? Seconds(Func<string, string?> setting, string name)
    {
        if (setting(name) is not { } raw) return null;
        if (double.TryParse(raw.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) && seconds >= 0)
            return TimeSpan.FromSeconds(seconds);
        throw new ArgumentException($"Invalid value '{raw}' for the setting {name}: a number of seconds is required", nameof(setting));
    }

    private static bool? Boolean(Func<string, string?> setting, string name) => setting(name) is { } raw ? IsTrue(raw) : null;

    private static bool IsTrue(string value) => string.Equals(value.Trim(), "true", StringComparison.OrdinalIgnoreCase);
}
