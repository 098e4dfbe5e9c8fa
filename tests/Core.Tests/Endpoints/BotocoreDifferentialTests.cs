using System.Text.Json;
using AwsCore.Endpoints;
using Xunit.Abstractions;

namespace AwsCore.Tests.Endpoints;

/// <summary>
/// The same rule sets and parameters through AwsCore and botocore's EndpointProvider (python3): URL, properties, headers
/// and error messages must agree. Parameters are drawn with a fixed seed from values that reach most rule branches.
/// </summary>
public sealed class BotocoreDifferentialTests
{
    private const string Script = """
        import json, sys, gzip
        from botocore.endpoint_provider import EndpointProvider
        from botocore.exceptions import EndpointResolutionError
        req = json.load(sys.stdin)
        partitions = json.load(open(req['partitions']))
        out = []
        for path, cases in req['sets']:
            opener = gzip.open if path.endswith('.gz') else open
            with opener(path, 'rt') as f:
                provider = EndpointProvider(json.load(f), partitions)
            for params in cases:
                params = {k: tuple(v) if isinstance(v, list) else v for k, v in params.items()}
                try:
                    e = provider.resolve_endpoint(**params)
                    out.append({'url': e.url, 'properties': e.properties, 'headers': e.headers})
                except EndpointResolutionError as ex:
                    out.append({'error': str(ex)})
        json.dump(out, sys.stdout)
        """;

    private static readonly string[] Services =
    {
        "s3", "s3control", "dynamodb", "sts", "ec2", "lambda", "iam", "sqs", "kinesis", "events", "route53",
        "cloudfront", "sso-oidc", "glacier", "bedrock-runtime", "s3outposts", "kms", "organizations",
    };

    private static readonly string?[] Regions =
    {
        "us-east-1", "us-west-2", "eu-central-1", "cn-north-1", "us-gov-west-1", "us-iso-east-1", "us-isob-east-1",
        "aws-global", "aws-cn-global", "mars-east-1", "invalid region", "", null,
    };

    private static readonly string?[] Endpoints =
    {
        null, null, null, "https://example.com", "http://localhost:4566/base/path", "https://10.0.0.1:8443", "https://[::1]:9000",
        "ftp://nope", "https://host?x=1",
    };

    private static readonly string?[] Buckets =
    {
        "bucket", "my.bucket.name", "Bucket_Upper", "ab", "192.168.1.1", "mybucket--use1-az1--x-s3", "bucket-name-that-is-long-enough",
        "arn:aws:s3:us-west-2:123456789012:accesspoint:myendpoint", "arn:aws:s3-outposts:us-west-2:123456789012:outpost:op-01234567890123456:accesspoint:reports",
        "arn:aws:s3::123456789012:accesspoint:mfzwi23gnjvgw.mrap", "arn:aws:s3-object-lambda:us-east-1:123456789012:accesspoint/mybanner",
        "arn:aws:sqs:us-west-2:123456789012:someresource", null,
    };

    private static readonly string?[] Arns =
    {
        "arn:aws:dynamodb:us-east-1:222222222222:table/table_name", "arn:aws:kinesis:us-west-2:123:stream/testStream",
        "arn:aws:s3-outposts:us-west-2:123456789012:outpost/op-01234567890123456/bucket/mybucket",
        "arn:aws-cn:s3-outposts:cn-north-1:123456789012:outpost:op-01234567890123456:accesspoint:myaccesspoint",
        "arn:aws:events:us-east-1:123456789012:event-bus/my-bus", "not-an-arn", "arn:aws:iam::123456789012:role/x", null,
    };

    private static readonly JsonSerializerOptions Relaxed = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private readonly ITestOutputHelper _output;

    public BotocoreDifferentialTests(ITestOutputHelper output) => _output = output;

    [Fact]
    public void ResolvesAsBotocoreDoes()
    {
        var partitionsPath = Path.Combine(PythonBotocore.Data, "partitions.json");
        var partitions = PartitionSet.Load(partitionsPath);
        var random = new Random(20240611);
        var sets = new List<(EndpointRuleSet RuleSet, string Path, List<Dictionary<string, object?>> Cases)>();
        foreach (var service in Services)
        {
            var path = PythonBotocore.ServiceFile(service, "endpoint-rule-set-1.json");
            var ruleSet = EndpointRuleSet.Load(path, partitions);
            var cases = Enumerable.Range(0, 250).Select(_ => Draw(ruleSet, random)).ToList();
            sets.Add((ruleSet, path, cases));
        }
        var request = JsonSerializer.Serialize(new Dictionary<string, object?>
        {
            ["partitions"] = partitionsPath,
            ["sets"] = sets.Select(s => new object[] { s.Path, s.Cases }).ToList(),
        });
        using var answers = JsonDocument.Parse(PythonBotocore.Run(Script, request));
        var expected = answers.RootElement.EnumerateArray().ToList();

        var index = 0;
        var failures = new List<string>();
        var errors = 0;
        foreach (var (ruleSet, path, cases) in sets)
        {
            foreach (var parameters in cases)
            {
                var want = expected[index++];
                var got = Outcome(ruleSet, parameters);
                if (want.TryGetProperty("error", out _)) errors++;
                var wantText = Normalize(want);
                if (wantText != got)
                    failures.Add($"{Path.GetFileName(Path.GetDirectoryName(Path.GetDirectoryName(path)))} {JsonSerializer.Serialize(parameters)}\n  botocore: {wantText}\n  awscore:  {got}");
            }
        }
        _output.WriteLine($"{index} resolutions compared, {errors} of them errors");
        Assert.True(errors > 50 && errors < index - 50, $"the draw should reach both endpoints and errors ({errors} of {index})");
        Assert.True(failures.Count == 0, string.Join("\n", failures.Take(20)));
    }

    private static string Outcome(EndpointRuleSet ruleSet, Dictionary<string, object?> parameters)
    {
        try
        {
            var endpoint = ruleSet.Resolve(parameters);
            return Normalize(JsonSerializer.SerializeToElement(new Dictionary<string, object?>
            {
                ["url"] = endpoint.Url,
                ["properties"] = endpoint.Properties,
                ["headers"] = endpoint.Headers,
            }));
        }
        catch (EndpointResolutionException e)
        {
            return Normalize(JsonSerializer.SerializeToElement(new Dictionary<string, object?> { ["error"] = e.Message }));
        }
    }

    // Key order differs between Python dicts and ours; compare a canonical form.
    private static string Normalize(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Object => "{" + string.Join(",", element.EnumerateObject().OrderBy(p => p.Name, StringComparer.Ordinal)
            .Select(p => JsonSerializer.Serialize(p.Name) + ":" + Normalize(p.Value))) + "}",
        JsonValueKind.Array => "[" + string.Join(",", element.EnumerateArray().Select(Normalize)) + "]",
        JsonValueKind.String => JsonSerializer.Serialize(element.GetString(), Relaxed),
        _ => element.GetRawText(),
    };

    private static Dictionary<string, object?> Draw(EndpointRuleSet ruleSet, Random random)
    {
        var parameters = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var p in ruleSet.Parameters)
        {
            object? value = p.Type switch
            {
                EndpointParameterType.Boolean => random.Next(3) switch { 0 => true, 1 => false, _ => null },
                EndpointParameterType.StringArray => random.Next(2) == 0 ? null : new List<object?> { Pick(Arns, random) ?? "x" },
                _ when p.BuiltIn == EndpointBuiltIns.Region => Pick(Regions, random),
                _ when p.BuiltIn == EndpointBuiltIns.Endpoint => Pick(Endpoints, random),
                _ when p.Name.Contains("Bucket") => Pick(Buckets, random),
                _ when p.Name.EndsWith("Arn", StringComparison.Ordinal) || p.Name == "ResourceArn" => Pick(Arns, random),
                _ when p.Name == "AccountIdEndpointMode" => Pick(new[] { "preferred", "required", "disabled", null }, random),
                _ when p.Name == "AccountId" => Pick(new[] { "123456789012", "", "bad/id", null }, random),
                _ => Pick(new[] { "value", "my-name", "bad value!", "", null }, random),
            };
            if (value is not null) parameters[p.Name] = value;
        }
        return parameters;
    }

    private static string? Pick(string?[] values, Random random) => values[random.Next(values.Length)];
}
