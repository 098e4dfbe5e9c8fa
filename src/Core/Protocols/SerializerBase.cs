using System.Text.RegularExpressions;
using AwsCore.Http;
using AwsCore.Models;

namespace AwsCore.Protocols;

/// <summary>What every protocol serializer does alike: idempotency tokens, the host prefix, and error paths.</summary>
internal abstract class SerializerBase : IProtocolSerializer
{
    private static readonly Regex HostLabel = new("^[A-Za-z0-9.\\-]+$", RegexOptions.CultureInvariant);
    private static readonly IDictionary<string, object?> NoParameters = new Dictionary<string, object?>();

    public AwsHttpRequest Serialize(OperationModel operation, IDictionary<string, object?>? parameters)
    {
        var input = WithIdempotencyTokens(operation, parameters ?? NoParameters);
        try
        {
            var request = SerializeCore(operation, input);
            request.HostPrefix = ExpandHostPrefix(operation, input);
            return request;
        }
        catch (InputPathException e)
        {
            throw e.ToArgumentException(operation.ToString());
        }
    }

    protected abstract AwsHttpRequest SerializeCore(OperationModel operation, IDictionary<string, object?> parameters);

    /// <summary>Adds a new UUID for each absent top-level idempotency-token member, leaving the caller's dictionary alone.</summary>
    internal static IDictionary<string, object?> WithIdempotencyTokens(OperationModel operation, IDictionary<string, object?> parameters)
    {
        var shape = operation.Input;
        if (shape is null) return parameters;
        Dictionary<string, object?>? copy = null;
        foreach (var name in ShapeCache.For(shape).IdempotencyMembers(shape))
        {
            if (parameters.ContainsKey(name)) continue;
            copy ??= new Dictionary<string, object?>(parameters, StringComparer.Ordinal);
            copy[name] = Guid.NewGuid().ToString();
        }
        return copy ?? parameters;
    }

    private static string? ExpandHostPrefix(OperationModel operation, IDictionary<string, object?> parameters)
    {
        var template = operation.EndpointHostPrefix;
        if (template is null || operation.Input is null) return template;
        var result = template;
        foreach (var member in operation.Input.Members)
        {
            if (!member.Value.HostLabel) continue;
            if (!parameters.TryGetValue(member.Key, out var raw) || raw is null)
                throw new InputPathException("is required: it is part of the endpoint host prefix").Within(member.Key);
            var value = InputValues.String(raw);
            if (!HostLabel.IsMatch(value))
                throw new InputPathException("must contain only alphanumeric characters, hyphen, or period (it is part of the endpoint host)").Within(member.Key);
            result = result.Replace("{" + member.Key + "}", value);
        }
        return result;
    }

    /// <summary>The member of <paramref name="shape"/> called <paramref name="name"/>, or an error naming it.</summary>
    protected static Shape Member(Shape shape, string name) =>
        shape.Members.TryGetValue(name, out var member)
            ? member
            : throw new InputPathException($"unknown parameter; {shape.Name} has: {string.Join(", ", shape.Members.Keys)}");

    protected static string Text(object value) => ScalarText.Of(value);

    protected static string FloatText(object value) => ScalarText.Float(value);
}
