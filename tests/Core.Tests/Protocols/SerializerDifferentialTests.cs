using System.Text;
using System.Text.Json.Nodes;
using AwsCore.Conformance.Suites;
using AwsCore.Http;
using AwsCore.Models;
using AwsCore.Protocols;
using AwsCore.Protocols.Cbor;
using Xunit.Abstractions;

namespace AwsCore.Tests.Protocols;

/// <summary>
/// The same random parameters serialized by AwsCore and by the installed botocore's serializer, for hundreds of
/// operations across every protocol: method, URI with query, headers, host prefix and body must agree (bodies compared
/// as botocore's protocol tests compare them: JSON parsed, XML canonicalised, CBOR decoded, query text exact).
/// </summary>
public sealed class SerializerDifferentialTests
{
    private static readonly string[] RpcV2CborServices =
    {
        "arc-region-switch", "cloudwatch", "comprehendmedical", "compute-optimizer", "gamelift", "marketplace-entitlement", "snowball",
    };

    private static readonly (string Service, string Operation)[] Forced =
    {
        ("s3", "GetObject"), ("s3", "PutObject"), ("s3", "PutBucketTagging"), ("s3", "ListObjectsV2"), ("s3", "CopyObject"),
        ("s3", "PutBucketLifecycleConfiguration"), ("s3", "DeleteObjects"), ("route53", "ChangeResourceRecordSets"),
        ("cloudfront", "CreateInvalidation"), ("ec2", "RunInstances"), ("ec2", "DescribeInstances"), ("dynamodb", "PutItem"),
        ("dynamodb", "Query"), ("lambda", "Invoke"), ("glacier", "UploadArchive"), ("iot-data", "Publish"), ("sqs", "SendMessage"),
        ("sns", "Publish"), ("iam", "CreatePolicy"), ("apigateway", "PutRestApi"), ("mediastore-data", "PutObject"),
        ("s3", "HeadObject"), ("s3", "PutObjectRetention"), ("s3", "GetObjectAttributes"), ("cloudtrail", "LookupEvents"),
        ("lex-runtime", "PostContent"), ("s3control", "GetPublicAccessBlock"), ("iot", "ListAuditFindings"), ("health", "DescribeEvents"),
        ("apigateway", "GetExport"), ("apigateway", "ImportRestApi"), ("amp", "ListScrapers"), ("apigateway", "GetSdk"),
    };

    private readonly ITestOutputHelper _output;

    public SerializerDifferentialTests(ITestOutputHelper output) => _output = output;

    [Fact]
    public void AwsCoreSerializesLikeBotocore()
    {
        var cases = BuildCases();
        var expected = BotocoreSerializer.Serialize(cases.Select(c => c.Case).ToList());
        var failures = new List<string>();
        var compared = new List<BotocoreSerializer.Case>();
        var exercised = new HashSet<string>(StringComparer.Ordinal);
        var pythonErrors = 0;
        for (var i = 0; i < cases.Count; i++)
        {
            var (c, operation, caseExercised) = cases[i];
            var label = $"{c.Service}.{c.Operation} ({c.Protocol})";
            if (!expected[i].Ok)
            {
                pythonErrors++;
                _output.WriteLine($"botocore could not serialize {label}: {expected[i].Error}");
                continue;
            }
            try
            {
                var request = ProtocolRegistry.For(c.Protocol).Serializer.Serialize(operation, c.Parameters);
                if (Difference(c.Protocol, operation, request, expected[i]) is { } problem) failures.Add($"{label}: {problem}");
                compared.Add(c);
                exercised.UnionWith(caseExercised);
            }
            catch (Exception e)
            {
                failures.Add($"{label}: AwsCore threw {e.GetType().Name}: {e.Message}");
            }
        }
        var services = compared.Select(c => c.Service).Distinct().Count();
        var protocols = compared.Select(c => c.Protocol).Distinct().OrderBy(p => p).ToList();
        _output.WriteLine($"{compared.Count} operations compared across {services} services; protocols: {string.Join(", ", protocols)}; botocore failed on {pythonErrors}");
        Assert.True(failures.Count == 0, $"{failures.Count} of {compared.Count} differ:\n" + string.Join("\n", failures.Take(40)));
        Assert.True(compared.Count >= 300, $"only {compared.Count} operations compared");
        Assert.True(services >= 100, $"only {services} services compared");
        Assert.Equal(new[] { "ec2", "json", "query", "rest-json", "rest-xml", "smithy-rpc-v2-cbor" }, protocols);
        _output.WriteLine("exercised: " + string.Join(", ", exercised.OrderBy(x => x)));
        var missing = MustExercise.Where(x => !exercised.Contains(x)).ToList();
        Assert.True(missing.Count == 0, "the random inputs never exercised: " + string.Join(", ", missing));
    }

    private static readonly string[] MustExercise =
    {
        "timestamp in header", "timestamp in querystring", "timestamp in body", "greedy label",
        "blob", "jsonvalue header", "host label", "nested list", "nested map", "map in headers", "map in querystring",
        "boolean in querystring", "integer in uri", "list of string in header",
    };

    private static List<(BotocoreSerializer.Case Case, OperationModel Operation, HashSet<string> Exercised)> BuildCases()
    {
        var cases = new List<(BotocoreSerializer.Case, OperationModel, HashSet<string>)>();
        var seed = 1;
        void Add(ServiceModel model, string operationName, string protocol)
        {
            var operation = model.GetOperation(operationName);
            if (operation.Input is null || operation.EventStreamInput is not null) return;
            var input = new RandomInput(seed++);
            var parameters = input.ForOperation(operation);
            cases.Add((new BotocoreSerializer.Case(model.ServiceName, operationName, protocol, parameters), operation, input.Exercised));
        }

        var services = BotocoreModels.Services.ToList();
        for (var i = 0; i < services.Count; i++)
        {
            var model = BotocoreModels.Load(services[i]);
            var common = model.Protocol is "json" or "rest-json";
            if (common && i % 2 != 0) continue;
            var picker = new Random(i);
            var names = model.OperationNames.OrderBy(_ => picker.Next()).Take(common ? 2 : 4);
            foreach (var name in names) Add(model, name, model.Protocol);
        }
        foreach (var (service, operation) in Forced) Add(BotocoreModels.Load(service), operation, BotocoreModels.Load(service).Protocol);
        foreach (var service in RpcV2CborServices)
        {
            var model = BotocoreModels.Load(service);
            foreach (var name in model.OperationNames.Take(4)) Add(model, name, "smithy-rpc-v2-cbor");
        }
        var cloudwatch = BotocoreModels.Load("cloudwatch");
        foreach (var name in new[] { "GetMetricStatistics", "PutMetricData", "PutMetricAlarm", "DescribeAlarmHistory" }) Add(cloudwatch, name, "query");
        return cases;
    }

    private static string? Difference(string protocol, OperationModel operation, AwsHttpRequest actual, BotocoreSerializer.Result expected)
    {
        if (actual.Method != expected.Method) return $"method {actual.Method} != {expected.Method}";
        if (actual.PathAndQuery != expected.Uri) return $"URI\n  {actual.PathAndQuery}\n  {expected.Uri}";
        if (actual.HostPrefix != expected.HostPrefix) return $"host prefix {actual.HostPrefix} != {expected.HostPrefix}";
        var jsonValueHeaders = operation.Input!.Members.Values.Where(m => m.Location == "header" && m.JsonValue).Select(m => m.LocationName!).ToHashSet(StringComparer.OrdinalIgnoreCase);
        foreach (var name in actual.Headers.Keys.Union(expected.Headers.Keys, StringComparer.OrdinalIgnoreCase))
        {
            if (!actual.Headers.TryGetValue(name, out var a)) return $"header {name} missing (botocore: {expected.Headers[name]})";
            if (!expected.Headers.TryGetValue(name, out var e)) return $"header {name} extra ({a})";
            if (jsonValueHeaders.Contains(name))
            {
                var pa = ProtocolValues.Plain(JsonNode.Parse(Convert.FromBase64String(a)));
                var pe = ProtocolValues.Plain(JsonNode.Parse(Convert.FromBase64String(e)));
                if (ProtocolValues.Compare(pa, pe, name) is { } p) return "jsonvalue header " + p;
            }
            else if (a != e) return $"header {name}: '{a}' != '{e}'";
        }
        var body = actual.BodyStream is { } stream ? ReadAll(stream) : actual.Body;
        return BodyDifference(protocol, body, expected.Body);
    }

    private static IEnumerable<string> FormPairs(string body) =>
        body.Split('&').Select(pair => Uri.UnescapeDataString(pair.Replace('+', ' ')));

    private static string? BodyDifference(string protocol, byte[] actual, byte[] expected)
    {
        if (actual.AsSpan().SequenceEqual(expected)) return null;
        var a = Encoding.UTF8.GetString(actual);
        var e = Encoding.UTF8.GetString(expected);
        switch (protocol)
        {
            case "query":
            case "ec2":
                // On the wire botocore form-encodes the serializer's dict with urlencode (space as '+'); compare the pairs.
                return FormPairs(a).SequenceEqual(FormPairs(e)) ? null : $"body\n  {a}\n  {e}";
            case "json":
            case "rest-json":
                // Byte for byte (json.dumps' separators and escaping): the payload hash and signature depend on them.
                if (actual.Length == 0 || expected.Length == 0) return $"body\n  {a}\n  {e}";
                var jsonDifference = ProtocolValues.Compare(ProtocolValues.Plain(JsonNode.Parse(a)), ProtocolValues.Plain(JsonNode.Parse(e)), "body");
                return $"{jsonDifference ?? "body: the same JSON in other bytes"}\n  {a}\n  {e}";
            case "rest-xml":
                if (actual.Length == 0 || expected.Length == 0) return $"body\n  {a}\n  {e}";
                var ca = ProtocolValues.CanonicalXml(a);
                var ce = ProtocolValues.CanonicalXml(e);
                return ca == ce ? null : $"body\n  {ca}\n  {ce}";
            case "smithy-rpc-v2-cbor":
                if (actual.Length == 0 || expected.Length == 0) return "body: one side is empty";
                var da = ProtocolValues.Normalize(CborDecoder.Decode(actual));
                var de = ProtocolValues.Normalize(CborDecoder.Decode(expected));
                return ProtocolValues.Compare(da, de, "body") is { } cp ? cp : null;
            default:
                return $"body\n  {a}\n  {e}";
        }
    }

    private static byte[] ReadAll(Stream stream)
    {
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}
