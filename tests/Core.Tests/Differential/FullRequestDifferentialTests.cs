using System.Text;
using System.Text.Json.Nodes;
using AwsCore.Credentials;
using AwsCore.Http;
using AwsCore.Runtime;
using AwsCore.Tests.Integration;

namespace AwsCore.Tests.Differential;

/// <summary>
/// DESIGN.md's differential bar: for the same operation, parameters, credentials and a fixed clock, the request
/// AwsCore builds (method, URL, headers, body, Authorization) equals the one botocore prepares. Every case runs in
/// two regions, with and without a session token.
/// </summary>
public sealed class FullRequestDifferentialTests : IClassFixture<FullRequestDifferentialTests.BotocoreSide>
{
    internal static readonly DateTimeOffset FixedTime = new(2026, 1, 2, 3, 4, 5, TimeSpan.Zero);
    private const string AccessKey = "AKIDEXAMPLEDIFF01";
    private const string SecretKey = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY";
    private const string SessionToken = "IQoJb3JpZ2luX2VjEDiff+Token/Example==";

    /// <summary>Headers each side fills with its own identity or a fresh random value per call.</summary>
    private static readonly HashSet<string> Ignored = new(StringComparer.OrdinalIgnoreCase) { "User-Agent", "amz-sdk-invocation-id", "amz-sdk-request" };

    private static readonly string[] Regions = { "us-east-1", "eu-west-1" };

    private readonly BotocoreSide _botocore;

    public FullRequestDifferentialTests(BotocoreSide botocore) => _botocore = botocore;

    public static IEnumerable<object[]> Variants() =>
        from name in RequestCases.All.Keys
        from region in Regions
        from token in new[] { false, true }
        select new object[] { VariantId(name, region, token) };

    [Fact]
    public void TheCasesCoverEveryProtocolAndEnoughServices()
    {
        var services = RequestCases.All.Values.Select(c => c.Service).Distinct().ToList();
        Assert.True(RequestCases.All.Count >= 60, $"{RequestCases.All.Count} operations");
        Assert.True(services.Count >= 20, $"{services.Count} services");
        var protocols = services.Select(s => AwsCore.Models.ModelLoader.Default.GetService(s).Protocol).ToHashSet();
        Assert.Superset(new HashSet<string> { "rest-xml", "rest-json", "json", "query", "ec2" }, protocols);
    }

    [Theory]
    [MemberData(nameof(Variants))]
    public async Task AwsCoreBuildsBotocoresRequest(string variant)
    {
        var expected = _botocore.Requests[variant];
        var actual = await BuildWithAwsCore(variant);
        var differences = Compare(expected, actual);
        Assert.True(differences.Count == 0, $"{variant} differs from botocore:\n  " + string.Join("\n  ", differences));
    }

    private static string VariantId(string name, string region, bool token) => $"{name} {region} {(token ? "session-token" : "no-token")}";

    private static (RequestCase Case, string Region, bool Token) Parse(string variant)
    {
        var parts = variant.Split(' ');
        return (RequestCases.All[parts[0]], parts[1], parts[2] == "session-token");
    }

    private static async Task<BotocoreRequest> BuildWithAwsCore(string variant)
    {
        var (call, region, token) = Parse(variant);
        var client = AwsClientFactory.Create(call.Service, new ClientOptions
        {
            Region = region,
            Credentials = new AwsCredentials(AccessKey, SecretKey, token ? SessionToken : null, source: "test"),
            Environment = MotoClients.IsolatedEnvironment(),
            Config = call.AddressingStyle == "path" ? new ClientConfig { S3 = new S3Config { AddressingStyle = S3AddressingStyle.Path } } : null,
            Clock = () => FixedTime,
        });
        var request = await client.BuildRequestAsync(call.Operation, call.Parameters());
        byte[] body = request.Body;
        if (request.BodyStream is { } stream)
        {
            var copy = new MemoryStream();
            await stream.CopyToAsync(copy);
            body = copy.ToArray();
        }
        return new BotocoreRequest(request.Method, RequestUrl.Build(request).OriginalString,
            new Dictionary<string, string>(request.Headers, StringComparer.OrdinalIgnoreCase), body);
    }

    private static List<string> Compare(BotocoreRequest expected, BotocoreRequest actual)
    {
        var differences = new List<string>();
        if (expected.Method != actual.Method) differences.Add($"method: botocore {expected.Method}, AwsCore {actual.Method}");
        if (expected.Url != actual.Url) differences.Add($"url: botocore {expected.Url}, AwsCore {actual.Url}");
        foreach (var name in expected.Headers.Keys.Union(actual.Headers.Keys, StringComparer.OrdinalIgnoreCase).Where(n => !Ignored.Contains(n)))
        {
            if (IsFramingChoice(name, expected, actual)) continue;
            var want = expected.Headers.TryGetValue(name, out var w) ? w : null;
            var got = actual.Headers.TryGetValue(name, out var g) ? g : null;
            // The transport writes Content-Length from the body; botocore's prepared request already carries it.
            if (got is null && name.Equals("Content-Length", StringComparison.OrdinalIgnoreCase)) got = actual.Body.Length.ToString();
            if (want != got) differences.Add($"header {name}: botocore {want ?? "(absent)"}, AwsCore {got ?? "(absent)"}");
        }
        if (!expected.Body.AsSpan().SequenceEqual(actual.Body))
            differences.Add($"body: botocore {Show(expected.Body)}, AwsCore {Show(actual.Body)}");
        return differences;
    }

    /// <summary>
    /// Documented exclusion: botocore streams an aws-chunked S3 upload with Transfer-Encoding: chunked because its body
    /// is a reader of unknown length; AwsCore's transport frames the same bytes (compared below) with their length when
    /// it knows it. Neither framing header is signed (the Authorization comparison proves it), and S3 takes both.
    /// </summary>
    private static bool IsFramingChoice(string name, BotocoreRequest expected, BotocoreRequest actual)
    {
        if (!expected.Headers.TryGetValue("Transfer-Encoding", out var te) || te != "chunked" || expected.Headers.ContainsKey("Content-Length")) return false;
        if (name.Equals("Transfer-Encoding", StringComparison.OrdinalIgnoreCase)) return true;
        if (name.Equals("Content-Length", StringComparison.OrdinalIgnoreCase))
            return !actual.Headers.TryGetValue("Content-Length", out var length) || length == actual.Body.Length.ToString();
        return false;
    }

    private static string Show(byte[] body) => body.Length == 0 ? "(empty)" : Encoding.UTF8.GetString(body).Replace("\r", "\\r").Replace("\n", "\\n");

    /// <summary>botocore's request for every variant, built once in one python3 process.</summary>
    public sealed class BotocoreSide
    {
        public BotocoreSide()
        {
            var calls = new List<JsonObject>();
            foreach (var (name, call) in RequestCases.All)
            foreach (var region in Regions)
            foreach (var token in new[] { false, true })
            {
                var line = new JsonObject
                {
                    ["id"] = VariantId(name, region, token),
                    ["service"] = call.Service,
                    ["region"] = region,
                    ["operation"] = call.Operation,
                    ["params"] = JsonNode.Parse(call.ParametersJson),
                    ["accessKey"] = AccessKey,
                    ["secretKey"] = SecretKey,
                    ["time"] = FixedTime.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'"),
                };
                if (token) line["sessionToken"] = SessionToken;
                if (call.AddressingStyle != null) line["addressingStyle"] = call.AddressingStyle;
                calls.Add(line);
            }
            Requests = BotocoreRequests.Build(calls);
        }

        internal Dictionary<string, BotocoreRequest> Requests { get; }
    }
}
