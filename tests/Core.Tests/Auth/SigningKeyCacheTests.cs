using AwsCore.Auth;
using AwsCore.Credentials;
using AwsCore.Http;

namespace AwsCore.Tests.Auth;

public sealed class SigningKeyCacheTests
{
    private const string Secret = "cacheSecretValue123456";

    [Fact]
    public void KeyIsDerivedOncePerScopeAndReused()
    {
        var cache = new SigningKeyCache();
        var first = cache.GetKey(Secret, "20240101", "us-east-1", "s3");
        Assert.Same(first, cache.GetKey(Secret, "20240101", "us-east-1", "s3"));
        Assert.NotSame(first, cache.GetKey(Secret, "20240102", "us-east-1", "s3"));
        Assert.NotSame(first, cache.GetKey(Secret + "x", "20240101", "us-east-1", "s3"));
        Assert.Equal(3, cache.Count);
        Assert.Equal(SigningKeyCache.Derive(Secret, "20240101", "us-east-1", "s3"), first);
    }

    [Fact]
    public void CacheStaysBounded()
    {
        var cache = new SigningKeyCache();
        for (var i = 0; i < SigningKeyCache.Capacity * 2; i++) cache.GetKey(Secret, "20240101", "region-" + i, "s3");
        Assert.True(cache.Count <= SigningKeyCache.Capacity);
    }

    [Fact]
    public void SigningAcrossMidnightUsesTheNewDate()
    {
        var now = new DateTimeOffset(2024, 1, 1, 23, 59, 59, TimeSpan.Zero);
        var signer = new SigV4Signer(() => now, new SigningKeyCache());
        var creds = new AwsCredentials("AKID", Secret);
        var request = new AwsHttpRequest { Endpoint = new Uri("https://sts.amazonaws.com") };
        signer.Sign(request, creds, new SigV4SigningOptions("us-east-1", "sts"));
        Assert.Contains("/20240101/", request.Headers["Authorization"]);
        now = now.AddSeconds(2);
        signer.Sign(request, creds, new SigV4SigningOptions("us-east-1", "sts"));
        Assert.Contains("/20240102/", request.Headers["Authorization"]);
        Assert.Equal("20240102T000001Z", request.Headers["X-Amz-Date"]);
    }

    [Fact]
    public void BearerSignerSetsTheHeaderAndRefusesNoToken()
    {
        var request = new AwsHttpRequest();
        request.Headers["authorization"] = "old";
        BearerTokenSigner.Sign(request, "tok123");
        Assert.Equal("Bearer tok123", request.Headers["Authorization"]);
        Assert.Throws<InvalidOperationException>(() => BearerTokenSigner.Sign(request, null));
    }

    [Fact]
    public void ConcurrentSigningGivesOneSignaturePerRequest()
    {
        var signer = new SigV4Signer(() => new DateTimeOffset(2024, 5, 5, 5, 5, 5, TimeSpan.Zero), new SigningKeyCache());
        var creds = new AwsCredentials("AKID", Secret);
        var results = new string[64];
        Parallel.For(0, results.Length, i =>
        {
            var request = new AwsHttpRequest { Endpoint = new Uri("https://sqs.us-east-1.amazonaws.com"), Body = new byte[] { 1, 2, 3 } };
            signer.Sign(request, creds, new SigV4SigningOptions("us-east-1", "sqs"));
            results[i] = request.Headers["Authorization"];
        });
        Assert.Single(results.Distinct());
    }
}
