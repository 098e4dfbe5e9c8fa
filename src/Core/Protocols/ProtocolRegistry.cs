using AwsCore.Protocols.Json;
using AwsCore.Protocols.Query;
using AwsCore.Protocols.Rest;
using AwsCore.Protocols.RpcV2;

namespace AwsCore.Protocols;

/// <summary>The serializer and parser of one protocol.</summary>
public sealed record ProtocolPair(string Protocol, IProtocolSerializer Serializer, IProtocolParser Parser);

/// <summary>Finds the serializer/parser pair for a protocol name as the models spell it. Instances are stateless and shared.</summary>
public static class ProtocolRegistry
{
    private static readonly Dictionary<string, ProtocolPair> Pairs = new(StringComparer.Ordinal)
    {
        ["query"] = new("query", new QuerySerializer(ec2: false), new QueryParser(ec2: false)),
        ["ec2"] = new("ec2", new QuerySerializer(ec2: true), new QueryParser(ec2: true)),
        ["json"] = new("json", new JsonSerializer(), new JsonParser()),
        ["rest-json"] = new("rest-json", new RestJsonSerializer(), new RestJsonParser()),
        ["rest-xml"] = new("rest-xml", new RestXmlSerializer(), new RestXmlParser()),
        ["smithy-rpc-v2-cbor"] = new("smithy-rpc-v2-cbor", new RpcV2CborSerializer(), new RpcV2CborParser()),
    };

    /// <summary>The protocols served: query, ec2, json, rest-json, rest-xml, smithy-rpc-v2-cbor.</summary>
    public static IEnumerable<string> Protocols => Pairs.Keys;

    /// <summary>The pair for <paramref name="protocol"/>; an unknown name throws and lists the known ones.</summary>
    public static ProtocolPair For(string protocol) =>
        Pairs.TryGetValue(protocol, out var pair)
            ? pair
            : throw new NotSupportedException($"protocol '{protocol}' is not supported (supported: {string.Join(", ", Pairs.Keys)})");
}
