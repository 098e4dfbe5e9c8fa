using AwsCore.Auth;

namespace AwsCore.Tests.Auth;

public sealed class AuthSchemeResolverTests
{
    [Fact]
    public void EndpointAuthSchemeOverridesSigningNameAndRegion()
    {
        var schemes = new List<object?>
        {
            new Dictionary<string, object?> { ["name"] = "sigv4a", ["signingRegionSet"] = new List<object?> { "*" } },
            new Dictionary<string, object?> { ["name"] = "sigv4", ["signingName"] = "s3-outposts", ["signingRegion"] = "us-west-1", ["disableDoubleEncoding"] = true },
        };
        var scheme = AuthSchemeResolver.Resolve(new[] { "aws.auth#sigv4" }, null, "s3", "s3", "us-east-1", schemes);
        Assert.Equal(AuthSchemeKind.SigV4, scheme.Kind);
        Assert.Equal("s3-outposts", scheme.SigningName);
        Assert.Equal("us-west-1", scheme.SigningRegion);
        Assert.True(scheme.S3Variant);
    }

    [Fact]
    public void ModelDecidesWithoutEndpointSchemes()
    {
        var plain = AuthSchemeResolver.Resolve(null, null, "v4", "dynamodb", "eu-west-1");
        Assert.Equal(("dynamodb", "eu-west-1", false), (plain.SigningName, plain.SigningRegion, plain.S3Variant));
        Assert.True(AuthSchemeResolver.Resolve(null, null, "s3v4", "s3", "us-east-1").S3Variant);
        Assert.False(AuthSchemeResolver.Resolve(null, "v4-unsigned-body", "v4", "lambda", "us-east-1").PayloadSigningEnabled);
        Assert.Equal(AuthSchemeKind.None, AuthSchemeResolver.Resolve(new[] { "smithy.api#noAuth" }, null, "v4", "sts", "us-east-1").Kind);
        Assert.Equal(AuthSchemeKind.None, AuthSchemeResolver.Resolve(null, "none", "v4", "cognito-identity", "us-east-1").Kind);
        Assert.Equal(AuthSchemeKind.Bearer, AuthSchemeResolver.Resolve(new[] { "smithy.api#httpBearerAuth", "aws.auth#sigv4" }, null, "v4", "codecatalyst", "us-west-2").Kind);
        Assert.Equal(AuthSchemeKind.SigV4, AuthSchemeResolver.Resolve(new[] { "aws.auth#sigv4a", "aws.auth#sigv4" }, null, "v4", "events", "us-west-2").Kind);
    }

    [Fact]
    public void UnsupportedEndpointSchemesAreNamedInTheError()
    {
        var schemes = new List<object?> { new Dictionary<string, object?> { ["name"] = "sigv4a" } };
        var e = Assert.Throws<NotSupportedException>(() => AuthSchemeResolver.Resolve(null, null, "v4", "s3", "us-east-1", schemes));
        Assert.Contains("sigv4a", e.Message);
    }
}
