using System.Text.Json;
using AwsCore.Jmes;
using AwsCore.Runtime;
using AwsCore.Tests.Jmes;

namespace AwsCore.Tests.Pagination;

/// <summary>
/// botocore's own Paginator, driven in python3 over the same in-memory service, is the reference: the pages,
/// the MaxItems cuts and the resume tokens (byte for byte) must be the same, so tokens move between the two.
/// </summary>
public sealed class PaginatorDifferentialTests
{
    private const string Script = @"
import sys, json
from botocore.paginate import Paginator
cfg = json.load(sys.stdin)
count, default = cfg['count'], cfg['pageSize']
def key(i): return 'k%05d' % i
def list_objects(**kw):
    m = kw.get('Marker')
    start = int(m[1:]) + 1 if m else 0
    size = kw.get('MaxKeys') or default
    end = min(count, start + size)
    return {'Name': 'bucket', 'Owner': {'ID': 'owner-1', 'DisplayName': 'o'}, 'IsTruncated': end < count,
            'Contents': [{'Key': key(i), 'Size': i, 'ETag': '""e%d""' % i} for i in range(start, end)], 'MaxKeys': size}
def scan(**kw):
    k = kw.get('ExclusiveStartKey')
    start = int(k['id']['S']) + 1 if k else 0
    size = kw.get('Limit') or default
    end = min(count, start + size)
    items = [{'id': {'S': str(i)}} for i in range(start, end)]
    page = {'Items': items, 'Count': len(items), 'ScannedCount': len(items) + 1,
            'ConsumedCapacity': {'TableName': 't', 'CapacityUnits': 0.5}}
    if end < count:
        page['LastEvaluatedKey'] = {'id': {'S': str(end - 1)}, 'bin': {'B': bytes([0, 1, 2, 250])}}
    return page
paginators = json.loads(cfg['definitions'])['pagination']
out = []
for run in cfg['runs']:
    method = list_objects if run['operation'] == 'ListObjects' else scan
    p = Paginator(method, paginators[run['operation']], None)
    token, chain = run.get('start'), []
    while True:
        pc = {'MaxItems': run['maxItems']}
        if token: pc['StartingToken'] = token
        it = p.paginate(PaginationConfig=pc)
        pages = [json.dumps(page, default=lambda b: list(b)) for page in it]
        chain.append({'pages': pages, 'resume': it.resume_token})
        token = it.resume_token
        if not token: break
    out.append(chain)
print(json.dumps(out))
";

    [Theory]
    [InlineData("ListObjects", 23, 5, 7)]
    [InlineData("ListObjects", 23, 5, 10)]
    [InlineData("ListObjects", 23, 5, 3)]
    [InlineData("ListObjects", 2500, 1000, 1100)]
    [InlineData("Scan", 17, 4, 5)]
    public void PagesAndResumeTokensMatchBotocore(string operation, int count, int pageSize, int maxItems)
    {
        var input = JsonSerializer.Serialize(new
        {
            count, pageSize, definitions = FakeListService.PaginatorJson,
            runs = new[] { new { operation, maxItems } },
        });
        var reference = JsonDocument.Parse(PythonOracle.Run(Script, input)).RootElement[0];

        var service = new FakeListService(count, pageSize);
        var paginator = new Paginator(FakeListService.Definition(operation), operation == "Scan" ? service.Scan : service.ListObjects);
        string? token = null;
        var step = 0;
        do
        {
            var run = paginator.Paginate(options: new PaginationOptions { MaxItems = maxItems, StartingToken = token });
            var pages = run.Select(p => JmesJson.Serialize(WithBytesAsLists(p), spaced: true)).ToList();
            var expected = reference[step];
            Assert.Equal(expected.GetProperty("pages").EnumerateArray().Select(p => p.GetString()), pages);
            Assert.Equal(expected.GetProperty("resume").ValueKind == JsonValueKind.Null ? null : expected.GetProperty("resume").GetString(), run.ResumeToken);
            token = run.ResumeToken;
            step++;
        } while (token is not null);
        Assert.Equal(reference.GetArrayLength(), step);
    }

    private static object? WithBytesAsLists(object? value) => value switch
    {
        byte[] bytes => bytes.Select(b => (object?)(long)b).ToList(),
        IDictionary<string, object?> dict => dict.ToDictionary(e => e.Key, e => WithBytesAsLists(e.Value)),
        List<object?> list => list.Select(WithBytesAsLists).ToList(),
        _ => value,
    };
}
