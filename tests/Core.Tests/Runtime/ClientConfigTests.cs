using AwsCore.Http;
using AwsCore.Runtime;

namespace AwsCore.Tests.Runtime;

public sealed class ClientConfigTests
{
    [Fact]
    public void UnsetOptionsReadAsBotocoresDefaults()
    {
        var config = new ClientConfig();
        Assert.Equal(TimeSpan.FromSeconds(60), config.ConnectTimeout);
        Assert.Equal(TimeSpan.FromSeconds(60), config.ReadTimeout);
        Assert.Equal(10, config.MaxPoolConnections);
        Assert.True(config.ParameterValidation);
        Assert.True(config.InjectHostPrefix);
        Assert.Equal(10240, config.RequestMinCompressionSizeBytes);
        Assert.False(config.DisableRequestCompression);
        Assert.Equal(RequestChecksumCalculation.WhenSupported, config.RequestChecksumCalculation);
        Assert.Equal(ResponseChecksumValidation.WhenSupported, config.ResponseChecksumValidation);
        Assert.Null(config.Region);
        Assert.Null(config.Retries);
        Assert.Empty(config.SetOptions);
        Assert.False(config.IsSet(nameof(ClientConfig.ConnectTimeout)));
    }

    [Fact]
    public void WithCopiesChangeOnlyWhatTheyName()
    {
        var original = new ClientConfig { Region = "eu-west-1" };
        var changed = original with { ReadTimeout = TimeSpan.FromSeconds(5) };
        Assert.Equal("eu-west-1", changed.Region);
        Assert.Equal(TimeSpan.FromSeconds(5), changed.ReadTimeout);
        Assert.Equal(TimeSpan.FromSeconds(60), original.ReadTimeout);
        Assert.Equal(new[] { "Region", "ReadTimeout" }, changed.SetOptions);
    }

    [Fact]
    public void MergeLetsOnlyExplicitlySetValuesWin()
    {
        var resolved = new ClientConfig
        {
            Region = "us-east-1",
            ConnectTimeout = TimeSpan.FromSeconds(10),
            Retries = new RetryConfig { Mode = RetryMode.Standard, MaxAttempts = 4 },
            S3 = new S3Config { AddressingStyle = S3AddressingStyle.Path, UseArnRegion = true },
            ParameterValidation = false,
        };
        var user = new ClientConfig
        {
            Region = "eu-central-1",
            Retries = new RetryConfig { MaxAttempts = 2 },
            S3 = new S3Config { UseAccelerateEndpoint = true },
            ReadTimeout = TimeSpan.FromSeconds(60), // set, even though equal to the default
        };
        var merged = resolved.Merge(user);
        Assert.Equal("eu-central-1", merged.Region);
        Assert.Equal(TimeSpan.FromSeconds(10), merged.ConnectTimeout);
        Assert.True(merged.IsSet(nameof(ClientConfig.ReadTimeout)));
        Assert.False(merged.ParameterValidation);
        // nested settings are replaced whole, as botocore's dict update does
        Assert.Null(merged.Retries!.Mode);
        Assert.Equal(2, merged.Retries.MaxAttempts);
        Assert.Null(merged.S3!.AddressingStyle);
        Assert.True(merged.S3.UseAccelerateEndpoint);
        Assert.Same(resolved, resolved.Merge(null));
        Assert.Equal("us-east-1", resolved.Region);
    }

    [Fact]
    public void InvalidValuesAreRefusedWhereTheyAreGiven()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new ClientConfig { RequestMinCompressionSizeBytes = 0 });
        Assert.Throws<ArgumentOutOfRangeException>(() => new ClientConfig { RequestMinCompressionSizeBytes = 1048577 });
        Assert.Throws<ArgumentOutOfRangeException>(() => new ClientConfig { MaxPoolConnections = 0 });
        Assert.Throws<ArgumentOutOfRangeException>(() => new ClientConfig { ReadTimeout = TimeSpan.FromSeconds(-1) });
        Assert.Throws<ArgumentOutOfRangeException>(() => new RetryConfig { MaxAttempts = -1 });
        Assert.Throws<ArgumentOutOfRangeException>(() => new RetryConfig { TotalMaxAttempts = 0 });
        var e = Assert.Throws<ArgumentException>(() => new ClientConfig { AccountIdEndpointMode = "sometimes" });
        Assert.Contains("preferred, disabled, required", e.Message);
        Assert.Throws<ArgumentException>(() => new ClientConfig { EndpointUrl = "not a url" });
        Assert.Throws<ArgumentException>(() => new ClientConfig().IsSet("Nope"));
    }

    [Fact]
    public void RetryAttemptsCountTheFirstAttemptOnlyInTotal()
    {
        Assert.Equal(4, new RetryConfig { MaxAttempts = 3 }.EffectiveTotalMaxAttempts);
        Assert.Equal(2, new RetryConfig { MaxAttempts = 3, TotalMaxAttempts = 2 }.EffectiveTotalMaxAttempts);
        Assert.Null(new RetryConfig { Mode = RetryMode.Adaptive }.EffectiveTotalMaxAttempts);
    }

    [Fact]
    public void ToStringShowsSetOptionsAndMasksProxyCredentials()
    {
        var config = new ClientConfig
        {
            Region = "us-west-2",
            Proxies = new Dictionary<string, string> { ["https"] = "http://alice:s3cret@proxy.local:8080" },
            EndpointUrl = "https://bob:hunter2@example.com",
        };
        var text = config.ToString();
        Assert.Contains("Region = us-west-2", text);
        Assert.Contains("https = http://***@proxy.local:8080", text);
        Assert.DoesNotContain("s3cret", text);
        Assert.DoesNotContain("hunter2", text);
        Assert.Equal("ClientConfig { }", new ClientConfig().ToString());
    }
}
