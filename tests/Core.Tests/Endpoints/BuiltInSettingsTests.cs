using AwsCore.Endpoints;

namespace AwsCore.Tests.Endpoints;

/// <summary>Client settings to built-in values, with the expectations botocore's ClientArgsCreator gives.</summary>
public sealed class BuiltInSettingsTests
{
    [Fact]
    public void DefaultsForARegionOnly()
    {
        var builtIns = new EndpointBuiltInSettings { Region = "us-east-1" }.ToBuiltIns();
        Assert.Equal("us-east-1", builtIns[EndpointBuiltIns.Region]);
        Assert.Equal(false, builtIns[EndpointBuiltIns.UseFips]);
        Assert.Equal(false, builtIns[EndpointBuiltIns.S3ForcePathStyle]);
        Assert.Equal(true, builtIns[EndpointBuiltIns.S3UseGlobalEndpoint]);
        Assert.Equal(false, builtIns[EndpointBuiltIns.StsUseGlobalEndpoint]);
        Assert.Equal(true, builtIns[EndpointBuiltIns.S3UseArnRegion]);
        Assert.Equal(false, builtIns[EndpointBuiltIns.S3ControlUseArnRegion]);
        Assert.Null(builtIns[EndpointBuiltIns.Endpoint]);
    }

    [Fact]
    public void ACustomEndpointTurnsOffFipsAndDualStackAndDefaultsToPathStyle()
    {
        var builtIns = new EndpointBuiltInSettings
        {
            Region = "us-west-2", UseFips = true, UseDualStack = true, EndpointUrl = "http://127.0.0.1:5000",
        }.ToBuiltIns();
        Assert.Equal(false, builtIns[EndpointBuiltIns.UseFips]);
        Assert.Equal(false, builtIns[EndpointBuiltIns.UseDualStack]);
        Assert.Equal(true, builtIns[EndpointBuiltIns.S3ForcePathStyle]);
        Assert.Equal(false, builtIns[EndpointBuiltIns.S3UseGlobalEndpoint]);
    }

    [Theory]
    [InlineData("https://s3-accelerate.amazonaws.com", null, false)]
    [InlineData("https://s3-accelerate.dualstack.amazonaws.com", null, false)]
    [InlineData("https://s3-accelerate.dualstack.dualstack.amazonaws.com", null, true)]
    [InlineData("https://example.com", "virtual", false)]
    [InlineData("https://example.com", "auto", true)]
    [InlineData(null, "path", true)]
    public void PathStyleFollowsTheEndpointAndAddressingStyle(string? endpoint, string? style, bool pathStyle)
    {
        var builtIns = new EndpointBuiltInSettings { Region = "us-west-2", EndpointUrl = endpoint, S3AddressingStyle = style }.ToBuiltIns();
        Assert.Equal(pathStyle, builtIns[EndpointBuiltIns.S3ForcePathStyle]);
    }

    [Fact]
    public void LegacyStsUsesTheGlobalEndpointInItsRegionsOnly()
    {
        Assert.Equal(true, new EndpointBuiltInSettings { Region = "eu-west-1", StsRegionalEndpoints = "legacy" }.ToBuiltIns()[EndpointBuiltIns.StsUseGlobalEndpoint]);
        Assert.Equal(false, new EndpointBuiltInSettings { Region = "af-south-1", StsRegionalEndpoints = "legacy" }.ToBuiltIns()[EndpointBuiltIns.StsUseGlobalEndpoint]);
        Assert.Throws<EndpointResolutionException>(() => new EndpointBuiltInSettings { StsRegionalEndpoints = "global" }.ToBuiltIns());
    }
}
