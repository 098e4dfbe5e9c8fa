using System.Text.Json;
using AwsCore.Jmes;
using AwsCore.Runtime;
using AwsCore.Tests.Jmes;

namespace AwsCore.Tests.Pagination;

/// <summary>Tokens encode exactly as botocore's TokenEncoder and decode what its encoder writes (python3).</summary>
public sealed class PaginationTokenTests
{
    private const string Script = @"
import sys, json, base64
from botocore.paginate import TokenEncoder, TokenDecoder
tokens = [
    {'Marker': 'k00009', 'boto_truncate_amount': 2},
    {'Marker': None, 'boto_truncate_amount': 5},
    {'KeyMarker': 'caf\u00e9/\u65e5\u672c \ud83d\ude00', 'VersionIdMarker': 'v1\n""q""'},
    {'ExclusiveStartKey': {'id': {'S': '9'}, 'bin': {'B': bytes([0, 1, 2, 250])}, 'set': {'BS': [b'x', b'yz']}}, 'boto_truncate_amount': 1},
    {'NextToken': 12345, 'Ratio': 0.25, 'Flag': True, 'Empty': [], 'Nested': {}},
]
ours = json.load(sys.stdin)
print(json.dumps({
    'encoded': [TokenEncoder().encode(t) for t in tokens],
    'reencoded': [TokenEncoder().encode(TokenDecoder().decode(t)) for t in ours],
}))
";

    private static List<Dictionary<string, object?>> Tokens() => new()
    {
        new() { ["Marker"] = "k00009", ["boto_truncate_amount"] = 2L },
        new() { ["Marker"] = null, ["boto_truncate_amount"] = 5L },
        new() { ["KeyMarker"] = "café/日本 😀", ["VersionIdMarker"] = "v1\n\"q\"" },
        new()
        {
            ["ExclusiveStartKey"] = new Dictionary<string, object?>
            {
                ["id"] = new Dictionary<string, object?> { ["S"] = "9" },
                ["bin"] = new Dictionary<string, object?> { ["B"] = new byte[] { 0, 1, 2, 250 } },
                ["set"] = new Dictionary<string, object?> { ["BS"] = new List<object?> { new byte[] { (byte)'x' }, new byte[] { (byte)'y', (byte)'z' } } },
            },
            ["boto_truncate_amount"] = 1L,
        },
        new() { ["NextToken"] = 12345, ["Ratio"] = 0.25, ["Flag"] = true, ["Empty"] = new List<object?>(), ["Nested"] = new Dictionary<string, object?>() },
    };

    [Fact]
    public void EncodingIsByteForByteBotocores()
    {
        var ours = Tokens().Select(PaginationToken.Encode).ToList();
        var reference = JsonDocument.Parse(PythonOracle.Run(Script, JsonSerializer.Serialize(ours))).RootElement;
        Assert.Equal(reference.GetProperty("encoded").EnumerateArray().Select(e => e.GetString()), ours);
        // botocore decodes our tokens and, encoding them again, gets the same text.
        Assert.Equal(ours, reference.GetProperty("reencoded").EnumerateArray().Select(e => e.GetString()));
    }

    [Fact]
    public void DecodingRestoresTheTree()
    {
        foreach (var token in Tokens())
        {
            Assert.True(PaginationToken.TryDecode(PaginationToken.Encode(token), out var decoded));
            Assert.Equal(JmesJson.Serialize(Normalize(token)), JmesJson.Serialize(Normalize(decoded)));
        }
        Assert.False(PaginationToken.TryDecode("not base64!", out _));
        Assert.False(PaginationToken.TryDecode(Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes("[1, 2]")), out _));
    }

    private static object? Normalize(object? value) => value switch
    {
        byte[] bytes => "bytes:" + Convert.ToBase64String(bytes),
        int i => (long)i,
        IDictionary<string, object?> dict => dict.ToDictionary(e => e.Key, e => Normalize(e.Value)),
        List<object?> list => list.Select(Normalize).ToList(),
        _ => value,
    };
}
