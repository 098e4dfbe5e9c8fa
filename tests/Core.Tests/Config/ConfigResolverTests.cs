using AwsCore.Config;

namespace AwsCore.Tests.Config;

public sealed class ConfigResolverTests
{
    private const string ConfigText = "[default]\nregion = us-east-1\n\n[profile dev]\n# dev account\nregion = eu-west-1\nretry_mode = adaptive\ns3 =\n  addressing_style = path\n  us_east_1_regional_endpoint = legacy\nservices = local\nendpoint_url = https://global.example\n\n[services local]\nelastic_load_balancing_v2 =\n  endpoint_url = http://localhost:4566\n";

    private static ConfigResolver Resolver(Dictionary<string, string>? env = null, Dictionary<string, string?>? explicitSettings = null, DefaultsModeConfiguration? defaults = null) =>
        new(env ?? new Dictionary<string, string>(), explicitSettings, defaults, SharedConfigFiles.Parse(ConfigText, "[dev]\naws_access_key_id = AKIDDEV\n", "/home/u/.aws/config", "/home/u/.aws/credentials"));

    [Fact]
    public void PrecedenceIsExplicitThenEnvironmentThenProfileThenDefault()
    {
        var env = new Dictionary<string, string> { ["AWS_PROFILE"] = "dev", ["AWS_RETRY_MODE"] = "standard" };
        var fromProfile = Resolver(env).Get("region");
        Assert.Equal(("eu-west-1", SettingSourceKind.Profile, "profile dev in /home/u/.aws/config line 6"), (fromProfile.Value, fromProfile.Kind, fromProfile.Source));

        env["AWS_DEFAULT_REGION"] = "ap-south-1";
        var fromEnv = Resolver(env).Get("region");
        Assert.Equal(("ap-south-1", "environment variable AWS_DEFAULT_REGION"), (fromEnv.Value, fromEnv.Source));

        var fromArgument = Resolver(env, new Dictionary<string, string?> { ["region"] = "sa-east-1" }).Get("region");
        Assert.Equal((SettingSourceKind.Explicit, "sa-east-1"), (fromArgument.Kind, fromArgument.Value));

        Assert.Equal("environment variable AWS_RETRY_MODE", Resolver(env).Get("retry_mode").Source);
        var fallback = Resolver(new Dictionary<string, string>()).Get("retry_mode");
        Assert.Equal(("legacy", SettingSourceKind.Default), (fallback.Value, fallback.Kind));
        Assert.Equal(SettingSourceKind.Unset, Resolver().Get("max_attempts").Kind);
    }

    [Fact]
    public void AwsRegionIsTheFallbackAfterAwsDefaultRegion()
    {
        Assert.Equal("environment variable AWS_REGION", Resolver(new() { ["AWS_REGION"] = "us-west-1" }).Get("region").Source);
        Assert.Equal("b", Resolver(new() { ["AWS_REGION"] = "a", ["AWS_DEFAULT_REGION"] = "b" }).Get("region").Value);
    }

    [Fact]
    public void NestedS3SettingsAndNumbersAreRead()
    {
        var r = Resolver(new() { ["AWS_PROFILE"] = "dev", ["AWS_MAX_ATTEMPTS"] = "7", ["AWS_METADATA_SERVICE_TIMEOUT"] = "nope" });
        Assert.Equal("path", r.Get("s3.addressing_style").Value);
        Assert.Equal(7, r.Get("max_attempts").AsInt32());
        var e = Assert.Throws<FormatException>(() => r.Get("metadata_service_timeout").AsInt32());
        Assert.Contains("AWS_METADATA_SERVICE_TIMEOUT", e.Message);
        Assert.Equal(1, Resolver().Get("metadata_service_timeout").AsInt32());
    }

    [Fact]
    public void MissingProfileNamesItTheVariableAndBothFiles()
    {
        var e = Assert.Throws<ProfileNotFoundException>(() => Resolver(new() { ["AWS_PROFILE"] = "nope" }).Get("region"));
        Assert.Contains("(nope)", e.Message);
        Assert.Contains("AWS_PROFILE", e.Message);
        Assert.Contains("/home/u/.aws/config", e.Message);
        Assert.Contains("/home/u/.aws/credentials", e.Message);
        Assert.Null(new ConfigResolver(new Dictionary<string, string>(), files: SharedConfigFiles.Empty("c", "k")).Get("region").Value);
    }

    [Fact]
    public void ConfiguredEndpointComesFromTheServiceIdDerivedNames()
    {
        var env = new Dictionary<string, string> { ["AWS_PROFILE"] = "dev" };
        var fromServices = Resolver(env).ResolveConfiguredEndpointUrl("Elastic Load Balancing v2");
        Assert.Equal("http://localhost:4566", fromServices.Value);
        Assert.Contains("[services local]", fromServices.Source);
        Assert.Equal("https://global.example", Resolver(env).ResolveConfiguredEndpointUrl("DynamoDB").Value);

        env["AWS_ENDPOINT_URL_ELASTIC_LOAD_BALANCING_V2"] = "http://env-elb";
        Assert.Equal("environment variable AWS_ENDPOINT_URL_ELASTIC_LOAD_BALANCING_V2", Resolver(env).ResolveConfiguredEndpointUrl("Elastic Load Balancing v2").Source);
        env["AWS_IGNORE_CONFIGURED_ENDPOINT_URLS"] = "TRUE";
        Assert.Null(Resolver(env).ResolveConfiguredEndpointUrl("Elastic Load Balancing v2").Value);
        Assert.Equal("http://given", Resolver(env).ResolveConfiguredEndpointUrl("S3", "http://given").Value);
    }

    [Fact]
    public void MissingServicesSectionIsAnErrorWithFileAndLine()
    {
        var files = SharedConfigFiles.Parse("[default]\nregion = x\nservices = ghost\n", null, "/c");
        var e = Assert.Throws<ConfigFileException>(() => new ConfigResolver(new Dictionary<string, string>(), files: files).ResolveConfiguredEndpointUrl("S3"));
        Assert.Equal(3, e.Line);
        Assert.Contains("ghost", e.Message);
    }

    [Fact]
    public void DefaultsModeSuppliesTheLowestPrecedenceValues()
    {
        var json = File.ReadAllText(Path.Combine(BotocoreData(), "sdk-default-configuration.json"));
        var defaults = DefaultsModeConfiguration.Parse(json);
        var standard = Resolver(new() { ["AWS_DEFAULTS_MODE"] = "standard" }, defaults: defaults);
        var retry = standard.Get("retry_mode");
        Assert.Equal(("standard", SettingSourceKind.DefaultsMode), (retry.Value, retry.Kind));
        Assert.Equal("3.1", standard.Get("connect_timeout").Value);
        Assert.Equal("1.1", Resolver(new() { ["AWS_DEFAULTS_MODE"] = "in-region" }, defaults: defaults).Get("connect_timeout").Value);
        Assert.Equal("legacy", Resolver(new() { ["AWS_PROFILE"] = "dev", ["AWS_DEFAULTS_MODE"] = "standard" }, defaults: defaults).Get("s3.us_east_1_regional_endpoint").Value);
        Assert.Equal("legacy", Resolver(defaults: defaults).Get("retry_mode").Value);
        Assert.Equal("cross-region", DefaultsModeConfiguration.ResolveAutoMode("us-east-1", new Dictionary<string, string> { ["AWS_EXECUTION_ENV"] = "AWS_Lambda_python3.12", ["AWS_REGION"] = "eu-west-1" }));
        Assert.Equal("in-region", DefaultsModeConfiguration.ResolveAutoMode("eu-west-1", new Dictionary<string, string> { ["AWS_EXECUTION_ENV"] = "x", ["AWS_REGION"] = "eu-west-1" }));
        Assert.Equal("standard", DefaultsModeConfiguration.ResolveAutoMode("eu-west-1", new Dictionary<string, string>()));
        Assert.Throws<ArgumentException>(() => defaults.ValuesFor("turbo"));
    }

    [Fact]
    public void PathsExpandHomeAndVariables()
    {
        var r = new ConfigResolver(new Dictionary<string, string> { ["HOME"] = "/home/x", ["DIR"] = "cfg", ["AWS_CONFIG_FILE"] = "~/$DIR/${DIR}/config" });
        Assert.Equal("/home/x/cfg/cfg/config", r.ExpandPath(r.Get("config_file").Value!));
        Assert.Equal("/home/x/.aws/credentials", r.ExpandPath(r.Get("credentials_file").Value!));
        Assert.Equal("$NOPE/x", r.ExpandPath("$NOPE/x"));
    }

    internal static string BotocoreData()
    {
        var output = AwsCore.Tests.Auth.PythonOracle.Run("import botocore, os; print(os.path.join(os.path.dirname(botocore.__file__), 'data'))");
        return output.Trim();
    }
}
