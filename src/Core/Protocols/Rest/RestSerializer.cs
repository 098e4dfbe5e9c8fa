using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using AwsCore.Http;
using AwsCore.Models;
using AwsCore.Protocols.Json;

namespace AwsCore.Protocols.Rest;

/// <summary>
/// What rest-json and rest-xml share: members bound to URI labels (greedy "{Key+}" keeps '/'), the query string
/// (lists repeat the key, a map merges its entries), headers (lists comma-joined, jsonvalue base64-encoded,
/// timestamps rfc822 by default), prefixed header maps, and the payload member. Subclasses write the body.
/// </summary>
internal abstract class RestSerializer : SerializerBase
{
    protected override AwsHttpRequest SerializeCore(OperationModel operation, IDictionary<string, object?> parameters)
    {
        var request = new AwsHttpRequest { Method = operation.HttpMethod };
        var shape = operation.Input;
        if (shape is null)
        {
            request.Path = operation.RequestUri;
            return request;
        }
        var labels = new Dictionary<string, string>(StringComparer.Ordinal);
        var query = new OrderedFields<object>();
        var bodyMembers = new List<KeyValuePair<string, object?>>();
        foreach (var parameter in parameters)
        {
            if (parameter.Value is null) continue;
            try
            {
                var member = Member(shape, parameter.Key);
                var name = member.LocationName ?? parameter.Key;
                switch (member.Location)
                {
                    case "uri":
                        labels[name] = UriValue(member, parameter.Value);
                        break;
                    case "querystring":
                        AddQuery(query, member, name, parameter.Value);
                        break;
                    case "header":
                        if (member.Type == ShapeType.List && InputValues.List(parameter.Value).Count == 0) break;
                        request.Headers[name] = HeaderValue(member, parameter.Value);
                        break;
                    case "headers":
                        foreach (var entry in InputValues.Map(parameter.Value))
                            if (entry.Value is not null) request.Headers[name + entry.Key] = Text(entry.Value);
                        break;
                    default:
                        bodyMembers.Add(parameter);
                        break;
                }
            }
            catch (InputPathException e)
            {
                throw e.Within(parameter.Key);
            }
        }
        request.Path = RenderUri(operation.RequestUri, labels);
        foreach (var field in query.Items)
        {
            if (field.Value is List<string> values)
                foreach (var v in values) request.Query.Add(new KeyValuePair<string, string?>(field.Key, v));
            else request.Query.Add(new KeyValuePair<string, string?>(field.Key, (string)field.Value));
        }
        WritePayload(request, shape, parameters, bodyMembers);
        return request;
    }

    /// <summary>The body when it is the whole input's non-bound members.</summary>
    protected abstract byte[] SerializeBody(Shape shape, object value, bool isPayloadMember);

    /// <summary>The body sent when the payload member is absent.</summary>
    protected abstract byte[] EmptyBody { get; }

    /// <summary>Whether a request with no body members still sends <see cref="EmptyBody"/>.</summary>
    protected virtual bool RequiresEmptyBody(Shape shape) => false;

    protected virtual void SetContentType(AwsHttpRequest request, bool streamingPayload)
    {
    }

    private void WritePayload(AwsHttpRequest request, Shape shape, IDictionary<string, object?> parameters, List<KeyValuePair<string, object?>> bodyMembers)
    {
        var payloadName = shape.Payload;
        var payload = payloadName is null ? null : Member(shape, payloadName);
        var streaming = payload is { Type: ShapeType.Blob or ShapeType.String };
        if (streaming)
        {
            parameters.TryGetValue(payloadName!, out var raw);
            try
            {
                switch (raw)
                {
                    case null: break;
                    case Stream stream: request.BodyStream = stream; break;
                    case string s: request.Body = Encoding.UTF8.GetBytes(s); break;
                    default: request.Body = InputValues.Blob(raw); break;
                }
            }
            catch (InputPathException e)
            {
                throw e.Within(payloadName!);
            }
        }
        else if (payload is not null)
        {
            parameters.TryGetValue(payloadName!, out var raw);
            try
            {
                request.Body = raw is null ? EmptyBody : SerializeBody(payload, raw, isPayloadMember: true);
            }
            catch (InputPathException e)
            {
                throw e.Within(payloadName!);
            }
        }
        else if (bodyMembers.Count > 0)
        {
            request.Body = SerializeBody(shape, new Dictionary<string, object?>(ToDictionary(bodyMembers), StringComparer.Ordinal), isPayloadMember: false);
        }
        else if (RequiresEmptyBody(shape))
        {
            request.Body = EmptyBody;
        }
        SetContentType(request, streaming);
    }

    private static IDictionary<string, object?> ToDictionary(List<KeyValuePair<string, object?>> pairs)
    {
        var d = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var p in pairs) d[p.Key] = p.Value;
        return d;
    }

    private static void AddQuery(OrderedFields<object> query, Shape member, string name, object value)
    {
        if (member.Type == ShapeType.Map)
        {
            foreach (var entry in InputValues.Map(value))
            {
                if (entry.Value is null) continue;
                if (entry.Value is string s) query.Set(entry.Key, s);
                else if (InputValues.IsNumber(entry.Value) || entry.Value is bool) query.Set(entry.Key, Text(entry.Value));
                else query.Set(entry.Key, InputValues.List(entry.Value).Where(v => v != null).Select(v => Text(v!)).ToList());
            }
        }
        else if (member.Type == ShapeType.List)
        {
            query.Set(name, InputValues.List(value).Select(v => UriValue(member.ListMember, v)).ToList());
        }
        else
        {
            query.Set(name, UriValue(member, value));
        }
    }

    /// <summary>A label or query value: booleans lower-case, timestamps iso8601 unless the trait says otherwise.</summary>
    private static string UriValue(Shape member, object? value)
    {
        if (value is null) throw new InputPathException("must not be null");
        return member.Type switch
        {
            ShapeType.Boolean => InputValues.Boolean(value) ? "true" : "false",
            ShapeType.Timestamp => Timestamps.Format(InputValues.Timestamp(value), member.TimestampFormat ?? "iso8601"),
            ShapeType.Float or ShapeType.Double => FloatText(value),
            _ => Text(value),
        };
    }

    private static string HeaderValue(Shape shape, object value)
    {
        switch (shape.Type)
        {
            case ShapeType.Timestamp:
                var seconds = Timestamps.TruncateToSeconds(InputValues.Timestamp(value));
                return Timestamps.Format(seconds, shape.TimestampFormat ?? "rfc822");
            case ShapeType.List:
                var parts = new List<string>();
                foreach (var item in InputValues.List(value))
                {
                    if (item is null) continue;
                    parts.Add(shape.ListMember.Type == ShapeType.String ? EscapeListItem(InputValues.String(item)) : HeaderValue(shape.ListMember, item));
                }
                return string.Join(",", parts);
            case ShapeType.String when shape.JsonValue:
                return Convert.ToBase64String(JsonBodyWriter.Document(value, compact: true));
            case ShapeType.Boolean:
                return InputValues.Boolean(value) ? "true" : "false";
            case ShapeType.Float:
            case ShapeType.Double:
                return FloatText(value);
            default:
                return Text(value);
        }
    }

    private static string EscapeListItem(string value) =>
        value.IndexOf('"') >= 0 || value.IndexOf(',') >= 0 ? "\"" + value.Replace("\"", "\\\"") + "\"" : value;

    /// <summary>Fills "{Name}" and "{Name+}" placeholders, percent-encoding the values ('/' kept for greedy labels).</summary>
    private static string RenderUri(string template, Dictionary<string, string> labels)
    {
        var sb = new StringBuilder(template.Length + 32);
        var i = 0;
        while (i < template.Length)
        {
            var open = template.IndexOf('{', i);
            if (open < 0)
            {
                sb.Append(template, i, template.Length - i);
                break;
            }
            var close = template.IndexOf('}', open);
            if (close < 0) throw new InputPathException($"requestUri '{template}' has an unclosed '{{'");
            sb.Append(template, i, open - i);
            var label = template.Substring(open + 1, close - open - 1);
            var greedy = label.EndsWith("+", StringComparison.Ordinal);
            var name = greedy ? label.Substring(0, label.Length - 1) : label;
            if (!labels.TryGetValue(name, out var value))
                throw new InputPathException("is required: it is part of the request URI").Within(name);
            sb.Append(UriEncoding.Encode(value, keepSlash: greedy));
            i = close + 1;
        }
        return sb.ToString();
    }
}
