using System.Collections;
using System.Runtime.CompilerServices;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using System.Xml;
using AwsCore.Http;
using AwsCore.Models;
using AwsCore.Protocols;

namespace AwsCore.Runtime;

/// <summary>
/// The S3 request and response transforms of botocore's handlers module, each named after the handler it mirrors.
/// Parameters are the value tree; <c>context</c> is the call's scratch dictionary (botocore's request context).
/// </summary>
internal static class S3Customizations
{
    public const string EncodingTypeAutoSet = "encoding_type_auto_set";

    private static readonly Regex ValidBucket = new(@"^[a-zA-Z0-9.\-_]{1,255}$", RegexOptions.CultureInvariant);

    private static readonly Regex ValidS3Arn = new(
        @"^arn:(aws).*:(s3|s3-object-lambda):[a-z\-0-9]*:[0-9]{12}:accesspoint[/:][a-zA-Z0-9\-.]{1,63}$" +
        @"|^arn:(aws).*:s3-outposts:[a-z\-0-9]+:[0-9]{12}:outpost[/:][a-zA-Z0-9\-]{1,63}[/:]accesspoint[/:][a-zA-Z0-9\-]{1,63}$",
        RegexOptions.CultureInvariant);

    private static readonly Regex VersionIdSuffix = new(@"\?versionId=[^\s]+$", RegexOptions.CultureInvariant);

    /// <summary>
    /// ListObjects, ListObjectsV2, ListObjectVersions: ask S3 to url-encode keys (so keys with characters XML cannot
    /// carry survive) unless the caller chose an EncodingType; the response is decoded again by the Decode* handlers.
    /// </summary>
    public static void SetListObjectsEncodingTypeUrl(IDictionary<string, object?> parameters, IDictionary<string, object?> context)
    {
        if (parameters.ContainsKey("EncodingType")) return;
        context[EncodingTypeAutoSet] = true;
        parameters["EncodingType"] = "url";
    }

    public static void DecodeListObject(IDictionary<string, object?> parsed, IDictionary<string, object?> context) =>
        DecodeListObjectKeys(parsed, context, new[] { "Delimiter", "Marker", "NextMarker" }, ("Contents", "Key"), ("CommonPrefixes", "Prefix"));

    public static void DecodeListObjectV2(IDictionary<string, object?> parsed, IDictionary<string, object?> context) =>
        DecodeListObjectKeys(parsed, context, new[] { "Delimiter", "Prefix", "StartAfter" }, ("Contents", "Key"), ("CommonPrefixes", "Prefix"));

    public static void DecodeListObjectVersions(IDictionary<string, object?> parsed, IDictionary<string, object?> context) =>
        DecodeListObjectKeys(parsed, context, new[] { "KeyMarker", "NextKeyMarker", "Prefix", "Delimiter" },
            ("Versions", "Key"), ("DeleteMarkers", "Key"), ("CommonPrefixes", "Prefix"));

    /// <summary>Only when AwsCore asked for url encoding itself: a caller who asked gets the encoded keys, as in botocore.</summary>
    private static void DecodeListObjectKeys(IDictionary<string, object?> parsed, IDictionary<string, object?> context,
        string[] topLevelKeys, params (string List, string Member)[] nestedKeys)
    {
        if (!(parsed.TryGetValue("EncodingType", out var encoding) && encoding as string == "url"
              && context.TryGetValue(EncodingTypeAutoSet, out var auto) && auto is true))
            return;
        foreach (var key in topLevelKeys)
            if (parsed.TryGetValue(key, out var value) && value is string text)
                parsed[key] = PercentDecoding.UnquotePlus(text);
        foreach (var (list, member) in nestedKeys)
        {
            if (!parsed.TryGetValue(list, out var items) || items is not IEnumerable entries) continue;
            foreach (var entry in entries)
                if (entry is IDictionary<string, object?> item && item.TryGetValue(member, out var value) && value is string text)
                    item[member] = PercentDecoding.UnquotePlus(text);
        }
    }

    /// <summary>SSE-C: sends the customer key base64-encoded with its base64 MD5, unless the caller gave the MD5.</summary>
    public static void SseMd5(IDictionary<string, object?> parameters) => SseMd5(parameters, "SSECustomerKey", "SSECustomerKeyMD5");

    /// <summary>The same for the copy source's key of CopyObject and UploadPartCopy.</summary>
    public static void CopySourceSseMd5(IDictionary<string, object?> parameters) =>
        SseMd5(parameters, "CopySourceSSECustomerKey", "CopySourceSSECustomerKeyMD5");

    private static void SseMd5(IDictionary<string, object?> parameters, string keyMember, string md5Member)
    {
        if (!parameters.TryGetValue(keyMember, out var key) || key is null || parameters.ContainsKey(md5Member)) return;
        var bytes = key switch
        {
            string text => Encoding.UTF8.GetBytes(text),
            byte[] raw => raw,
            _ => null,
        };
        if (bytes is null) return; // not a key the handler understands: validation reports it
        using var md5 = MD5.Create();
        parameters[keyMember] = Convert.ToBase64String(bytes);
        parameters[md5Member] = Convert.ToBase64String(md5.ComputeHash(bytes));
    }

    /// <summary>
    /// The common case of <see cref="ValidBucket"/> without running the regex: 1 to 255 of its characters and nothing else.
    /// Anything this declines still goes to the regexes, which decide.
    /// </summary>
    private static bool IsPlainBucketName(string bucket)
    {
        if (bucket.Length is 0 or > 255) return false;
        foreach (var c in bucket)
            if (!(c is >= 'a' and <= 'z' or >= 'A' and <= 'Z' or >= '0' and <= '9' or '.' or '-' or '_')) return false;
        return true;
    }

    /// <summary>
    /// CopyObject, UploadPartCopy: CopySource as "bucket/key[?versionId=...]" gets its key percent-encoded; as a
    /// dictionary of Bucket, Key and VersionId it is written out that way.
    /// </summary>
    /// <exception cref="ParameterValidationException">A CopySource dictionary without Bucket or Key.</exception>
    public static void HandleCopySourceParam(IDictionary<string, object?> parameters)
    {
        if (!parameters.TryGetValue("CopySource", out var source) || source is null) return;
        if (source is string text)
        {
            var match = VersionIdSuffix.Match(text);
            parameters["CopySource"] = match.Success
                ? UriEncoding.Encode(text.Substring(0, match.Index), keepSlash: true) + text.Substring(match.Index)
                : UriEncoding.Encode(text, keepSlash: true);
            return;
        }
        if (!InputValues.TryGetEntries(source, out var entries)) return;
        var fields = entries.Where(e => e.Key is string).ToDictionary(e => (string)e.Key, e => e.Value, StringComparer.Ordinal);
        var missing = new[] { "Bucket", "Key" }.Where(n => !fields.TryGetValue(n, out var v) || v is null).ToList();
        if (missing.Count > 0)
            throw new ParameterValidationException(missing.Select(n => new ParameterValidationError(
                "CopySource." + n, ParameterErrorKind.MissingRequired, $"Missing required parameter CopySource.{n}")).ToList());
        var bucket = Convert.ToString(fields["Bucket"], System.Globalization.CultureInfo.InvariantCulture)!;
        var key = Convert.ToString(fields["Key"], System.Globalization.CultureInfo.InvariantCulture)!;
        var path = ValidS3Arn.IsMatch(bucket) ? $"{bucket}/object/{key}" : $"{bucket}/{key}";
        var encoded = UriEncoding.Encode(path, keepSlash: true);
        if (fields.TryGetValue("VersionId", out var version) && version is not null) encoded += "?versionId=" + version;
        parameters["CopySource"] = encoded;
    }

    /// <summary>Every S3 operation: the Bucket must be a bucket name or an access-point / outpost ARN.</summary>
    /// <exception cref="ParameterValidationException">It is neither.</exception>
    public static void ValidateBucketName(IDictionary<string, object?> parameters)
    {
        if (!parameters.TryGetValue("Bucket", out var value) || value is not string bucket) return;
        if (IsPlainBucketName(bucket) || ValidBucket.IsMatch(bucket) || ValidS3Arn.IsMatch(bucket)) return;
        throw new ParameterValidationException(new[]
        {
            new ParameterValidationError("Bucket", ParameterErrorKind.InvalidType,
                $"Invalid bucket name \"{bucket}\": Bucket name must match the regex \"{ValidBucket}\" or be an access point or outpost ARN"),
        });
    }

    /// <summary>PutObject, CopyObject, CreateMultipartUpload: user metadata travels in headers, which take ASCII only.</summary>
    /// <exception cref="ParameterValidationException">A metadata name or value has a non-ASCII character.</exception>
    public static void ValidateAsciiMetadata(IDictionary<string, object?> parameters)
    {
        if (!parameters.TryGetValue("Metadata", out var metadata) || !InputValues.TryGetEntries(metadata, out var entries)) return;
        foreach (var entry in entries)
        {
            var key = entry.Key as string ?? "";
            var value = entry.Value as string ?? "";
            if (key.All(c => c < 0x80) && value.All(c => c < 0x80)) continue;
            throw new ParameterValidationException(new[]
            {
                new ParameterValidationError("Metadata." + key, ParameterErrorKind.InvalidType,
                    $"Parameter Metadata.{key}: S3 metadata names and values can only contain ASCII characters"),
            });
        }
    }

    /// <summary>
    /// botocore's remove_bucket_from_url_paths_from_model: the endpoint rule set puts the bucket in the host or the
    /// endpoint's path, so the "/{Bucket}" the model's requestUri starts with is taken out of the serialized path.
    /// </summary>
    public static void RemoveBucketFromUrlPath(OperationModel operation, IDictionary<string, object?> parameters, AwsHttpRequest request)
    {
        if (!operation.RequestUri.StartsWith("/{Bucket}", StringComparison.Ordinal)) return;
        if (!parameters.TryGetValue("Bucket", out var value) || value is not string bucket) return;
        var prefix = "/" + UriEncoding.Encode(bucket);
        var path = request.Path;
        if (!path.StartsWith(prefix, StringComparison.Ordinal)) return;
        var rest = path.Substring(prefix.Length);
        if (rest.Length > 0 && rest[0] != '/' && rest[0] != '?') return;
        request.Path = rest;
    }

    /// <summary>botocore's remove_accid_host_prefix_from_model: S3 Control's rule set adds the account id to the host itself.</summary>
    public static void RemoveAccountIdHostPrefix(OperationModel operation, AwsHttpRequest request)
    {
        if (operation.EndpointHostPrefix == "{AccountId}.") request.HostPrefix = null;
    }

    /// <summary>S3 uploads (PUT or POST with a streamed body) ask the server to accept before the body is sent.</summary>
    public static void AddExpectHeader(OperationModel operation, AwsHttpRequest request)
    {
        if (operation.HttpMethod is not ("PUT" or "POST")) return;
        if (request.BodyStream != null || operation.StreamingInput != null) request.Headers["Expect"] = "100-continue";
    }

    /// <summary>DeleteObjects, PutBucketLifecycleConfiguration: carriage returns and line feeds in keys go as XML character references.</summary>
    public static void EscapeXmlPayload(AwsHttpRequest request)
    {
        var body = request.Body;
        if (Array.IndexOf(body, (byte)'\r') < 0 && Array.IndexOf(body, (byte)'\n') < 0) return;
        var escaped = new List<byte>(body.Length + 32);
        foreach (var b in body)
        {
            if (b == '\r') escaped.AddRange(Encoding.ASCII.GetBytes("&#xD;"));
            else if (b == '\n') escaped.AddRange(Encoding.ASCII.GetBytes("&#xA;"));
            else escaped.Add(b);
        }
        request.Body = escaped.ToArray();
    }

    /// <summary>
    /// Every S3 operation whose output is not a blob or string payload: a 200 response whose body is an &lt;Error&gt;
    /// document (or is not XML at all) is an error, and becomes a 500 so it is parsed and retried as one.
    /// </summary>
    /// <returns>True when the status was changed.</returns>
    public static bool Handle200Error(OperationModel operation, AwsHttpResponse response)
    {
        if (!Facts(operation).Handle200Error || response.StatusCode != 200 || response.Body.Length == 0) return false;
        if (!LooksLikeError(response.Body)) return false;
        response.StatusCode = 500;
        return true;
    }

    /// <summary>What the response handlers need to know of an operation, worked out once per operation (the model's members are many).</summary>
    private static readonly ConditionalWeakTable<OperationModel, OperationFacts> FactsByOperation = new();

    private static OperationFacts Facts(OperationModel operation) => FactsByOperation.GetValue(operation, op => new OperationFacts(
        ShouldHandle200Error(op),
        op.Output is { } output && output.Members.Values.Any(m => m.Name == "Expires" && m.LocationName == "Expires")));

    private sealed record OperationFacts(bool Handle200Error, bool HasExpiresHeaderMember);

    private static bool ShouldHandle200Error(OperationModel operation)
    {
        var output = operation.Output;
        if (output is null || operation.EventStreamOutput != null) return false;
        if (output.Payload is { } payload && output.Members.TryGetValue(payload, out var member)
            && member.Type is ShapeType.Blob or ShapeType.String)
            return false;
        return true;
    }

    private static bool LooksLikeError(byte[] body)
    {
        try
        {
            using var reader = XmlReader.Create(new MemoryStream(body), new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null });
            reader.MoveToContent();
            var isError = reader.LocalName == "Error" && reader.NamespaceURI.Length == 0;
            while (reader.Read())
            {
                // read to the end: a document that breaks off is not a valid response either
            }
            return isError;
        }
        catch (XmlException)
        {
            return true;
        }
    }

    /// <summary>
    /// Operations with an Expires output header (GetObject, HeadObject): the raw header is kept as ExpiresString, and an
    /// Expires that is not a valid timestamp is dropped before parsing instead of failing the call.
    /// </summary>
    /// <returns>Members to add to the parsed output, or null.</returns>
    public static IDictionary<string, object?>? HandleExpiresHeader(OperationModel operation, AwsHttpResponse response)
    {
        if (!Facts(operation).HasExpiresHeaderMember) return null;
        if (!response.Headers.TryGetValue("Expires", out var expires) || string.IsNullOrEmpty(expires)) return null;
        if (!TimestampInput.TryParse(expires, out _)) response.Headers.Remove("Expires");
        return new Dictionary<string, object?>(StringComparer.Ordinal) { ["ExpiresString"] = expires };
    }

    /// <summary>GetBucketLocation: its output cannot be modeled; the region is the text of the document's root element (null for us-east-1).</summary>
    public static void ParseGetBucketLocation(IDictionary<string, object?> parsed, AwsHttpResponse response)
    {
        if (response.Body.Length == 0) return;
        using var reader = XmlReader.Create(new MemoryStream(response.Body), new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null });
        reader.MoveToContent();
        if (reader.IsEmptyElement)
        {
            parsed["LocationConstraint"] = null;
            return;
        }
        reader.Read();
        var text = reader.NodeType is XmlNodeType.Text or XmlNodeType.CDATA or XmlNodeType.Whitespace or XmlNodeType.SignificantWhitespace ? reader.Value : null;
        parsed["LocationConstraint"] = string.IsNullOrEmpty(text) ? null : text;
    }
}
