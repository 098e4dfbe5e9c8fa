using AwsCore.Credentials;
using AwsCore.Http;
using AwsCore.Runtime;
using AwsCore.Tests.Integration;
using System.Text.RegularExpressions;

namespace AwsCore.Tests.Resilience;

/// <summary>
/// Calls that fail every way they can, made with a secret key and session token: neither, nor any request signature the
/// server saw, may appear in an exception's ToString (inner exceptions included), the client's provenance, or the
/// ToString of the configuration and credentials.
/// </summary>
public sealed class SecretLeakTests
{
    private static readonly AwsCredentials Credentials = new(FaultClients.AccessKey, FaultClients.SecretKey, FaultClients.SessionToken, source: "test");

    [Fact]
    public async Task NoFailureRevealsTheSecretTheTokenOrTheSignature()
    {
        var texts = new List<string>();
        var signatures = new List<string>();

        using (var fault = new FaultServer((_, _, c) => Answers.StsError(c, 403, "SignatureDoesNotMatch")))
        {
            var client = Create(fault.Server.Url.ToString(), "us-east-1");
            texts.Add((await Assert.ThrowsAsync<AwsServiceException>(() => client.InvokeAsync("GetCallerIdentity"))).ToString());
            texts.AddRange(client.Provenance);
            signatures.AddRange(SignaturesSeen(fault));
        }
        using (var fault = new FaultServer((_, _, c) => { c.Reset(); return Task.CompletedTask; }))
        {
            var client = Create(fault.Server.Url.ToString(), "us-east-1");
            texts.Add((await Assert.ThrowsAsync<AwsTransportException>(() => client.InvokeAsync("GetCallerIdentity"))).ToString());
            signatures.AddRange(SignaturesSeen(fault));
        }
        using (var fault = new FaultServer((_, _, c) => Task.Delay(TimeSpan.FromSeconds(2)).ContinueWith(_ => Answers.StsIdentity(c)).Unwrap()))
        {
            var client = Create(fault.Server.Url.ToString(), "us-east-1", new ClientConfig { ReadTimeout = TimeSpan.FromMilliseconds(200) });
            texts.Add((await Assert.ThrowsAsync<AwsTransportException>(() => client.InvokeAsync("GetCallerIdentity"))).ToString());
            signatures.AddRange(SignaturesSeen(fault));
        }
        using (var fault = new FaultServer((_, _, c) => Answers.StsIdentity(c)))
        {
            var client = Create(fault.Server.Url.ToString(), "us-east-1");
            texts.Add((await Assert.ThrowsAsync<ParameterValidationException>(() => client.InvokeAsync("AssumeRole",
                new Dictionary<string, object?> { ["RoleArn"] = "short", ["DurationSeconds"] = "not a number" }))).ToString());
        }
        var noRegion = CallError(() => Create("http://127.0.0.1:9", region: null).Invoke("GetCallerIdentity"));
        Assert.Contains("region", noRegion, StringComparison.OrdinalIgnoreCase);
        texts.Add(noRegion);
        var badProfile = CallError(() => Create("http://127.0.0.1:9", "us-east-1", profile: "no-such-profile").Invoke("GetCallerIdentity"));
        Assert.Contains("no-such-profile", badProfile);
        texts.Add(badProfile);
        texts.Add(new ClientConfig { Region = "us-east-1", EndpointUrl = "http://user:" + FaultClients.SecretKey + "@127.0.0.1:9" }.ToString());
        texts.Add(Credentials.ToString()!);

        Assert.NotEmpty(signatures);
        foreach (var text in texts)
        {
            Assert.DoesNotContain(FaultClients.SecretKey, text);
            Assert.DoesNotContain(FaultClients.SessionToken, text);
            foreach (var signature in signatures) Assert.DoesNotContain(signature, text);
        }
    }

    private static AwsClient Create(string endpoint, string? region, ClientConfig? config = null, string? profile = null) =>
        AwsClientFactory.Create("sts", new ClientOptions
        {
            Region = region,
            ProfileName = profile,
            EndpointUrl = endpoint,
            Credentials = Credentials,
            Config = new ClientConfig { Retries = new RetryConfig { Mode = RetryMode.Standard, TotalMaxAttempts = 2 } }.Merge(config),
            Environment = MotoClients.IsolatedEnvironment(),
        });

    /// <summary>Runs a call that must fail (at client creation or at the call) and gives the failure's full text.</summary>
    private static string CallError(Action call)
    {
        try
        {
            call();
        }
        catch (Exception e)
        {
            return e.ToString();
        }
        throw new Xunit.Sdk.XunitException("the call was expected to fail");
    }

    private static IEnumerable<string> SignaturesSeen(FaultServer fault) =>
        fault.Requests.Select(r => Regex.Match(r.Headers["Authorization"], "Signature=([0-9a-f]{64})").Groups[1].Value);
}
