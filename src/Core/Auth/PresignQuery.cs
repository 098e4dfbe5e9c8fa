using System.Text;
using System.Text.Json;
using AwsCore.Http;

namespace AwsCore.Auth;

/// <summary>
/// Before presigning, botocore folds the operation's parameters into the query: the existing query (one value per
/// key, the first), then the members of a form-encoded or JSON body, which is then dropped.
/// </summary>
internal static class PresignQuery
{
    /// <param name="request">The request to presign.</param>
    /// <param name="contentType">Its Content-Type before the signer dropped the automatic form type, or null.</param>
    public static void MoveOperationParameters(AwsHttpRequest request, string? contentType)
    {
        var merged = new List<KeyValuePair<string, string?>>();
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var pair in request.Query)
            if (!index.ContainsKey(pair.Key)) Set(merged, index, pair.Key, pair.Value ?? "");

        if (request.Body.Length > 0)
        {
            foreach (var pair in BodyParameters(request.Body, contentType)) Set(merged, index, pair.Key, pair.Value);
            // Headers stay as they were signed (botocore keeps a JSON Content-Type, and signs it).
            request.Body = Array.Empty<byte>();
        }
        request.Query.Clear();
        request.Query.AddRange(merged);
    }

    private static void Set(List<KeyValuePair<string, string?>> merged, Dictionary<string, int> index, string key, string? value)
    {
        if (index.TryGetValue(key, out var at)) merged[at] = new(key, value);
        else
        {
            index[key] = merged.Count;
            merged.Add(new(key, value));
        }
    }

    private static IEnumerable<KeyValuePair<string, string?>> BodyParameters(byte[] body, string? contentType)
    {
        var text = Encoding.UTF8.GetString(body);
        if (contentType != null && contentType.StartsWith("application/x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase)) return FormPairs(text);
        if (text.TrimStart().StartsWith("{", StringComparison.Ordinal)) return JsonMembers(text);
        throw new InvalidOperationException("the request body is neither form-encoded nor a JSON object, so it cannot be moved into a presigned URL's query");
    }

    private static IEnumerable<KeyValuePair<string, string?>> FormPairs(string text)
    {
        foreach (var part in text.Split('&'))
        {
            if (part.Length == 0) continue;
            var eq = part.IndexOf('=');
            var key = eq < 0 ? part : part.Substring(0, eq);
            var value = eq < 0 ? "" : part.Substring(eq + 1);
            yield return new(Decode(key), Decode(value));
        }
    }

    private static string Decode(string s) => Uri.UnescapeDataString(s.Replace('+', ' '));

    private static List<KeyValuePair<string, string?>> JsonMembers(string text)
    {
        var list = new List<KeyValuePair<string, string?>>();
        using var doc = JsonDocument.Parse(text);
        foreach (var member in doc.RootElement.EnumerateObject())
        {
            var value = member.Value.ValueKind switch
            {
                JsonValueKind.String => member.Value.GetString(),
                JsonValueKind.Number => member.Value.GetRawText(),
                JsonValueKind.True => "True",
                JsonValueKind.False => "False",
                _ => throw new InvalidOperationException($"{member.Name}: a presigned URL's query holds scalar values only, got a JSON {member.Value.ValueKind}"),
            };
            list.Add(new(member.Name, value));
        }
        return list;
    }
}
