using System.Runtime.CompilerServices;
using AwsCore.Http;
using AwsCore.Models;
using AwsCore.Runtime;

namespace AwsCore.Protocols;

/// <summary>
/// The protocol-independent part of response parsing (botocore's ResponseParser): generic 5xx errors,
/// ResponseMetadata, and finding the modeled error shape for an error code.
/// </summary>
internal abstract class ParserBase : IProtocolParser
{
    private static readonly ConditionalWeakTable<ServiceModel, Dictionary<string, Shape>> ErrorShapes = new();

    public ValueMap Parse(OperationModel operation, AwsHttpResponse response)
    {
        var parsed = DoParse(operation, response, operation.Output);
        AddResponseMetadata(parsed, response);
        return parsed;
    }

    public AwsServiceException ParseError(OperationModel operation, AwsHttpResponse response)
    {
        var parsed = ParseErrorTree(operation, response);
        var error = parsed.TryGetValue("Error", out var e) && e is ValueMap d ? d : new ValueMap();
        var fields = new ValueMap(error);
        foreach (var pair in parsed)
            if (pair.Key != "Error" && pair.Key != "ResponseMetadata") fields[pair.Key] = pair.Value;
        var metadata = parsed.TryGetValue("ResponseMetadata", out var m) ? m as ValueMap : null;
        var requestId = metadata != null && metadata.TryGetValue("RequestId", out var id) ? id as string : null;
        return new AwsServiceException(
            error.TryGetValue("Code", out var code) ? code as string ?? "" : "",
            error.TryGetValue("Message", out var message) ? message as string ?? "" : "",
            response.StatusCode, requestId, operation.Service.ServiceName, operation.Name, fields, parsed);
    }

    /// <summary>
    /// The error as botocore returns it: {"Error": {"Code", "Message", ...}, "ResponseMetadata": {...}} with the
    /// members of the modeled error shape (found by code among the service's exception shapes) merged in.
    /// </summary>
    internal ValueMap ParseErrorTree(OperationModel operation, AwsHttpResponse response)
    {
        var parsed = IsGenericError(response) ? GenericError(response) : DoErrorParse(operation, response);
        AddResponseMetadata(parsed, response);
        if (parsed.TryGetValue("Error", out var e) && e is ValueMap error
            && error.TryGetValue("Code", out var c) && c is string code
            && ErrorShapeFor(operation.Service, code) is { } shape)
        {
            foreach (var pair in DoModeledErrorParse(response, shape)) parsed[pair.Key] = pair.Value;
        }
        return parsed;
    }

    protected abstract ValueMap DoParse(OperationModel operation, AwsHttpResponse response, Shape? shape);

    protected abstract ValueMap DoErrorParse(OperationModel operation, AwsHttpResponse response);

    protected abstract ValueMap DoModeledErrorParse(AwsHttpResponse response, Shape shape);

    /// <summary>The exception shape whose error code (the error trait's code, else its name) is <paramref name="code"/>.</summary>
    internal static Shape? ErrorShapeFor(ServiceModel service, string code)
    {
        var map = ErrorShapes.GetValue(service, BuildErrorShapes);
        return map.TryGetValue(code, out var shape) ? shape : null;
    }

    private static Dictionary<string, Shape> BuildErrorShapes(ServiceModel service)
    {
        var map = new Dictionary<string, Shape>(StringComparer.Ordinal);
        foreach (var name in service.ShapeNames)
        {
            var shape = service.GetShape(name);
            if (!shape.IsException) continue;
            map[shape.Error?.Code is { Length: > 0 } code ? code : name] = shape;
        }
        return map;
    }

    protected static void AddResponseMetadata(ValueMap parsed, AwsHttpResponse response)
    {
        if (!parsed.TryGetValue("ResponseMetadata", out var existing) || existing is not ValueMap metadata)
        {
            metadata = new ValueMap();
            parsed["ResponseMetadata"] = metadata;
        }
        metadata["HTTPStatusCode"] = BoxedStatus(response.StatusCode);
        var headers = new ValueMap(response.Headers.Count);
        foreach (var header in response.Headers) headers[LowercaseName(header.Key)] = header.Value;
        metadata["HTTPHeaders"] = headers;
    }

    private static readonly object Ok = 200;

    private static object BoxedStatus(int status) => status == 200 ? Ok : status;

    /// <summary>Header names as botocore's HTTPHeaders keys: lower case; the names responses carry most are lowered once.</summary>
    private static string LowercaseName(string name) =>
        KnownLowercase.TryGetValue(name, out var lower) ? lower : name.ToLowerInvariant();

    private static readonly Dictionary<string, string> KnownLowercase = new[]
    {
        "Content-Type", "Content-Length", "Date", "Server", "Connection", "ETag", "Last-Modified", "Accept-Ranges",
        "x-amzn-RequestId", "x-amz-request-id", "x-amz-id-2", "x-amz-crc32", "x-amz-checksum-crc32", "x-amz-checksum-type",
        "x-amz-server-side-encryption", "x-amz-version-id", "x-amz-bucket-region", "x-amzn-ErrorType", "x-amzn-query-error",
    }.ToDictionary(n => n, n => n.ToLowerInvariant(), StringComparer.Ordinal);

    /// <summary>A 5xx with an empty or HTML body: no protocol error to read, only the status.</summary>
    private static bool IsGenericError(AwsHttpResponse response)
    {
        if (response.StatusCode < 500) return false;
        var body = response.Body;
        var start = 0;
        while (start < body.Length && IsSpace(body[start])) start++;
        if (start == body.Length) return true;
        const string html = "<html>";
        if (body.Length - start < html.Length) return false;
        for (var i = 0; i < html.Length; i++)
            if (body[start + i] != html[i]) return false;
        return true;
    }

    private static bool IsSpace(byte b) => b == ' ' || b == '\t' || b == '\n' || b == '\r' || b == '\f' || b == '\v';

    private static ValueMap GenericError(AwsHttpResponse response) => new()
    {
        ["Error"] = new ValueMap
        {
            ["Code"] = response.StatusCode.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Message"] = HttpReason.Phrase(response.StatusCode),
        },
        ["ResponseMetadata"] = new ValueMap(),
    };
}
