using System.Text;
using System.Text.Json;
using AwsCore.Auth;
using AwsCore.Credentials;
using AwsCore.Http;

namespace AwsCore.Tests.Auth;

/// <summary>The same request signed by AwsCore and by botocore (fixed clock) gives the same headers and URL.</summary>
public sealed class SigV4BotocoreDifferentialTests
{
    private static readonly DateTimeOffset Now = new(2024, 2, 29, 23, 59, 58, TimeSpan.Zero);
    private const string Access = "AKIDEXAMPLEDIFF01";
    private const string Secret = "diffSecret/Key+With=Chars0123456789abcd";
    private const string Token = "diffSessionToken//+==abc";

    public static IEnumerable<object?[]> Cases()
    {
        // name, signer class, service, method, url, headers, body, token, context
        yield return new object?[] { "json-double-encoding", "SigV4Auth", "dynamodb", "POST", "https://dynamodb.us-west-2.amazonaws.com/a%20b/c/../d//e", new Dictionary<string, string> { ["Content-Type"] = "application/x-amz-json-1.0", ["X-Amz-Target"] = "DynamoDB_20120810.ListTables", ["User-Agent"] = "test/1.0" }, "{\"Limit\":  5}", Token, "{}" };
        yield return new object?[] { "query-params", "SigV4Auth", "sqs", "GET", "http://sqs.eu-west-1.amazonaws.com:8080/?Action=ListQueues&QueueNamePrefix=a%2Fb%20c&Empty=", new Dictionary<string, string>(), "", null, "{}" };
        yield return new object?[] { "s3-put-hashed", "S3SigV4Auth", "s3", "PUT", "https://bucket.s3.us-east-1.amazonaws.com/key%20with/%2Fslash~x", new Dictionary<string, string> { ["Content-Type"] = "text/plain", ["x-amz-meta-a"] = "  spaced   value " }, "hello world", Token, "{}" };
        yield return new object?[] { "s3-streaming-unsigned", "S3SigV4Auth", "s3", "PUT", "https://bucket.s3.us-east-1.amazonaws.com/obj", new Dictionary<string, string> { ["Content-MD5"] = "XrY7u+Ae7tCTyyK7j1rNww==" }, "hello world", null, "{\"has_streaming_input\": true}" };
        yield return new object?[] { "unsigned-payload-op", "SigV4Auth", "lambda", "POST", "https://lambda.us-east-1.amazonaws.com/2015-03-31/functions/f/invocations", new Dictionary<string, string>(), "{}", null, "{\"payload_signing_enabled\": false}" };
        yield return new object?[] { "date-header", "SigV4Auth", "iam", "POST", "https://iam.amazonaws.com/", new Dictionary<string, string> { ["Date"] = "x", ["Content-Type"] = "application/x-www-form-urlencoded; charset=utf-8" }, "Action=ListUsers&Version=2010-05-08", null, "{}" };
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void HeaderSignatureMatchesBotocore(string name, string signerClass, string service, string method, string url, Dictionary<string, string> headers, string body, string? token, string context)
    {
        var request = ToRequest(method, url, headers, body);
        var options = new SigV4SigningOptions("us-west-2", service)
        {
            S3Variant = signerClass.StartsWith("S3", StringComparison.Ordinal),
            HasStreamingInput = context.Contains("has_streaming_input"),
            PayloadSigningEnabled = !context.Contains("payload_signing_enabled"),
        };
        new SigV4Signer(() => Now, new SigningKeyCache()).Sign(request, new AwsCredentials(Access, Secret, token), options);

        var expected = Botocore($"auth.{signerClass}(creds, '{service}', 'us-west-2')", method, url, headers, body, token, context);
        foreach (var pair in expected.EnumerateObject().Where(p => p.Name != "url"))
            Assert.True(request.Headers.TryGetValue(pair.Name, out var actual) && actual == pair.Value.GetString(),
                $"{name}: header {pair.Name}: botocore '{pair.Value.GetString()}', AwsCore '{(request.Headers.TryGetValue(pair.Name, out var a) ? a : "(absent)")}'");
        Assert.Equal(expected.EnumerateObject().Count(p => p.Name != "url"), request.Headers.Count);
    }

    [Theory]
    [InlineData("S3SigV4QueryAuth", "s3", "GET", "https://bucket.s3.us-west-2.amazonaws.com/some%20key?versionId=v%2B1&response-content-type=text%2Fplain", "", Token, 604800)]
    [InlineData("SigV4QueryAuth", "sts", "POST", "https://sts.amazonaws.com/", "Action=GetCallerIdentity&Version=2011-06-15", null, 900)]
    [InlineData("SigV4QueryAuth", "rds-db", "GET", "https://db.example.com:5432/?Action=connect&DBUser=admin", "", Token, 1)]
    public void PresignedUrlMatchesBotocore(string signerClass, string service, string method, string url, string body, string? token, int expires)
    {
        var headers = body.Length > 0 ? new Dictionary<string, string> { ["Content-Type"] = "application/x-www-form-urlencoded; charset=utf-8" } : new Dictionary<string, string>();
        var request = ToRequest(method, url, headers, body);
        var options = new SigV4SigningOptions("us-west-2", service) { S3Variant = signerClass.StartsWith("S3", StringComparison.Ordinal) };
        var presigned = new SigV4Signer(() => Now, new SigningKeyCache()).Presign(request, new AwsCredentials(Access, Secret, token), options, expires);

        var formBody = body.Length > 0 ? "dict(p.split('=') for p in body.split('&'))" : "body";
        var expected = Botocore($"auth.{signerClass}(creds, '{service}', 'us-west-2', expires={expires})", method, url, headers, body, token, "{}", formBody);
        Assert.Equal(expected.GetProperty("url").GetString(), presigned.AbsoluteUri);
    }

    [Fact]
    public void PresignedJsonRequestKeepsItsSignedContentTypeAsBotocore()
    {
        var headers = new Dictionary<string, string> { ["Content-Type"] = "application/x-amz-json-1.1", ["X-Amz-Target"] = "Logs.StartLiveTail" };
        const string body = "{\"logGroupIdentifiers\": \"group-1\", \"limit\": 5}";
        var request = ToRequest("POST", "https://logs.us-west-2.amazonaws.com/", headers, body);
        var presigned = new SigV4Signer(() => Now, new SigningKeyCache()).Presign(request, new AwsCredentials(Access, Secret, Token), new SigV4SigningOptions("us-west-2", "logs"), 300);
        var expected = Botocore("auth.SigV4QueryAuth(creds, 'logs', 'us-west-2', expires=300)", "POST", "https://logs.us-west-2.amazonaws.com/", headers, body, Token, "{}");
        Assert.Equal(expected.GetProperty("url").GetString(), presigned.AbsoluteUri);
        Assert.Equal("application/x-amz-json-1.1", request.Headers["Content-Type"]);
        Assert.Empty(request.Body);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(604801)]
    public void PresignRejectsExpiryOutsideSevenDays(int expires)
    {
        var request = ToRequest("GET", "https://s3.amazonaws.com/b/k", new Dictionary<string, string>(), "");
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => new SigV4Signer().Presign(request, new AwsCredentials(Access, Secret), new SigV4SigningOptions("us-east-1", "s3"), expires));
        Assert.Contains("ExpiresIn", e.Message);
    }

    private static AwsHttpRequest ToRequest(string method, string url, Dictionary<string, string> headers, string body)
    {
        var uri = new Uri(url);
        var request = new AwsHttpRequest
        {
            Method = method,
            Endpoint = new Uri(uri.GetLeftPart(UriPartial.Authority)),
            Path = uri.AbsolutePath,
            Body = Encoding.UTF8.GetBytes(body),
        };
        if (uri.Query.Length > 1)
            foreach (var pair in uri.Query.Substring(1).Split('&'))
            {
                var eq = pair.IndexOf('=');
                request.Query.Add(new(Uri.UnescapeDataString(pair.Substring(0, eq)), Uri.UnescapeDataString(pair.Substring(eq + 1))));
            }
        foreach (var header in headers) request.Headers[header.Key] = header.Value;
        return request;
    }

    private static JsonElement Botocore(string signer, string method, string url, Dictionary<string, string> headers, string body, string? token, string context, string data = "body")
    {
        var script = $$"""
import json, datetime
from unittest import mock
from botocore import auth
from botocore.awsrequest import AWSRequest
from botocore.credentials import Credentials
creds = Credentials({{Py(Access)}}, {{Py(Secret)}}, {{(token is null ? "None" : Py(token))}})
body = {{Py(body)}}.encode()
body = body if body else None
if body is not None and {{Py(data)}} != 'body':
    body = body.decode()
req = AWSRequest(method={{Py(method)}}, url={{Py(url)}}, headers={{JsonSerializer.Serialize(headers)}}, data={{data}})
req.context.update(json.loads({{Py(context)}}))
with mock.patch('botocore.auth.get_current_datetime', return_value=datetime.datetime(2024, 2, 29, 23, 59, 58)):
    {{signer}}.add_auth(req)
out = dict(req.headers.items())
out['url'] = req.url
print(json.dumps(out))
""";
        return JsonDocument.Parse(PythonOracle.Run(script)).RootElement.Clone();
    }

    private static string Py(string s) => JsonSerializer.Serialize(s);
}
