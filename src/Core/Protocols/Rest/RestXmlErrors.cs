using AwsCore.Http;
using AwsCore.Protocols.Xml;

namespace AwsCore.Protocols;

/// <summary>rest-xml helpers the client needs around S3's habit of sending errors with status 200.</summary>
public static class RestXmlErrors
{
    /// <summary>
    /// Whether a 200 response's body is really an error (S3 CopyObject, CompleteMultipartUpload, ... send these): a
    /// body whose root element is &lt;Error&gt;, or one that is not well-formed XML (cut off mid-error). The client
    /// treats such a response as a 500 and parses it with <see cref="IProtocolParser.ParseError"/>.
    /// </summary>
    public static bool IsErrorIn200Response(AwsHttpResponse response)
    {
        if (response.StatusCode != 200 || response.Body.Length == 0) return false;
        try
        {
            return XmlNodes.Load(response.Body).Tag == "Error";
        }
        catch (FormatException)
        {
            return true;
        }
    }
}
