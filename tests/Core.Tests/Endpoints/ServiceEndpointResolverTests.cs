using AwsCore.Endpoints;
using AwsCore.Models;

namespace AwsCore.Tests.Endpoints;

/// <summary>Endpoint resolution for an operation of a real service model, as a client runs it.</summary>
public sealed class ServiceEndpointResolverTests
{
    private static readonly Lazy<ModelLoader> Loader = new(() => new ModelLoader(new[] { PythonBotocore.Data }));

    private static ServiceEndpointResolver For(string service, EndpointBuiltInSettings settings, bool useSsl = true) =>
        ServiceEndpointResolver.ForService(Loader.Value.GetService(service), PartitionSet.For(Loader.Value), settings.ToBuiltIns(), useSsl: useSsl);

    [Fact]
    public void S3GetObjectGoesToTheVirtualHostedBucket()
    {
        var resolver = For("s3", new EndpointBuiltInSettings { Region = "eu-west-1" });
        var s3 = Loader.Value.GetService("s3");
        var endpoint = resolver.Resolve(s3.GetOperation("GetObject"), new Dictionary<string, object?> { ["Bucket"] = "my-bucket", ["Key"] = "a/b.txt" });
        Assert.Equal("https://my-bucket.s3.eu-west-1.amazonaws.com", endpoint.Url);
        var scheme = Assert.Single(endpoint.AuthSchemes);
        Assert.Equal("sigv4", scheme["name"]);
        Assert.Equal("s3", scheme["signingName"]);
        Assert.Equal("eu-west-1", scheme["signingRegion"]);
        Assert.Equal(true, scheme["disableDoubleEncoding"]);
    }

    [Fact]
    public void ACustomEndpointMeansPathStyleAndAPerCallOverrideWins()
    {
        var resolver = For("s3", new EndpointBuiltInSettings { Region = "us-east-1", EndpointUrl = "http://minio.local:9000" });
        var getObject = Loader.Value.GetService("s3").GetOperation("GetObject");
        var input = new Dictionary<string, object?> { ["Bucket"] = "my-bucket", ["Key"] = "k" };
        Assert.Equal("http://minio.local:9000/my-bucket", resolver.Resolve(getObject, input).Url);
        var virtualHosted = resolver.Resolve(getObject, input, new Dictionary<string, object?> { [EndpointBuiltIns.S3ForcePathStyle] = false });
        Assert.Equal("http://my-bucket.minio.local:9000", virtualHosted.Url);
        // An IP address endpoint stays path-style whatever is asked: the rule set checks parseURL's isIp.
        var local = For("s3", new EndpointBuiltInSettings { Region = "us-east-1", EndpointUrl = "http://127.0.0.1:5000", S3AddressingStyle = "virtual" });
        Assert.Equal("http://127.0.0.1:5000/my-bucket", local.Resolve(getObject, input).Url);
    }

    [Fact]
    public void DynamoDbBatchGetItemTakesItsTableArnsThroughJmesPath()
    {
        var resolver = For("dynamodb", new EndpointBuiltInSettings { Region = "us-east-1", AccountIdEndpointMode = "preferred" });
        var batchGet = Loader.Value.GetService("dynamodb").GetOperation("BatchGetItem");
        var input = new Dictionary<string, object?>
        {
            ["RequestItems"] = new Dictionary<string, object?> { ["arn:aws:dynamodb:us-east-1:333333333333:table/t"] = new Dictionary<string, object?>() },
        };
        var parameters = resolver.BuildParameters(batchGet, input);
        Assert.Equal(new List<object?> { "arn:aws:dynamodb:us-east-1:333333333333:table/t" }, parameters["ResourceArnList"]);
        Assert.Equal("https://333333333333.ddb.us-east-1.amazonaws.com", resolver.Resolve(batchGet, input).Url);
    }

    [Fact]
    public void WithoutSslTheRuleSetsHttpsBecomesHttp()
    {
        var resolver = For("sqs", new EndpointBuiltInSettings { Region = "us-west-2" }, useSsl: false);
        var endpoint = resolver.Resolve(Loader.Value.GetService("sqs").GetOperation("ListQueues"), new Dictionary<string, object?>());
        Assert.Equal("http://sqs.us-west-2.amazonaws.com", endpoint.Url);
    }

    [Fact]
    public void RuleSetErrorsReachTheCaller()
    {
        var resolver = For("sts", new EndpointBuiltInSettings { Region = "us-east-1", UseFips = true, UseDualStack = true, EndpointUrl = null });
        var endpoint = resolver.Resolve(Loader.Value.GetService("sts").GetOperation("GetCallerIdentity"), null);
        Assert.Equal("https://sts-fips.us-east-1.api.aws", endpoint.Url);
        var noRegion = For("sts", new EndpointBuiltInSettings());
        var e = Assert.Throws<EndpointResolutionException>(() => noRegion.Resolve(Loader.Value.GetService("sts").GetOperation("GetCallerIdentity"), null));
        Assert.Equal("Invalid Configuration: Missing Region", e.Message);
    }

    [Fact]
    public void S3ArnErrorsBecomeBotocoresExceptions()
    {
        var resolver = For("s3", new EndpointBuiltInSettings { Region = "us-west-2", UseArnRegion = false });
        var getObject = Loader.Value.GetService("s3").GetOperation("GetObject");
        var input = new Dictionary<string, object?> { ["Bucket"] = "arn:aws:s3:us-east-1:123456789012:accesspoint:myendpoint", ["Key"] = "k" };
        var e = Assert.Throws<EndpointResolutionException>(() => resolver.Resolve(getObject, input));
        Assert.Equal("UnsupportedS3AccesspointConfigurationError", e.Kind);
        Assert.Equal("Invalid configuration: region from ARN `us-east-1` does not match client region `us-west-2` and UseArnRegion is `false`", e.RuleMessage);
        Assert.Equal("Unsupported configuration when using S3 access-points: " + e.RuleMessage, e.Message);

        var notS3 = new Dictionary<string, object?> { ["Bucket"] = "arn:aws:sqs:us-west-2:123456789012:accesspoint:x", ["Key"] = "k" };
        var invalid = Assert.Throws<EndpointResolutionException>(() => resolver.Resolve(getObject, notS3));
        Assert.Equal("ParamValidationError", invalid.Kind);
        Assert.StartsWith("Parameter validation failed:\nInvalid ARN:", invalid.Message);
    }

    [Fact]
    public void OtherErrorsKeepTheRuleSetsMessage()
    {
        var e = Assert.Throws<EndpointResolutionException>(() =>
            For("sqs", new EndpointBuiltInSettings()).Resolve(Loader.Value.GetService("sqs").GetOperation("ListQueues"), null));
        Assert.Equal(EndpointResolutionException.DefaultKind, e.Kind);
        Assert.Equal(e.RuleMessage, e.Message);
    }
}
