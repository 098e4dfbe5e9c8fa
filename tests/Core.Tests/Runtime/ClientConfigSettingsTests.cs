using AwsCore.Http;
using AwsCore.Runtime;

namespace AwsCore.Tests.Runtime;

public sealed class ClientConfigSettingsTests
{
    private static Func<string, string?> Settings(params (string Name, string Value)[] values)
    {
        var map = values.ToDictionary(v => v.Name, v => v.Value);
        return name => map.TryGetValue(name, out var value) ? value : null;
    }

    [Fact]
    public void ResolvedSettingsBecomeAConfig()
    {
        var config = ClientConfig.FromSettings(Settings(
            ("region", "eu-west-1"), ("retry_mode", "Standard"), ("max_attempts", "7"), ("user_agent_appid", "app"),
            ("request_min_compression_size_bytes", "2048"), ("disable_request_compression", "TRUE"),
            ("request_checksum_calculation", "WHEN_REQUIRED"), ("response_checksum_validation", "when_supported"),
            ("tcp_keepalive", "true"), ("use_fips_endpoint", "false"), ("endpoint_discovery_enabled", "auto"),
            ("connect_timeout", "2.5"), ("disable_host_prefix_injection", "true"),
            ("s3.addressing_style", "path"), ("s3.use_arn_region", "true")));
        Assert.Equal("eu-west-1", config.Region);
        Assert.Equal(RetryMode.Standard, config.Retries!.Mode);
        Assert.Equal(7, config.Retries.EffectiveTotalMaxAttempts);
        Assert.Equal("app", config.UserAgentAppId);
        Assert.Equal(2048, config.RequestMinCompressionSizeBytes);
        Assert.True(config.DisableRequestCompression);
        Assert.Equal(RequestChecksumCalculation.WhenRequired, config.RequestChecksumCalculation);
        Assert.True(config.IsSet(nameof(ClientConfig.ResponseChecksumValidation)));
        Assert.True(config.TcpKeepalive);
        Assert.False(config.UseFipsEndpoint);
        Assert.Null(config.EndpointDiscoveryEnabled);
        Assert.Equal(TimeSpan.FromSeconds(2.5), config.ConnectTimeout);
        Assert.False(config.InjectHostPrefix);
        Assert.Equal(S3AddressingStyle.Path, config.S3!.AddressingStyle);
        Assert.True(config.S3.UseArnRegion);
        Assert.Null(ClientConfig.FromSettings(Settings()).S3);
        Assert.Empty(ClientConfig.FromSettings(Settings()).SetOptions);
    }

    [Theory]
    [InlineData("retry_mode", "fast", "legacy, standard, adaptive")]
    [InlineData("max_attempts", "many", "an integer")]
    [InlineData("request_checksum_calculation", "always", "when_supported, when_required")]
    [InlineData("s3.addressing_style", "dns", "auto, virtual, path")]
    [InlineData("account_id_endpoint_mode", "maybe", "preferred, disabled, required")]
    [InlineData("connect_timeout", "-1", "seconds")]
    public void InvalidValuesNameTheSetting(string name, string value, string expected)
    {
        var e = Assert.Throws<ArgumentException>(() => ClientConfig.FromSettings(Settings((name, value))));
        Assert.Contains(name, e.Message);
        Assert.Contains(expected, e.Message);
    }

    [Fact]
    public void TheUsersConfigWinsButRetriesAndS3CombineMemberByMember()
    {
        var resolved = ClientConfig.FromSettings(Settings(("region", "us-east-1"), ("retry_mode", "legacy"), ("max_attempts", "6"),
            ("s3.addressing_style", "path"), ("s3.use_arn_region", "true")));
        var user = new ClientConfig
        {
            Region = "ap-south-1",
            Retries = new RetryConfig { Mode = RetryMode.Adaptive },
            S3 = new S3Config { UseAccelerateEndpoint = true },
        };
        var effective = ClientConfig.Effective(resolved, user);
        Assert.Equal("ap-south-1", effective.Region);
        Assert.Equal(RetryMode.Adaptive, effective.Retries!.Mode);
        Assert.Equal(6, effective.Retries.EffectiveTotalMaxAttempts);
        Assert.Equal(S3AddressingStyle.Path, effective.S3!.AddressingStyle);
        Assert.True(effective.S3.UseAccelerateEndpoint);
        Assert.True(effective.S3.UseArnRegion);

        var userAttempts = ClientConfig.Effective(resolved, new ClientConfig { Retries = new RetryConfig { MaxAttempts = 2 } });
        Assert.Equal(RetryMode.Legacy, userAttempts.Retries!.Mode);
        Assert.Equal(3, userAttempts.Retries.EffectiveTotalMaxAttempts);

        Assert.Same(resolved, ClientConfig.Effective(resolved, null));
        // Config.merge itself replaces nested settings whole
        Assert.Null(resolved.Merge(user).S3!.AddressingStyle);
    }
}
