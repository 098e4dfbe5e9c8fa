using System.Collections;
using System.Security.Cryptography;
using System.Text;
using AwsCore.Models;
using AwsCore.Protocols;

namespace AwsCore.Runtime;

/// <summary>
/// SQS message integrity checks. botocore has no such handler (boto3 users call it themselves); the AWS SDKs for
/// Java and .NET run it on every call, and so does AwsCore: the MD5 digests SQS returns for a message body and its
/// attributes must match the message sent or received.
/// </summary>
internal static class SqsCustomizations
{
    private const byte StringTransportType = 1;
    private const byte BinaryTransportType = 2;

    /// <summary>SendMessage, SendMessageBatch and ReceiveMessage: checks every digest the response carries.</summary>
    /// <exception cref="MessageChecksumException">A digest does not match.</exception>
    public static void CheckSqsMessageMd5(OperationModel operation, IDictionary<string, object?> parameters, IDictionary<string, object?> parsed)
    {
        switch (operation.Name)
        {
            case "SendMessage":
                CheckSent(parameters, parsed, "SendMessage");
                break;
            case "SendMessageBatch":
                var entries = Items(Get(parameters, "Entries"))
                    .OfType<IDictionary<string, object?>>()
                    .Where(e => Get(e, "Id") is string)
                    .ToDictionary(e => (string)Get(e, "Id")!, StringComparer.Ordinal);
                foreach (var result in Items(Get(parsed, "Successful")).OfType<IDictionary<string, object?>>())
                    if (Get(result, "Id") is string id && entries.TryGetValue(id, out var entry))
                        CheckSent(entry, result, $"SendMessageBatch entry {id}");
                break;
            case "ReceiveMessage":
                foreach (var message in Items(Get(parsed, "Messages")).OfType<IDictionary<string, object?>>())
                {
                    var where = $"ReceiveMessage message {Get(message, "MessageId")}";
                    if (Get(message, "MD5OfBody") is string bodyMd5 && Get(message, "Body") is string body)
                        Compare(bodyMd5, BodyMd5(body), where, "body");
                    if (Get(message, "MD5OfMessageAttributes") is string attributesMd5 && InputValues.TryGetEntries(Get(message, "MessageAttributes"), out _))
                        Compare(attributesMd5, AttributesMd5(Get(message, "MessageAttributes")!), where, "message attributes");
                }
                break;
        }
    }

    private static void CheckSent(IDictionary<string, object?> sent, IDictionary<string, object?> result, string where)
    {
        if (Get(result, "MD5OfMessageBody") is string bodyMd5 && Get(sent, "MessageBody") is string body)
            Compare(bodyMd5, BodyMd5(body), where, "body");
        if (Get(result, "MD5OfMessageAttributes") is string attributesMd5 && Get(sent, "MessageAttributes") is { } attributes)
            Compare(attributesMd5, AttributesMd5(attributes), where, "message attributes");
        if (Get(result, "MD5OfMessageSystemAttributes") is string systemMd5 && Get(sent, "MessageSystemAttributes") is { } system)
            Compare(systemMd5, AttributesMd5(system), where, "message system attributes");
    }

    private static void Compare(string returned, string computed, string where, string what)
    {
        if (!string.Equals(returned, computed, StringComparison.OrdinalIgnoreCase))
            throw new MessageChecksumException($"{where}: the MD5 of the {what} SQS returned ({returned}) does not match the one computed ({computed})");
    }

    /// <summary>The hex MD5 of a body's UTF-8 bytes.</summary>
    public static string BodyMd5(string body)
    {
        using var md5 = MD5.Create();
        return Hex(md5.ComputeHash(Encoding.UTF8.GetBytes(body)));
    }

    /// <summary>
    /// SQS's digest of message attributes: for each attribute in name order, the length-prefixed (4 bytes, big-endian)
    /// UTF-8 name and data type, then 1 and the length-prefixed string value, or 2 and the length-prefixed binary value.
    /// </summary>
    public static string AttributesMd5(object attributes)
    {
        using var md5 = IncrementalHash.CreateHash(HashAlgorithmName.MD5);
        if (InputValues.TryGetEntries(attributes, out var entries))
        {
            foreach (var entry in entries.Where(e => e.Key is string).OrderBy(e => (string)e.Key, StringComparer.Ordinal))
            {
                if (!InputValues.TryGetEntries(entry.Value, out var fields)) continue;
                var value = fields.Where(f => f.Key is string).ToDictionary(f => (string)f.Key, f => f.Value, StringComparer.Ordinal);
                AppendLengthPrefixed(md5, Encoding.UTF8.GetBytes((string)entry.Key));
                AppendLengthPrefixed(md5, Encoding.UTF8.GetBytes(value.TryGetValue("DataType", out var type) ? type as string ?? "" : ""));
                if (value.TryGetValue("StringValue", out var text) && text is string s && s.Length > 0)
                {
                    md5.AppendData(new[] { StringTransportType });
                    AppendLengthPrefixed(md5, Encoding.UTF8.GetBytes(s));
                }
                else if (value.TryGetValue("BinaryValue", out var binary) && binary is byte[] { Length: > 0 } or string { Length: > 0 })
                {
                    md5.AppendData(new[] { BinaryTransportType });
                    AppendLengthPrefixed(md5, binary as byte[] ?? Encoding.UTF8.GetBytes((string)binary));
                }
            }
        }
        return Hex(md5.GetHashAndReset());
    }

    private static void AppendLengthPrefixed(IncrementalHash md5, byte[] value)
    {
        var length = value.Length;
        md5.AppendData(new[] { (byte)(length >> 24), (byte)(length >> 16), (byte)(length >> 8), (byte)length });
        md5.AppendData(value);
    }

    private static object? Get(IDictionary<string, object?> map, string key) => map.TryGetValue(key, out var value) ? value : null;

    private static IEnumerable<object?> Items(object? list) => list is IEnumerable items and not string ? items.Cast<object?>() : Enumerable.Empty<object?>();

    private static string Hex(byte[] bytes) => BitConverter.ToString(bytes).Replace("-", "").ToLowerInvariant();
}
