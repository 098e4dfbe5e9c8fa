using System.Text;
using System.Text.Json;
using AwsCore.Auth;
using AwsCore.Credentials;
using AwsCore.Http;

namespace AwsCore.Tests.Auth;

/// <summary>
/// One signer signing a varied stream of requests (its last-key, Authorization-prefix, host and signed-header caches
/// switching between them) gives botocore's Authorization for every one, on the libcrypto and IncrementalHash paths.
/// </summary>
public sealed class SigV4SignerReuseTests
{
    private static readonly DateTimeOffset Now = new(2024, 7, 1, 12, 30, 45, TimeSpan.Zero);

    private sealed record Case(string AccessKey, string Secret, string? Token, string Region, string Service, string Method, string Url, Dictionary<string, string> Headers, string Body);

    private static List<Case> Cases()
    {
        var cases = new List<Case>();
        var endpoints = new[] { "https://dynamodb.us-west-2.amazonaws.com/", "http://localhost:4566/a/b%20c", "https://sqs.eu-west-1.amazonaws.com:8443/q?Action=Send&z=1&a=%2F" };
        var headerSets = new[]
        {
            new Dictionary<string, string> { ["Content-Type"] = "application/x-amz-json-1.0", ["X-Amz-Target"] = "DynamoDB_20120810.PutItem", ["User-Agent"] = "reuse/1.0" },
            new Dictionary<string, string> { ["Content-Type"] = "application/x-amz-json-1.0", ["X-Amz-Target"] = "DynamoDB_20120810.PutItem", ["x-amz-meta-note"] = "  caf\u00e9   cr\u00e8me " },
            new Dictionary<string, string> { ["X-Custom"] = "a\tb", ["Accept"] = "*/*" },
        };
        var i = 0;
        foreach (var endpoint in endpoints)
            foreach (var headers in headerSets)
                foreach (var (region, service) in new[] { ("us-west-2", "dynamodb"), ("eu-west-1", "sqs") })
                {
                    var second = i++ % 2 == 1;
                    cases.Add(new Case(second ? "AKIDREUSE2" : "AKIDREUSE1", second ? "reuseSecret/Two+" : "reuseSecretOne", second ? null : "reuse+token/==",
                        region, service, i % 3 == 0 ? "GET" : "POST", endpoint, headers, i % 4 == 0 ? "" : "{\"n\":" + i + "}"));
                }
        return cases;
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void EveryRequestOfAStreamGetsBotocoresAuthorization(bool incrementalHashOnly)
    {
        var cases = Cases();
        var expected = Botocore(cases);
        var signer = new SigV4Signer(() => Now, new SigningKeyCache());
        using var scope = incrementalHashOnly ? SigV4Crypto.UseIncrementalHashOnThisThread() : null;
        // Twice round, so each case is signed both right after a different one and with warm caches.
        for (var round = 0; round < 2; round++)
            for (var n = 0; n < cases.Count; n++)
            {
                var c = cases[n];
                var request = ToRequest(c);
                signer.Sign(request, new AwsCredentials(c.AccessKey, c.Secret, c.Token), new SigV4SigningOptions(c.Region, c.Service));
                Assert.True(expected[n] == request.Headers["Authorization"], $"case {n} ({c.Method} {c.Url}, {c.Region}/{c.Service}), round {round}: botocore '{expected[n]}', AwsCore '{request.Headers["Authorization"]}'");
            }
    }

    private static AwsHttpRequest ToRequest(Case c)
    {
        var uri = new Uri(c.Url);
        var request = new AwsHttpRequest { Method = c.Method, Endpoint = new Uri(uri.GetLeftPart(UriPartial.Authority)), Path = uri.AbsolutePath, Body = Encoding.UTF8.GetBytes(c.Body) };
        if (uri.Query.Length > 1)
            foreach (var pair in uri.Query.Substring(1).Split('&'))
            {
                var eq = pair.IndexOf('=');
                request.Query.Add(new(Uri.UnescapeDataString(pair.Substring(0, eq)), Uri.UnescapeDataString(pair.Substring(eq + 1))));
            }
        foreach (var header in c.Headers) request.Headers[header.Key] = header.Value;
        return request;
    }

    private static List<string> Botocore(List<Case> cases)
    {
        var script = """
import json, sys, datetime
from unittest import mock
from botocore.auth import SigV4Auth
from botocore.awsrequest import AWSRequest
from botocore.credentials import Credentials
out = []
with mock.patch('botocore.auth.get_current_datetime', return_value=datetime.datetime(2024, 7, 1, 12, 30, 45)):
    for c in json.loads(CASES):
        req = AWSRequest(method=c['Method'], url=c['Url'], headers=c['Headers'], data=c['Body'].encode() or None)
        SigV4Auth(Credentials(c['AccessKey'], c['Secret'], c['Token']), c['Service'], c['Region']).add_auth(req)
        out.append(req.headers['Authorization'])
print(json.dumps(out))
""".Replace("CASES", JsonSerializer.Serialize(JsonSerializer.Serialize(cases)));
        return JsonSerializer.Deserialize<List<string>>(PythonOracle.Run(script))!;
    }
}
