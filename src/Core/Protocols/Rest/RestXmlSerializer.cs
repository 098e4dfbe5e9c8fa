using AwsCore.Models;

namespace AwsCore.Protocols.Rest;

/// <summary>rest-xml: the REST bindings with an XML body rooted at the input's (or payload member's) locationName.</summary>
internal sealed class RestXmlSerializer : RestSerializer
{
    protected override byte[] SerializeBody(Shape shape, object value, bool isPayloadMember) =>
        XmlBodyWriter.Write(shape, value, shape.LocationName ?? shape.Name);

    protected override byte[] EmptyBody => Array.Empty<byte>();
}
