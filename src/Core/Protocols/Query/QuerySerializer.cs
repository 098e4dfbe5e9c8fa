using System.Text;
using AwsCore.Http;
using AwsCore.Models;

namespace AwsCore.Protocols.Query;

/// <summary>
/// The query protocol (and its ec2 variant): a form-encoded POST body of Action, Version and the input flattened
/// into dotted names ("Tags.member.1.Key"). EC2 names members by queryName or a capitalised locationName and
/// numbers list items directly under the list's name.
/// </summary>
internal sealed class QuerySerializer : SerializerBase
{
    private readonly bool _ec2;

    public QuerySerializer(bool ec2) => _ec2 = ec2;

    protected override AwsHttpRequest SerializeCore(OperationModel operation, IDictionary<string, object?> parameters)
    {
        var request = new AwsHttpRequest { Method = operation.HttpMethod };
        request.Headers["Content-Type"] = "application/x-www-form-urlencoded; charset=utf-8";
        var body = new OrderedFields<string>();
        body.Set("Action", operation.Name);
        body.Set("Version", operation.Service.ApiVersion);
        if (operation.Input is { } shape) WriteStructure(body, parameters, shape, "");
        request.Body = Encode(body);
        return request;
    }

    /// <summary>
    /// key=value pairs joined by '&amp;', both sides percent-encoded (RFC 3986 unreserved characters kept) and a space
    /// as '+', which is how botocore's form encoding (urlencode with quote_plus) writes it.
    /// </summary>
    internal static byte[] Encode(OrderedFields<string> fields)
    {
        var sb = new StringBuilder(fields.Count * 24);
        foreach (var pair in fields.Items)
        {
            if (sb.Length > 0) sb.Append('&');
            sb.Append(FormEncode(pair.Key)).Append('=').Append(FormEncode(pair.Value));
        }
        return Encoding.UTF8.GetBytes(sb.ToString());
    }

    /// <summary>Only an encoded space is "%20" after percent-encoding, since every '%' of the input became "%25".</summary>
    private static string FormEncode(string value) => UriEncoding.Encode(value).Replace("%20", "+");

    private void Write(OrderedFields<string> body, object? value, Shape shape, string prefix)
    {
        if (value is null) return;
        switch (shape.Type)
        {
            case ShapeType.Structure:
                WriteStructure(body, value, shape, prefix);
                break;
            case ShapeType.List:
                WriteList(body, value, shape, prefix);
                break;
            case ShapeType.Map:
                WriteMap(body, value, shape, prefix);
                break;
            case ShapeType.Blob:
                body.Set(prefix, Convert.ToBase64String(InputValues.Blob(value)));
                break;
            case ShapeType.Timestamp:
                body.Set(prefix, Timestamps.Format(InputValues.Timestamp(value), shape.TimestampFormat ?? "iso8601"));
                break;
            case ShapeType.Boolean:
                body.Set(prefix, InputValues.Boolean(value) ? "true" : "false");
                break;
            case ShapeType.Float:
            case ShapeType.Double:
                body.Set(prefix, FloatText(value));
                break;
            default:
                body.Set(prefix, Text(value));
                break;
        }
    }

    private void WriteStructure(OrderedFields<string> body, object value, Shape shape, string prefix)
    {
        foreach (var entry in InputValues.Map(value))
        {
            try
            {
                var member = Member(shape, entry.Key);
                var name = SerializedName(member, entry.Key);
                Write(body, entry.Value, member, prefix.Length > 0 ? prefix + "." + name : name);
            }
            catch (InputPathException e)
            {
                throw e.Within(entry.Key);
            }
        }
    }

    private void WriteList(OrderedFields<string> body, object value, Shape shape, string prefix)
    {
        var items = InputValues.List(value);
        string listPrefix;
        if (_ec2)
        {
            listPrefix = prefix;
        }
        else
        {
            if (items.Count == 0)
            {
                body.Set(prefix, "");
                return;
            }
            if (shape.Flattened)
            {
                listPrefix = prefix;
                if (shape.ListMember.LocationName is { } memberName)
                {
                    var dot = prefix.LastIndexOf('.');
                    listPrefix = dot >= 0 ? prefix.Substring(0, dot + 1) + memberName : memberName;
                }
            }
            else
            {
                listPrefix = prefix + "." + (shape.ListMember.LocationName ?? "member");
            }
        }
        for (var i = 0; i < items.Count; i++)
        {
            try
            {
                Write(body, items[i], shape.ListMember, listPrefix + "." + (i + 1));
            }
            catch (InputPathException e)
            {
                throw e.Within("[" + i + "]");
            }
        }
    }

    private void WriteMap(OrderedFields<string> body, object value, Shape shape, string prefix)
    {
        var full = shape.Flattened ? prefix : prefix + ".entry";
        var keySuffix = SerializedName(shape.MapKey, "key");
        var valueSuffix = SerializedName(shape.MapValue, "value");
        var i = 0;
        foreach (var entry in InputValues.Map(value))
        {
            i++;
            try
            {
                Write(body, entry.Key, shape.MapKey, $"{full}.{i}.{keySuffix}");
                Write(body, entry.Value, shape.MapValue, $"{full}.{i}.{valueSuffix}");
            }
            catch (InputPathException e)
            {
                throw e.Within(entry.Key);
            }
        }
    }

    private string SerializedName(Shape shape, string defaultName)
    {
        if (!_ec2) return shape.LocationName ?? defaultName;
        if (shape.QueryName is { } queryName) return queryName;
        if (shape.LocationName is { Length: > 0 } name) return char.ToUpperInvariant(name[0]) + name.Substring(1);
        return defaultName;
    }
}
