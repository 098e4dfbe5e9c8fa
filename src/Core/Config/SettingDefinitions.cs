namespace AwsCore.Config;

/// <summary>One session setting: its config-file key, environment variables (searched in order) and default.</summary>
internal sealed class SettingDefinition
{
    public SettingDefinition(string name, string? configKey, string[] envVars, string? defaultValue)
    {
        Name = name;
        ConfigKey = configKey;
        EnvVars = envVars;
        DefaultValue = defaultValue;
    }

    public string Name { get; }
    public string? ConfigKey { get; }
    public string[] EnvVars { get; }
    public string? DefaultValue { get; }
}

/// <summary>botocore's session variables (configprovider.BOTOCORE_DEFAUT_SESSION_VARIABLES) and its S3 settings.</summary>
internal static class SettingDefinitions
{
    private static SettingDefinition D(string name, string? key, string? env, string? def = null) =>
        new(name, key, env is null ? Array.Empty<string>() : new[] { env }, def);

    public static readonly IReadOnlyDictionary<string, SettingDefinition> All = new[]
    {
        new SettingDefinition("profile", null, new[] { "AWS_DEFAULT_PROFILE", "AWS_PROFILE" }, null),
        // botocore reads AWS_DEFAULT_REGION only; AWS_REGION (the other SDKs' and CLI v2's name) is the fallback.
        new SettingDefinition("region", "region", new[] { "AWS_DEFAULT_REGION", "AWS_REGION" }, null),
        D("data_path", "data_path", "AWS_DATA_PATH"),
        D("config_file", null, "AWS_CONFIG_FILE", "~/.aws/config"),
        D("ca_bundle", "ca_bundle", "AWS_CA_BUNDLE"),
        D("credentials_file", null, "AWS_SHARED_CREDENTIALS_FILE", "~/.aws/credentials"),
        D("metadata_service_timeout", "metadata_service_timeout", "AWS_METADATA_SERVICE_TIMEOUT", "1"),
        D("metadata_service_num_attempts", "metadata_service_num_attempts", "AWS_METADATA_SERVICE_NUM_ATTEMPTS", "1"),
        D("ec2_metadata_service_endpoint", "ec2_metadata_service_endpoint", "AWS_EC2_METADATA_SERVICE_ENDPOINT"),
        D("ec2_metadata_service_endpoint_mode", "ec2_metadata_service_endpoint_mode", "AWS_EC2_METADATA_SERVICE_ENDPOINT_MODE"),
        D("ec2_metadata_v1_disabled", "ec2_metadata_v1_disabled", "AWS_EC2_METADATA_V1_DISABLED", "false"),
        D("imds_use_ipv6", "imds_use_ipv6", "AWS_IMDS_USE_IPV6", "false"),
        D("use_dualstack_endpoint", "use_dualstack_endpoint", "AWS_USE_DUALSTACK_ENDPOINT"),
        D("use_fips_endpoint", "use_fips_endpoint", "AWS_USE_FIPS_ENDPOINT"),
        D("ignore_configured_endpoint_urls", "ignore_configured_endpoint_urls", "AWS_IGNORE_CONFIGURED_ENDPOINT_URLS"),
        D("parameter_validation", "parameter_validation", null, "true"),
        D("csm_enabled", "csm_enabled", "AWS_CSM_ENABLED", "false"),
        D("csm_host", "csm_host", "AWS_CSM_HOST", "127.0.0.1"),
        D("csm_port", "csm_port", "AWS_CSM_PORT", "31000"),
        D("csm_client_id", "csm_client_id", "AWS_CSM_CLIENT_ID", ""),
        D("endpoint_discovery_enabled", "endpoint_discovery_enabled", "AWS_ENDPOINT_DISCOVERY_ENABLED", "auto"),
        D("sts_regional_endpoints", "sts_regional_endpoints", "AWS_STS_REGIONAL_ENDPOINTS", "regional"),
        D("retry_mode", "retry_mode", "AWS_RETRY_MODE", "legacy"),
        D("defaults_mode", "defaults_mode", "AWS_DEFAULTS_MODE", "legacy"),
        D("max_attempts", "max_attempts", "AWS_MAX_ATTEMPTS"),
        D("user_agent_appid", "sdk_ua_app_id", "AWS_SDK_UA_APP_ID"),
        D("request_min_compression_size_bytes", "request_min_compression_size_bytes", "AWS_REQUEST_MIN_COMPRESSION_SIZE_BYTES", "10240"),
        D("disable_request_compression", "disable_request_compression", "AWS_DISABLE_REQUEST_COMPRESSION", "false"),
        D("sigv4a_signing_region_set", "sigv4a_signing_region_set", "AWS_SIGV4A_SIGNING_REGION_SET"),
        D("request_checksum_calculation", "request_checksum_calculation", "AWS_REQUEST_CHECKSUM_CALCULATION", "when_supported"),
        D("response_checksum_validation", "response_checksum_validation", "AWS_RESPONSE_CHECKSUM_VALIDATION", "when_supported"),
        D("account_id_endpoint_mode", "account_id_endpoint_mode", "AWS_ACCOUNT_ID_ENDPOINT_MODE", "preferred"),
        D("disable_host_prefix_injection", "disable_host_prefix_injection", "AWS_DISABLE_HOST_PREFIX_INJECTION"),
        D("auth_scheme_preference", "auth_scheme_preference", "AWS_AUTH_SCHEME_PREFERENCE"),
        D("tcp_keepalive", "tcp_keepalive", "BOTOCORE_TCP_KEEPALIVE"),
        D("s3_disable_express_session_auth", "s3_disable_express_session_auth", "AWS_S3_DISABLE_EXPRESS_SESSION_AUTH"),
        D("connect_timeout", null, null, "60"),
        // The S3 settings live in the profile's nested "s3 =" block; some also have a flat key and a variable.
        D("s3.addressing_style", "s3.addressing_style", null),
        D("s3.use_accelerate_endpoint", "s3.use_accelerate_endpoint", null),
        D("s3.use_dualstack_endpoint", "s3.use_dualstack_endpoint", null),
        D("s3.payload_signing_enabled", "s3.payload_signing_enabled", null),
        new SettingDefinition("s3.use_arn_region", "s3_use_arn_region|s3.use_arn_region", new[] { "AWS_S3_USE_ARN_REGION" }, null),
        new SettingDefinition("s3.us_east_1_regional_endpoint", "s3_us_east_1_regional_endpoint|s3.us_east_1_regional_endpoint", new[] { "AWS_S3_US_EAST_1_REGIONAL_ENDPOINT" }, null),
        D("s3.s3_disable_multiregion_access_points", "s3.s3_disable_multiregion_access_points", "AWS_S3_DISABLE_MULTIREGION_ACCESS_POINTS"),
    }.ToDictionary(d => d.Name, StringComparer.Ordinal);
}
