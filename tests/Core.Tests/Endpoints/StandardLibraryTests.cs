using System.Text.Json;
using AwsCore.Endpoints;

namespace AwsCore.Tests.Endpoints;

/// <summary>The rule-set functions over awkward inputs, each compared with botocore's RuleSetStandardLibrary.</summary>
public sealed class StandardLibraryTests
{
    private const string Script = """
        import json, sys
        from botocore.endpoint_provider import RuleSetStandardLibrary
        lib = RuleSetStandardLibrary({'partitions': []})
        req = json.load(sys.stdin)
        out = {}
        def safe(f, *a):
            try: return f(*a)
            except Exception as e: return 'EXC:' + type(e).__name__
        out['parseURL'] = [safe(lib.parse_url, u) for u in req['urls']]
        out['hostLabel'] = [[safe(lib.is_valid_host_label, v, s) for s in (True, False)] for v in req['labels']]
        out['bucket'] = [[safe(lib.aws_is_virtual_hostable_s3_bucket, v, s) for s in (True, False)] for v in req['labels']]
        out['arn'] = [safe(lib.aws_parse_arn, a) for a in req['arns']]
        out['uriEncode'] = [lib.uri_encode(v) for v in req['labels']]
        out['substring'] = [[lib.substring(v, a, b, r) for (a, b, r) in req['ranges']] for v in req['labels']]
        json.dump(out, sys.stdout)
        """;

    private static readonly string[] Urls =
    {
        "https://example.com", "https://example.com/", "http://example.com:80/a/b/", "https://example.com/a/./b/../c//d",
        "https://example.com:8443/path with space/", "https://example.com?x=1", "https://example.com#frag", "https://example.com/;p",
        "ftp://example.com", "https://example.com:99999", "https://example.com:abc", "https://example.com:", "https://10.0.0.1",
        "https://10.0.0.1:8080/p", "https://[::1]", "https://[fe80::1%25en0]:443/x", "https://[::1", "HTTPS://EXAMPLE.com/Path",
        "https://user:pw@host.com:1/", "https://999.999.999.999", "https:example.com", "//example.com", "https://ex%41mple.com/%7E",
        "  https://example.com/lead", "https://exa\tmple.com/", "https://example.com/ünï/", "https://example.com/..", "https://",
    };

    private static readonly string[] Labels =
    {
        "bucket", "b", "ab", "abc", "-abc", "abc-", "a.b.c", "a..b", ".abc", "abc.", "ABC", "aBc", "192.168.0.1", "1.2.3.4.5",
        "a_b", "a b", "ü-bucket", "xn--bcher-kva", new string('a', 63), new string('a', 64), "abcd\n", "", "ab.cd--x-s3",
    };

    private static readonly string[] Arns =
    {
        "arn:aws:s3:us-west-2:123456789012:accesspoint:myendpoint", "arn:aws:s3:::bucket", "arn:aws:iam::123:role/a/b:c",
        "arn::s3:::x", "arn:aws::::x", "arn:aws:s3:::", "arn:aws:s3", "aws:s3:::x", "arn:aws:s3:r:a:res:with:colons/and/slashes",
        "arn:aws-cn:s3-outposts:cn-north-1:1:outpost/op-1/bucket/b",
    };

    private static readonly object[][] Ranges =
    {
        new object[] { 0, 4, false }, new object[] { 0, 4, true }, new object[] { 1, 3, false }, new object[] { 2, 2, false },
        new object[] { 3, 1, true }, new object[] { 0, 64, false }, new object[] { 5, 7, true },
    };

    [Fact]
    public void FunctionsAgreeWithBotocore()
    {
        var request = JsonSerializer.Serialize(new { urls = Urls, labels = Labels, arns = Arns, ranges = Ranges });
        using var answer = JsonDocument.Parse(PythonBotocore.Run(Script, request));
        var root = answer.RootElement;
        var failures = new List<string>();

        void Compare(string what, object? input, JsonElement expected, object? actual)
        {
            if (expected.ValueKind == JsonValueKind.String && expected.GetString()!.StartsWith("EXC:", StringComparison.Ordinal))
            {
                // botocore raised (e.g. urlparse's ValueError); AwsCore answers "no match" instead of failing the resolution.
                if (actual is not null && actual is not false) failures.Add($"{what}({Show(input)}): botocore raised, AwsCore gave {Show(actual)}");
                return;
            }
            var want = Canonical(expected);
            var got = Canonical(JsonSerializer.SerializeToElement(actual));
            if (want != got) failures.Add($"{what}({Show(input)}): botocore {want}, AwsCore {got}");
        }

        for (var i = 0; i < Urls.Length; i++) Compare("parseURL", Urls[i], root.GetProperty("parseURL")[i], UrlParts.Parse(Urls[i]));
        for (var i = 0; i < Labels.Length; i++)
        {
            var label = Labels[i];
            Compare("isValidHostLabel", label, root.GetProperty("hostLabel")[i][0], HostLabels.IsValid(label, true));
            Compare("isValidHostLabel", label, root.GetProperty("hostLabel")[i][1], HostLabels.IsValid(label, false));
            Compare("isVirtualHostableS3Bucket", label, root.GetProperty("bucket")[i][0], StandardLibrary.IsVirtualHostableS3Bucket(label, true));
            Compare("isVirtualHostableS3Bucket", label, root.GetProperty("bucket")[i][1], StandardLibrary.IsVirtualHostableS3Bucket(label, false));
            Compare("uriEncode", label, root.GetProperty("uriEncode")[i], StandardLibrary.UriEncode(label));
            for (var r = 0; r < Ranges.Length; r++)
                Compare("substring", $"{label} {Show(Ranges[r])}", root.GetProperty("substring")[i][r],
                    StandardLibrary.Substring(label, Ranges[r][0], Ranges[r][1], Ranges[r][2]));
        }
        for (var i = 0; i < Arns.Length; i++) Compare("parseArn", Arns[i], root.GetProperty("arn")[i], ArnParts.Parse(Arns[i]));
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    [Fact]
    public void GetAttrFollowsPathsAndIndexes()
    {
        var value = new Dictionary<string, object?>
        {
            ["a"] = new Dictionary<string, object?> { ["b"] = "deep" },
            ["list"] = new List<object?> { "x", "y" },
        };
        Assert.Equal("deep", AttributePath.Parse("a.b").Get(value));
        Assert.Equal("y", AttributePath.Parse("list[1]").Get(value));
        Assert.Null(AttributePath.Parse("list[2]").Get(value));
        Assert.Null(AttributePath.Parse("missing.b").Get(value));
        Assert.Equal("x", AttributePath.Parse("[0]").Get(new List<object?> { "x" }));
        // An index ends the walk, as in botocore.
        Assert.Equal("x", AttributePath.Parse("list[0].ignored").Get(value));
    }

    [Fact]
    public void TypeErrorsUseBotocoreMessages()
    {
        Assert.Equal("Both arguments must be bools, not <class 'NoneType'> and <class 'bool'>.",
            Assert.Throws<EndpointResolutionException>(() => StandardLibrary.BooleanEquals(null, true)).Message);
        Assert.Equal("Both values must be strings, not <class 'str'> and <class 'bool'>.",
            Assert.Throws<EndpointResolutionException>(() => StandardLibrary.StringEquals("a", false)).Message);
        Assert.Equal("Input must be a string, not <class 'NoneType'>.",
            Assert.Throws<EndpointResolutionException>(() => StandardLibrary.Substring(null, 0, 1, false)).Message);
    }

    [Fact]
    public void NotUsesPythonTruthiness()
    {
        Assert.True(StandardLibrary.Not(null));
        Assert.True(StandardLibrary.Not(""));
        Assert.True(StandardLibrary.Not(false));
        Assert.False(StandardLibrary.Not("x"));
        Assert.True(StandardLibrary.Not(new List<object?>()));
    }

    private static string Show(object? value) => JsonSerializer.Serialize(value);

    private static string Canonical(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Object => "{" + string.Join(",", element.EnumerateObject().OrderBy(p => p.Name, StringComparer.Ordinal)
            .Select(p => p.Name + ":" + Canonical(p.Value))) + "}",
        JsonValueKind.Array => "[" + string.Join(",", element.EnumerateArray().Select(Canonical)) + "]",
        JsonValueKind.String => "\"" + element.GetString() + "\"",
        _ => element.GetRawText(),
    };
}
