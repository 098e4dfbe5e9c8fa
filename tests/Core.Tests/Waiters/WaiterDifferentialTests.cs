using System.Text.Json;
using AwsCore.Jmes;
using AwsCore.Models;
using AwsCore.Runtime;
using AwsCore.Tests.Jmes;

namespace AwsCore.Tests.Waiters;

/// <summary>botocore's Waiter (python3), fed the same scripted responses, reaches the same outcome after the same attempts.</summary>
public sealed class WaiterDifferentialTests
{
    private const string Script = @"
import sys, json
from botocore.waiter import WaiterModel, Waiter
from botocore.exceptions import WaiterError
cases = json.load(sys.stdin)
out = []
for case in cases:
    config = json.loads(case['definition'])
    model = WaiterModel(config)
    responses = case['responses']
    calls = []
    def op(**kw):
        r = responses[min(len(calls), len(responses) - 1)]
        calls.append(kw)
        resp = dict(r.get('output') or {})
        resp['ResponseMetadata'] = {'HTTPStatusCode': r['status']}
        if r.get('code'):
            resp['Error'] = {'Code': r['code'], 'Message': r.get('message', 'Unknown')}
        return resp
    w = Waiter(case['name'], model.get_waiter(case['name']), op)
    try:
        w.wait(WaiterConfig={'Delay': 0, 'MaxAttempts': case['maxAttempts']})
        out.append({'ok': True, 'attempts': len(calls)})
    except WaiterError as e:
        out.append({'ok': False, 'attempts': len(calls), 'message': str(e)})
print(json.dumps(out))
";

    private sealed record Response(Dictionary<string, object?>? Output, int Status, string? Code = null, string? Message = null);

    private static Dictionary<string, object?> Tree(string json)
    {
        using var document = JsonDocument.Parse(json);
        return (Dictionary<string, object?>)JmesJson.ToTree(document.RootElement)!;
    }

    [Fact]
    public void OutcomesMatchBotocore()
    {
        var ec2 = Latest("ec2");
        var dynamodb = Latest("dynamodb");
        var s3 = Latest("s3");
        var running = @"{""Reservations"": [{""Instances"": [{""State"": {""Name"": ""running""}}]}]}";
        var pending = @"{""Reservations"": [{""Instances"": [{""State"": {""Name"": ""pending""}}, {""State"": {""Name"": ""running""}}]}]}";
        var stopping = @"{""Reservations"": [{""Instances"": [{""State"": {""Name"": ""stopping""}}]}]}";
        var cases = new (string File, string Name, int MaxAttempts, Response[] Responses)[]
        {
            (ec2, "InstanceRunning", 5, new[] { new Response(Tree(pending), 200), new Response(Tree(running), 200) }),
            (ec2, "InstanceRunning", 5, new[] { new Response(null, 400, "InvalidInstanceID.NotFound", "gone"), new Response(Tree(stopping), 200) }),
            (ec2, "InstanceRunning", 3, new[] { new Response(Tree(pending), 200) }),
            (ec2, "InstanceRunning", 3, new[] { new Response(null, 400, "UnauthorizedOperation", "no") }),
            (ec2, "InstanceStopped", 4, new[] { new Response(Tree(stopping), 200), new Response(Tree(@"{""Reservations"": [{""Instances"": [{""State"": {""Name"": ""stopped""}}]}]}"), 200) }),
            (dynamodb, "TableExists", 4, new[] { new Response(null, 400, "ResourceNotFoundException", "nf"), new Response(Tree(@"{""Table"": {""TableStatus"": ""ACTIVE""}}"), 200) }),
            (dynamodb, "TableNotExists", 3, new[] { new Response(Tree(@"{""Table"": {""TableStatus"": ""DELETING""}}"), 200), new Response(null, 400, "ResourceNotFoundException", "nf") }),
            (s3, "BucketExists", 3, new[] { new Response(null, 404, "404", "Not Found") }),
            (s3, "BucketNotExists", 3, new[] { new Response(new Dictionary<string, object?>(), 200), new Response(null, 404, "404", "Not Found") }),
            (s3, "ObjectExists", 2, new[] { new Response(null, 403, "403", "Forbidden") }),
        };
        var input = JsonSerializer.Serialize(cases.Select(c => new
        {
            definition = File.ReadAllText(c.File), name = c.Name, maxAttempts = c.MaxAttempts,
            responses = c.Responses.Select(r => new { output = r.Output, status = r.Status, code = r.Code, message = r.Message }),
        }));
        var reference = JsonDocument.Parse(PythonOracle.Run(Script, input)).RootElement;

        for (var i = 0; i < cases.Length; i++)
        {
            var (file, name, maxAttempts, responses) = cases[i];
            var definition = WaiterDefinition.ParseFile(File.ReadAllBytes(file), file)[name];
            var calls = 0;
            var waiter = new Waiter(definition, (_, _) =>
            {
                var r = responses[Math.Min(calls++, responses.Length - 1)];
                return Task.FromResult(new WaiterResponse(r.Output is null ? null : new AwsCore.Models.ValueMap(r.Output), r.Status, r.Code, r.Message));
            });
            var expected = reference[i];
            var label = $"case {i} ({name})";
            try
            {
                var result = waiter.Wait(options: new WaiterOptions { MaxAttempts = maxAttempts, Delay = TimeSpan.Zero });
                Assert.True(expected.GetProperty("ok").GetBoolean(), $"{label}: AwsCore succeeded, botocore failed: {expected}");
                Assert.Equal(expected.GetProperty("attempts").GetInt32(), result.Attempts);
            }
            catch (WaiterException e)
            {
                Assert.False(expected.GetProperty("ok").GetBoolean(), $"{label}: AwsCore failed ({e.Message}), botocore succeeded");
                Assert.Equal(expected.GetProperty("attempts").GetInt32(), calls);
                // Our message is botocore's plus the last response; after max attempts botocore names a different
                // acceptor than the last one that matched (a loop variable), so only its first sentence is compared.
                var theirs = expected.GetProperty("message").GetString()!;
                var comparable = theirs.Split(new[] { ". Previously accepted state" }, StringSplitOptions.None)[0];
                Assert.StartsWith(comparable, e.Message);
            }
        }
    }

    private static string Latest(string service) =>
        Path.Combine(Directory.GetDirectories(Path.Combine(BotocoreData.Directory(), service)).OrderBy(d => d, StringComparer.Ordinal).Last(), "waiters-2.json");
}
