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

    protected override Dictionary<string, object?> DoParse(OperationModel operation, AwsHttpResponse response, Shape? shape) =>
        ParseBody(response, shape, injectMetadata: true);

    protected override Dictionary<string, object?> DoModeledErrorParse(AwsHttpResponse response, Shape shape) =>
        ParseBody(response, shape, injectMetadata: false);

    protected override Dictionary<string, object?> DoErrorParse(OperationModel operation, AwsHttpResponse response)
    {
        var root = XmlNodes.Load(response.Body);
        var parsed = XmlNodes.Untyped(root);
        if (parsed.TryGetValue("Errors", out var errors))
        {
            parsed.Remove("Errors");
            if (errors is Dictionary<string, object?> inner)
                foreach (var pair in inner) parsed[pair.Key] = pair.Value;
        }
        var requestIdKey = _ec2 && parsed.ContainsKey("RequestID") ? "RequestID" : "RequestId";
        if (parsed.TryGetValue(requestIdKey, out var requestId))
        {
            parsed.Remove(requestIdKey);
            parsed["ResponseMetadata"] = new Dictionary<string, object?>(StringComparer.Ordinal) { ["RequestId"] = requestId };
        }
        return parsed;
    }

    private Dictionary<string, object?> ParseBody(AwsHttpResponse response, Shape? shape, bool injectMetadata)
    {
        var root = XmlNodes.Load(response.Body);
        var parsed = new Dictionary<string, object?>(StringComparer.Ordinal);
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

    private void InjectMetadata(XmlNode root, Dictionary<string, object?> parsed)
    {
        var children = XmlNodes.ChildMap(root);
        if (_ec2)
        {
            if (children.TryGetValue("requestId", out var id))
                parsed["ResponseMetadata"] = new Dictionary<string, object?>(StringComparer.Ordinal) { ["RequestId"] = First(id).Text };
            return;
        }
        if (children.TryGetValue("ResponseMetadata", out var metadataNode))
        {
            var metadata = new Dictionary<string, object?>(StringComparer.Ordinal);
            foreach (var pair in XmlNodes.ChildMap(First(metadataNode))) metadata[pair.Key] = XmlNodes.TextOrNull(First(pair.Value));
            parsed["ResponseMetadata"] = metadata;
        }
    }

    private static XmlNode First(object node) => node is List<XmlNode> list ? list[0] : (XmlNode)node;
}
