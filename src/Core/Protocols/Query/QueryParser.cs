using AwsCore.Http;
using AwsCore.Models;
using AwsCore.Protocols.Xml;

namespace AwsCore.Protocols.Query;

/// <summary>
/// query and ec2 responses: XML whose result sits under the output's resultWrapper (query) or the root (ec2);
/// the request id under ResponseMetadata/RequestId (query) or requestId (ec2); errors under Error or Errors/Error.
/// </summary>
internal sealed class QueryParser : ParserBase
{
    private readonly bool _ec2;
    private readonly XmlShapeReader _reader;

    public QueryParser(bool ec2)
    {
        _ec2 = ec2;
        _reader = new XmlShapeReader(ec2);
    }

    protected override ValueMap DoParse(OperationModel operation, AwsHttpResponse response, Shape? shape) =>
        ParseBody(response, shape, injectMetadata: true);

    protected override ValueMap DoModeledErrorParse(AwsHttpResponse response, Shape shape) =>
        ParseBody(response, shape, injectMetadata: false);

    protected override ValueMap DoErrorParse(OperationModel operation, AwsHttpResponse response)
    {
        var root = XmlNodes.Load(response.Body);
        var parsed = XmlNodes.Untyped(root);
        if (parsed.TryGetValue("Errors", out var errors))
        {
            parsed.Remove("Errors");
            if (errors is ValueMap inner)
                foreach (var pair in inner) parsed[pair.Key] = pair.Value;
        }
        var requestIdKey = _ec2 && parsed.ContainsKey("RequestID") ? "RequestID" : "RequestId";
        if (parsed.TryGetValue(requestIdKey, out var requestId))
        {
            parsed.Remove(requestIdKey);
            parsed["ResponseMetadata"] = new ValueMap { ["RequestId"] = requestId };
        }
        return parsed;
    }

    private ValueMap ParseBody(AwsHttpResponse response, Shape? shape, bool injectMetadata)
    {
        var root = XmlNodes.Load(response.Body);
        var parsed = new ValueMap();
        if (shape is not null)
        {
            object? start = root;
            if (shape.ResultWrapper is { } wrapper)
                start = XmlNodes.ChildMap(root).TryGetValue(wrapper, out var wrapped) ? wrapped : null;
            if (start is not null) parsed = _reader.ReadStructure(shape, start);
        }
        if (injectMetadata) InjectMetadata(root, parsed);
        return parsed;
    }

    private void InjectMetadata(XmlNode root, ValueMap parsed)
    {
        var children = XmlNodes.ChildMap(root);
        if (_ec2)
        {
            if (children.TryGetValue("requestId", out var id))
                parsed["ResponseMetadata"] = new ValueMap { ["RequestId"] = First(id).Text };
            return;
        }
        if (children.TryGetValue("ResponseMetadata", out var metadataNode))
        {
            var metadata = new ValueMap();
            foreach (var pair in XmlNodes.ChildMap(First(metadataNode))) metadata[pair.Key] = XmlNodes.TextOrNull(First(pair.Value));
            parsed["ResponseMetadata"] = metadata;
        }
    }

    private static XmlNode First(object node) => node is List<XmlNode> list ? list[0] : (XmlNode)node;
}
