using System.Collections;
using System.Text.Json;
using AwsCore.Credentials;
using AwsCore.Jmes;
using AwsCore.Models;
using AwsCore.Runtime;
using AwsCore.Tests.Integration;
using AwsCore.Tests.Support;

namespace AwsCore.Tests.Pagination;

/// <summary>
/// A paginated run through <see cref="AwsClient"/> converts the caller's input once: every page reuses the converted
/// tree, and only the token members change between pages. Three DynamoDB Scan pages come from a loopback server.
/// </summary>
public sealed class PaginatedInputConversionTests
{
    private const int Pages = 3;

    [Fact]
    public void ThreePagesConvertTheInputOnce()
    {
        using var server = new LoopbackServer(AnswerScanPage);
        var attributes = new CountingList("id", "name");

        var items = Client(server).Paginate("Scan", new Dictionary<string, object?> { ["TableName"] = "t", ["AttributesToGet"] = attributes }).Items().ToList();

        Assert.Equal(Enumerable.Range(0, Pages).Select(Id), items.Select(i => (string?)MotoClients.Walk(i, "id", "S")));
        Assert.Equal(Pages, server.Requests.Count);
        Assert.Equal(1, attributes.Enumerations);
        var bodies = server.Requests.Select(r => JsonDocument.Parse(r.Body).RootElement).ToList();
        Assert.All(bodies, body => Assert.Equal(new[] { "id", "name" }, body.GetProperty("AttributesToGet").EnumerateArray().Select(a => a.GetString())));
        Assert.False(bodies[0].TryGetProperty("ExclusiveStartKey", out _));
        Assert.Equal(new[] { Id(0), Id(1) }, bodies.Skip(1).Select(b => b.GetProperty("ExclusiveStartKey").GetProperty("id").GetProperty("S").GetString()));
    }

    [Fact]
    public void ABeforeParameterBuildHandlerSeesEveryPagesInputAndItsChangesAreConverted()
    {
        using var server = new LoopbackServer(AnswerScanPage);
        var client = Client(server);
        var seenTokens = new List<object?>();
        client.Events.Register("before-parameter-build.dynamodb.Scan", args =>
        {
            seenTokens.Add(args.Parameters!.TryGetValue("ExclusiveStartKey", out var key) ? key : null);
            args.Parameters["Limit"] = 5L;
            return null;
        });

        var items = client.Paginate("Scan", new Dictionary<string, object?> { ["TableName"] = "t" }).Items().Count();

        Assert.Equal(Pages, items);
        Assert.Equal(Pages, seenTokens.Count);
        Assert.Null(seenTokens[0]);
        Assert.All(seenTokens.Skip(1), Assert.NotNull);
        Assert.All(server.Requests, r => Assert.Equal(5, JsonDocument.Parse(r.Body).RootElement.GetProperty("Limit").GetInt32()));
    }

    [Fact]
    public void EachPageConvertsAsAWholeConversionWouldAndReusesTheFirstPagesMembers()
    {
        var model = ModelLoader.Default.GetService("dynamodb");
        var scan = model.GetOperation("Scan");
        var run = new PaginatedInput(scan.Input, model.Paginators["Scan"]);
        var names = new Hashtable { ["#n"] = "name" };
        var page = new Dictionary<string, object?> { ["TableName"] = "t", ["Select"] = null, ["ExpressionAttributeNames"] = names, ["Limit"] = 10L };
        var startKeys = new object?[] { null, new Hashtable { ["id"] = new Hashtable { ["S"] = "4" } }, null };

        IDictionary<string, object?>? first = null;
        foreach (var startKey in startKeys)
        {
            if (startKey is null) page.Remove("ExclusiveStartKey");
            else page["ExclusiveStartKey"] = startKey;
            var converted = run.ConvertPage(page);
            Assert.Equal(JmesJson.Serialize(ParameterConverter.ConvertInput(page, scan.Input)), JmesJson.Serialize(converted));
            first ??= converted;
            Assert.Same(first["ExpressionAttributeNames"], converted["ExpressionAttributeNames"]);
        }
    }

    private static AwsClient Client(LoopbackServer server) => AwsClientFactory.Create("dynamodb", new ClientOptions
    {
        Region = "us-east-1",
        EndpointUrl = server.Url.ToString(),
        Credentials = new AwsCredentials("AKIDLOOPBACK", "loopback-secret", source: "test"),
        Environment = MotoClients.IsolatedEnvironment(),
    });

    private static string Id(int index) => index.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>One item a page; every page but the last names its item as LastEvaluatedKey.</summary>
    private static Task AnswerScanPage(LoopbackRequest request, LoopbackConnection connection)
    {
        using var input = JsonDocument.Parse(request.Body);
        var index = input.RootElement.TryGetProperty("ExclusiveStartKey", out var key) ? int.Parse(key.GetProperty("id").GetProperty("S").GetString()!) + 1 : 0;
        var item = $"{{\"id\":{{\"S\":\"{Id(index)}\"}}}}";
        var body = $"{{\"Items\":[{item}],\"Count\":1,\"ScannedCount\":1{(index < Pages - 1 ? ",\"LastEvaluatedKey\":" + item : "")}}}";
        return connection.Respond(200, body, ("Content-Type", "application/x-amz-json-1.0"));
    }

    /// <summary>A list that is no collection, so converting it enumerates it: the count says how often the input was converted.</summary>
    private sealed class CountingList : IEnumerable<string>
    {
        private readonly string[] _items;

        public CountingList(params string[] items) => _items = items;

        public int Enumerations { get; private set; }

        public IEnumerator<string> GetEnumerator()
        {
            Enumerations++;
            return ((IEnumerable<string>)_items).GetEnumerator();
        }

        IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
    }
}
