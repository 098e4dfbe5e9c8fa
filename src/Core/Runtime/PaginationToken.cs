using System.Text;
using System.Text.Json;
using AwsCore.Jmes;

namespace AwsCore.Runtime;

/// <summary>
/// botocore's opaque pagination token (TokenEncoder/TokenDecoder): base64 of the JSON of the next request's input
/// tokens, written as Python's json.dumps writes it, so tokens move between AwsCore, botocore and the AWS CLI.
/// Byte values are stored base64-encoded and their paths listed under "boto_encoded_keys";
/// "boto_truncate_amount" says how many items of the page the token points into were already returned.
/// </summary>
internal static class PaginationToken
{
    public const string TruncateAmountKey = "boto_truncate_amount";
    private const string EncodedKeysKey = "boto_encoded_keys";

    public static string Encode(Dictionary<string, object?> token)
    {
        var encodedPaths = new List<object?>();
        var json = (Dictionary<string, object?>)EncodeBytes(token, new List<object?>(), encodedPaths)!;
        if (encodedPaths.Count > 0) json[EncodedKeysKey] = encodedPaths;
        var text = JmesJson.Serialize(json, spaced: true);
        return Convert.ToBase64String(Encoding.UTF8.GetBytes(text));
    }

    private static object? EncodeBytes(object? value, List<object?> path, List<object?> encodedPaths)
    {
        switch (value)
        {
            case byte[] bytes:
                encodedPaths.Add(new List<object?>(path));
                return Convert.ToBase64String(bytes);
            case string or null:
                return value;
        }
        if (JmesValue.Entries(value) is { } entries)
        {
            var copy = new Dictionary<string, object?>(StringComparer.Ordinal);
            foreach (var entry in entries)
            {
                path.Add(entry.Key);
                copy[entry.Key] = EncodeBytes(entry.Value, path, encodedPaths);
                path.RemoveAt(path.Count - 1);
            }
            return copy;
        }
        if (JmesValue.TypeOf(value) == JmesType.Array)
        {
            var list = new List<object?>();
            foreach (var item in JmesValue.AsList(value)!)
            {
                path.Add((long)list.Count);
                list.Add(EncodeBytes(item, path, encodedPaths));
                path.RemoveAt(path.Count - 1);
            }
            return list;
        }
        return value;
    }

    /// <summary>
    /// The input tokens a starting token carries and how many items of its page to skip. A string that is not
    /// botocore's encoded form is read the way botocore reads its older form: the service's own tokens joined by
    /// "___", optionally followed by the skip count.
    /// </summary>
    public static (Dictionary<string, object?> Tokens, int Skip) ParseStarting(string startingToken, IReadOnlyList<string> inputTokens)
    {
        if (TryDecode(startingToken, out var decoded))
        {
            var skip = 0;
            if (decoded.TryGetValue(TruncateAmountKey, out var amount))
            {
                if (amount is not long count || count < 0 || count > int.MaxValue)
                    throw new PaginationException($"Bad starting token: {TruncateAmountKey} must be a non-negative integer, got {JmesJson.Serialize(amount)}");
                skip = (int)count;
                decoded.Remove(TruncateAmountKey);
            }
            return (decoded, skip);
        }
        return ParseOlderForm(startingToken, inputTokens);
    }

    /// <summary>botocore's TokenDecoder: false when the text is not base64 of a JSON object.</summary>
    public static bool TryDecode(string token, out Dictionary<string, object?> decoded)
    {
        decoded = null!;
        try
        {
            var json = new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(Convert.FromBase64String(token));
            using var document = JsonDocument.Parse(json);
            if (JmesJson.ToTree(document.RootElement) is not Dictionary<string, object?> tree) return false;
            if (tree.TryGetValue(EncodedKeysKey, out var encodedKeys))
            {
                tree.Remove(EncodedKeysKey);
                foreach (var path in JmesValue.AsList(encodedKeys) ?? throw new FormatException("boto_encoded_keys is not a list"))
                    DecodeAt(tree, JmesValue.AsList(path) ?? throw new FormatException("a boto_encoded_keys entry is not a list"));
            }
            decoded = tree;
            return true;
        }
        catch (Exception e) when (e is FormatException or JsonException or DecoderFallbackException or InvalidCastException or ArgumentException or KeyNotFoundException)
        {
            return false;
        }
    }

    private static void DecodeAt(object? container, IList<object?> path)
    {
        for (var i = 0; i < path.Count - 1; i++) container = Step(container, path[i]);
        var last = path[path.Count - 1];
        var encoded = Step(container, last) as string ?? throw new FormatException("an encoded value is not a string");
        var bytes = Convert.FromBase64String(encoded);
        if (container is Dictionary<string, object?> dict) dict[(string)last!] = bytes;
        else ((List<object?>)container!)[(int)(long)last!] = bytes;
    }

    private static object? Step(object? container, object? key) => container switch
    {
        Dictionary<string, object?> dict => dict[(string)key!],
        List<object?> list => list[(int)(long)key!],
        _ => throw new FormatException("an encoded path does not match the token"),
    };

    private static (Dictionary<string, object?> Tokens, int Skip) ParseOlderForm(string startingToken, IReadOnlyList<string> inputTokens)
    {
        var parts = startingToken.Split(new[] { "___" }, StringSplitOptions.None).ToList();
        var skip = 0;
        if (parts.Count == inputTokens.Count + 1)
        {
            if (int.TryParse(parts[parts.Count - 1].Trim(), System.Globalization.NumberStyles.AllowLeadingSign, System.Globalization.CultureInfo.InvariantCulture, out skip))
                parts.RemoveAt(parts.Count - 1);
            else
            {
                skip = 0;
                parts = new List<string> { startingToken };
            }
        }
        if (parts.Count > inputTokens.Count)
            throw new PaginationException($"Bad starting token: it has {parts.Count} parts but this operation takes {inputTokens.Count} token(s)");
        var tokens = new Dictionary<string, object?>(StringComparer.Ordinal);
        for (var i = 0; i < inputTokens.Count; i++)
            tokens[inputTokens[i]] = i < parts.Count && parts[i] != "None" ? parts[i] : null;
        return (tokens, skip);
    }
}
