using AwsCore.Config;
using AwsCore.Credentials;
using AwsCore.Runtime;
using AwsCore.Tests.Integration;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace AwsCore.Tests.Resilience;

/// <summary>Credential providers of the caller's own, instead of or ahead of the default chain; and no credentials at all.</summary>
public sealed class CredentialProviderTests
{
    [Fact]
    public async Task ACustomProviderSignsTheCalls()
    {
        using var fault = new FaultServer((_, _, c) => Answers.StsIdentity(c));
        var provider = new CountingProvider(new AwsCredentials("AKIDCUSTOMPROVIDER", "custom-secret", source: "vault"));
        var client = Create(fault, provider, MotoClients.IsolatedEnvironment());

        await client.InvokeAsync("GetCallerIdentity");
        await client.InvokeAsync("GetCallerIdentity");

        Assert.All(fault.Requests, r => Assert.Contains("Credential=AKIDCUSTOMPROVIDER/", r.Headers["Authorization"]));
        Assert.Equal(2, provider.Calls);
    }

    [Fact]
    public async Task ACustomProviderAheadOfTheDefaultChainWinsAndTheChainAnswersWhenItHasNothing()
    {
        using var fault = new FaultServer((_, _, c) => Answers.StsIdentity(c));
        var environment = new Dictionary<string, string>(MotoClients.IsolatedEnvironment())
        {
            ["AWS_ACCESS_KEY_ID"] = "AKIDFROMENVIRONMENT",
            ["AWS_SECRET_ACCESS_KEY"] = "environment-secret",
        };
        var chain = new DefaultCredentialChain(new CredentialProviderOptions(new ConfigResolver(environment)));
        var mine = new CountingProvider(new AwsCredentials("AKIDAHEADOFCHAIN", "ahead-secret", source: "mine"));

        await Create(fault, new FirstOf(mine, chain), environment).InvokeAsync("GetCallerIdentity");
        await Create(fault, new FirstOf(new CountingProvider(null), chain), environment).InvokeAsync("GetCallerIdentity");

        Assert.Contains("Credential=AKIDAHEADOFCHAIN/", fault.Requests[0].Headers["Authorization"]);
        Assert.Contains("Credential=AKIDFROMENVIRONMENT/", fault.Requests[1].Headers["Authorization"]);
    }

    [Fact]
    public async Task NoCredentialsAnywhereFailsFastAtCallTimeListingTheSources()
    {
        using var fault = new FaultServer((_, _, c) => Answers.StsIdentity(c));
        var environment = new Dictionary<string, string>(MotoClients.IsolatedEnvironment())
        {
            ["AWS_EC2_METADATA_SERVICE_ENDPOINT"] = $"http://127.0.0.1:{ClosedPort()}/",
        };
        var client = AwsClientFactory.Create("sts", new ClientOptions
        {
            Region = "us-east-1", EndpointUrl = fault.Server.Url.ToString(), Environment = environment,
        });

        var clock = Stopwatch.StartNew();
        var error = await Assert.ThrowsAsync<NoCredentialsException>(() => client.InvokeAsync("GetCallerIdentity"));

        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5), $"took {clock.Elapsed.TotalSeconds:F1} s to give up");
        Assert.Empty(fault.Requests);
        foreach (var source in new[] { "env", "shared-credentials-file", "iam-role" })
        {
            Assert.Contains(source, error.SourcesTried);
            Assert.Contains(source, error.Message);
        }
    }

    private static AwsClient Create(FaultServer fault, ICredentialProvider provider, IReadOnlyDictionary<string, string> environment) =>
        AwsClientFactory.Create("sts", new ClientOptions
        {
            Region = "us-east-1",
            EndpointUrl = fault.Server.Url.ToString(),
            CredentialProvider = provider,
            Environment = environment,
        });

    private static int ClosedPort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    private sealed class CountingProvider : ICredentialProvider
    {
        private readonly AwsCredentials? _credentials;

        public CountingProvider(AwsCredentials? credentials) => _credentials = credentials;

        public int Calls { get; private set; }

        public string Name => "counting";

        public Task<AwsCredentials?> ResolveAsync(CancellationToken cancellationToken = default)
        {
            Calls++;
            return Task.FromResult(_credentials);
        }
    }

    /// <summary>The first provider that has credentials, as a caller composes its own chain.</summary>
    private sealed class FirstOf : ICredentialProvider
    {
        private readonly ICredentialProvider[] _providers;

        public FirstOf(params ICredentialProvider[] providers) => _providers = providers;

        public string Name => "first-of";

        public async Task<AwsCredentials?> ResolveAsync(CancellationToken cancellationToken = default)
        {
            foreach (var provider in _providers)
                if (await provider.ResolveAsync(cancellationToken).ConfigureAwait(false) is { } found) return found;
            return null;
        }
    }
}
