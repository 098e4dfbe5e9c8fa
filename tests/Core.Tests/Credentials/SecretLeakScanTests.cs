using System.Reflection;
using System.Runtime.CompilerServices;
using AwsCore.Auth;
using AwsCore.Config;
using AwsCore.Credentials;
using AwsCore.Http;

namespace AwsCore.Tests.Credentials;

/// <summary>
/// Feeds a recognisable secret key and session token through every type of the Auth, Config and Credentials
/// namespaces and through their error paths, and scans every ToString and exception text for them (and for the
/// signature they produce). A type added to those namespaces without a sample here fails the coverage check.
/// </summary>
public sealed class SecretLeakScanTests
{
    private const string Secret = "SECRETwJalrXUtnFEMIK7MDENGbPxRfiCYzz9";
    private const string Token = "TOKENFwoGZXIvYXdzEBYaDHqa0APq8TKnzz9";

    private readonly List<(string What, string Text)> _texts = new();
    private readonly HashSet<Type> _covered = new();

    private void Scan(object? value, string what)
    {
        if (value is null) return;
        _covered.Add(value.GetType());
        _texts.Add((what, value.ToString() ?? ""));
    }

    private async Task Fails(string what, Func<Task> action)
    {
        try
        {
            await action();
            throw new InvalidOperationException(what + ": expected an error");
        }
        catch (Exception e) when (e is not InvalidOperationException || !e.Message.EndsWith("expected an error", StringComparison.Ordinal))
        {
            for (var x = e; x != null; x = x.InnerException) _covered.Add(x.GetType());
            _texts.Add((what, e.ToString()));
        }
    }

    private Task Fails(string what, Action action) => Fails(what, () => { action(); return Task.CompletedTask; });

    [Fact]
    public async Task NoSecretTokenOrSignatureInAnyTextOrMessage()
    {
        var home = CredentialTestSupport.TempDir();
        var creds = new AwsCredentials("AKIDSCAN", Secret, Token, DateTimeOffset.UtcNow.AddHours(1), "scan");
        Scan(creds, "AwsCredentials");
        Scan(creds.WithSource("other"), "AwsCredentials.WithSource");

        // Signing.
        var request = new AwsHttpRequest { Endpoint = new Uri("https://sts.amazonaws.com"), Body = new byte[] { 1 } };
        var cache = new SigningKeyCache();
        var signer = new SigV4Signer(null, cache);
        var result = signer.SignCore(request, creds, new SigV4SigningOptions("us-east-1", "sts"));
        var signature = result.Signature;
        Scan(result, "SigningResult");
        Scan(signer, "SigV4Signer");
        Scan(cache, "SigningKeyCache");
        Scan(new SigV4SigningOptions("us-east-1", "s3") { S3Variant = true }, "SigV4SigningOptions");
        Scan(AuthSchemeResolver.Resolve(null, null, "v4", "sts", "us-east-1"), "AuthScheme");
        await Fails("presign expiry", () => signer.Presign(new AwsHttpRequest { Endpoint = new Uri("https://s3.amazonaws.com") }, creds, new SigV4SigningOptions("us-east-1", "s3"), 0));
        await Fails("bearer without token", () => BearerTokenSigner.Sign(new AwsHttpRequest(), ""));
        await Fails("unseekable body", () => signer.Sign(new AwsHttpRequest { Endpoint = new Uri("http://x"), BodyStream = new UnseekableStream() }, creds, new SigV4SigningOptions("r", "s")));

        // Configuration holding secrets.
        var config = $"[default]\naws_access_key_id = AKIDSCAN\naws_secret_access_key = {Secret}\naws_session_token = {Token}\nregion = us-east-1\n" +
                     $"[profile half]\naws_access_key_id = AKIDHALF\naws_session_token = {Token}\n" +
                     $"[profile proc]\ncredential_process = /bin/sh -c \"echo {Secret} >&2; echo {Token}; exit 3\"\n" +
                     $"[profile badjson]\ncredential_process = /bin/echo '{{\"Version\": 1, \"AccessKeyId\": \"A\", \"SecretAccessKey\": \"{Secret}\", \"SessionToken\": \"{Token}\", \"Expiration\": \"never\"}}'\n" +
                     $"[profile both]\nrole_arn = arn:aws:iam::1:role/x\nsource_profile = default\ncredential_source = Environment\n" +
                     $"[profile loop]\nrole_arn = arn:aws:iam::1:role/x\nsource_profile = loop2\n[profile loop2]\nrole_arn = arn:aws:iam::1:role/y\nsource_profile = loop\n" +
                     $"[profile sso]\nsso_session = s\nsso_account_id = 1\nsso_role_name = r\n[sso-session s]\nsso_region = us-east-1\nsso_start_url = https://x\n" +
                     $"[profile role]\nrole_arn = arn:aws:iam::1:role/r\nsource_profile = default\n";
        var files = SharedConfigFiles.Parse(config, $"[default]\naws_secret_access_key = {Secret}\n", "/scan/config", "/scan/credentials");
        Scan(files, "SharedConfigFiles");
        foreach (var section in IniParser.Parse(config, "/scan/config")) { Scan(section, "IniSection"); foreach (var v in section.Values.Values) Scan(v, "IniValue"); }
        var env = new Dictionary<string, string> { ["AWS_EC2_METADATA_DISABLED"] = "true", ["HOME"] = home };
        var resolver = new ConfigResolver(env, files: files);
        Scan(resolver, "ConfigResolver");
        Scan(resolver.Get("region"), "ResolvedSetting");
        Scan(DefaultsModeConfiguration.Parse("{\"base\":{\"retryMode\":\"standard\"},\"modes\":{\"standard\":{}}}"), "DefaultsModeConfiguration");
        foreach (var definition in SettingDefinitions.All.Values.Take(1)) Scan(definition, "SettingDefinition");
        await Fails("duplicate secret key", () => IniParser.Parse($"[default]\naws_secret_access_key = {Secret}\naws_secret_access_key = {Secret}\n", "/scan/dup"));
        await Fails("secret on a line without delimiter", () => IniParser.Parse($"[default]\n{Secret}\n", "/scan/bad"));
        await Fails("secret in a nested block", () => IniParser.Parse($"[default]\ns3 =\n  {Secret}\n", "/scan/nested"));
        await Fails("secret before any section", () => IniParser.Parse($"{Secret} = {Token}\n", "/scan/nosection"));
        await Fails("missing profile", () => new ConfigResolver(new Dictionary<string, string> { ["AWS_PROFILE"] = "ghost" }, files: files).Get("region"));
        await Fails("bad number", () => new ConfigResolver(new Dictionary<string, string> { ["AWS_MAX_ATTEMPTS"] = "many" }, files: files).Get("max_attempts").AsInt32());

        // Providers, their errors, and what they produce.
        var fake = new FakeServiceCall((service, op, p, ctx) => op == "AssumeRole"
            ? new Dictionary<string, object?> { ["Credentials"] = new Dictionary<string, object?> { ["AccessKeyId"] = "ASIA", ["SecretAccessKey"] = Secret, ["Expiration"] = DateTime.UtcNow } }
            : throw new InvalidOperationException("service refused"));
        CredentialProviderOptions Options(string? profile, Dictionary<string, string>? extraEnv = null)
        {
            var e = new Dictionary<string, string>(env);
            foreach (var pair in extraEnv ?? new()) e[pair.Key] = pair.Value;
            return new CredentialProviderOptions(new ConfigResolver(e, new Dictionary<string, string?> { ["profile"] = profile }, files: files))
            {
                ServiceCall = fake.Delegate, SsoCacheDirectory = home, ContainerRetryDelay = TimeSpan.Zero,
            };
        }
        var options = Options(null);
        Scan(options, "CredentialProviderOptions");
        Scan(new AwsServiceCallContext("us-east-1", creds, "https://sts.example"), "AwsServiceCallContext");
        Scan(new RefreshableCredentials(creds, _ => Task.FromResult(creds)), "RefreshableCredentials");
        Scan(new SsoToken(Token, DateTimeOffset.UtcNow), "SsoToken");
        var chain = new DefaultCredentialChain(options);
        Scan(await chain.RequireAsync(), "chain result");
        Scan(chain, "DefaultCredentialChain");
        foreach (var provider in chain.Providers) Scan(provider, provider.GetType().Name);
        Scan(new InstanceMetadataClient(options), "InstanceMetadataClient");
        Scan(new InstanceMetadataRegion(options), "InstanceMetadataRegion");
        Scan(new SsoTokenProvider(options, "sso"), "SsoTokenProvider");
        var envProvider = new EnvironmentCredentialProvider(new Dictionary<string, string> { ["AWS_ACCESS_KEY_ID"] = "AKIDENV", ["AWS_SESSION_TOKEN"] = Token });
        await Fails("env half pair", () => envProvider.ResolveAsync());
        await Fails("file half pair", () => ProfileKeysCredentialProvider.ConfigFile(resolver, "half").ResolveAsync());
        await Fails("process exit code", () => new ProcessCredentialProvider(options, "proc").ResolveAsync());
        await Fails("process bad expiration", () => new ProcessCredentialProvider(options, "badjson").ResolveAsync());
        await Fails("role with both sources", () => new DefaultCredentialChain(Options("both")).RequireAsync());
        await Fails("role loop", () => new DefaultCredentialChain(Options("loop")).RequireAsync());
        await Fails("sts answer without token", () => new DefaultCredentialChain(Options("role")).RequireAsync());
        await Fails("sso without cache", () => new DefaultCredentialChain(Options("sso")).RequireAsync());
        File.WriteAllText(Path.Combine(home, SsoTokenProvider.CacheFileName("s")), $"{{\"accessToken\": \"{Token}\", \"expiresAt\": \"2099-01-01T00:00:00Z\"");
        await Fails("sso cache not json", () => new SsoTokenProvider(Options("sso"), "sso").GetTokenAsync());
        File.WriteAllText(Path.Combine(home, SsoTokenProvider.CacheFileName("s")), $"{{\"accessToken\": \"{Token}\", \"expiresAt\": \"2099-01-01T00:00:00Z\"}}");
        await Fails("sso call refused", () => new SsoCredentialProvider(Options("sso"), "sso").ResolveAsync());
        await Fails("container token with newline", () => new ContainerCredentialProvider(Options(null, new() { ["AWS_CONTAINER_CREDENTIALS_FULL_URI"] = "http://127.0.0.1:9/", ["AWS_CONTAINER_AUTHORIZATION_TOKEN"] = Token + "\n" + Secret })).ResolveAsync());
        await Fails("container unreachable", () => new ContainerCredentialProvider(Options(null, new() { ["AWS_CONTAINER_CREDENTIALS_FULL_URI"] = "http://127.0.0.1:9/", ["AWS_CONTAINER_AUTHORIZATION_TOKEN"] = Token })).ResolveAsync());
        await Fails("refresh still expired", () => new RefreshableCredentials(new AwsCredentials("A", Secret, Token, DateTimeOffset.UtcNow, "x"),
            _ => Task.FromResult(new AwsCredentials("A", Secret, Token, DateTimeOffset.UtcNow.AddMinutes(-1), "x"))).GetAsync());
        await Fails("no credentials", () => new DefaultCredentialChain(new CredentialProviderOptions(new ConfigResolver(env, files: SharedConfigFiles.Empty()))).RequireAsync());
        Scan(new MetadataException("HTTP 500"), "MetadataException");

        foreach (var (what, text) in _texts)
        {
            Assert.False(text.Contains(Secret), $"{what} shows the secret key: {text}");
            Assert.False(text.Contains(Token), $"{what} shows the session token: {text}");
            Assert.False(text.Contains(signature), $"{what} shows a signature: {text}");
        }

        var namespaces = new[] { "AwsCore.Auth", "AwsCore.Config", "AwsCore.Credentials" };
        var uncovered = typeof(AwsCredentials).Assembly.GetTypes()
            .Where(t => namespaces.Contains(t.Namespace) && t.IsClass && !t.IsAbstract && !typeof(Delegate).IsAssignableFrom(t) &&
                        !t.IsNested && t.GetCustomAttribute<CompilerGeneratedAttribute>() is null)
            .Where(t => !_covered.Contains(t))
            .Select(t => t.Name).OrderBy(n => n).ToList();
        Assert.True(uncovered.Count == 0 || uncovered.All(IsStatic), "types without a secret-scan sample: " + string.Join(", ", uncovered.Where(n => !IsStatic(n))));
    }

    private static bool IsStatic(string name)
    {
        var type = typeof(AwsCredentials).Assembly.GetTypes().First(t => t.Name == name);
        return type.IsAbstract && type.IsSealed;
    }

    private sealed class UnseekableStream : MemoryStream
    {
        public override bool CanSeek => false;
    }
}
