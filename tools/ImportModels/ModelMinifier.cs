using System.Text.Encodings.Web;
using System.Text.Json;

namespace AwsCore.ImportModels;

/// <summary>
/// Rewrites one botocore JSON file without its documentation: drops the <c>documentation</c>,
/// <c>documentationUrl</c> and <c>examples</c> keys of every definition at any depth, and writes the rest
/// minified with key order, duplicate keys and number text exactly as they were.
/// </summary>
/// <remarks>
/// Some models name real members "examples" or "documentationUrl" (qconnect, qbusiness, launch-wizard), so
/// keys are only dropped from definitions, never from the maps whose keys are names: a model's shapes and
/// operations, a structure's members, a waiter file's waiters, a paginator file's pagination and a rule
/// set's parameters.
/// </remarks>
internal static class ModelMinifier
{
    private static readonly HashSet<string> StrippedKeys = new(StringComparer.Ordinal)
    {
        "documentation", "documentationUrl", "examples",
    };

    private static readonly JsonDocumentOptions ReadOptions = new() { MaxDepth = 512 };

    private static readonly JsonWriterOptions WriteOptions = new()
    {
        Indented = false,
        // Keep non-ASCII text and characters such as '<' or '+' as they are: smaller, and equal once parsed.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        MaxDepth = 512,
    };

    private enum Node
    {
        Root,
        Definition,
        NameMap,
        NamedDefinition,
    }

    /// <summary>The minified UTF-8 JSON of <paramref name="json"/>; <paramref name="fileName"/> names it in errors.</summary>
    public static byte[] Minify(ReadOnlyMemory<byte> json, string fileName)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json, ReadOptions);
        }
        catch (JsonException e)
        {
            var line = (e.LineNumber ?? 0) + 1;
            var position = (e.BytePositionInLine ?? 0) + 1;
            throw new ModelImportException($"{fileName}: invalid JSON at line {line}, byte {position}: {FirstSentence(e.Message)}", e);
        }
        using (document)
        {
            var output = new MemoryStream(json.Length / 2);
            using (var writer = new Utf8JsonWriter(output, WriteOptions))
                Write(document.RootElement, Node.Root, writer);
            return output.ToArray();
        }
    }

    private static void Write(JsonElement element, Node node, Utf8JsonWriter writer)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                writer.WriteStartObject();
                foreach (var property in element.EnumerateObject())
                {
                    if (node != Node.NameMap && StrippedKeys.Contains(property.Name)) continue;
                    writer.WritePropertyName(property.Name);
                    Write(property.Value, ChildOf(node, property.Name), writer);
                }
                writer.WriteEndObject();
                break;
            case JsonValueKind.Array:
                writer.WriteStartArray();
                foreach (var item in element.EnumerateArray())
                    Write(item, Node.Definition, writer);
                writer.WriteEndArray();
                break;
            default:
                // Numbers are written from their original text, so 1.0 stays 1.0 and big integers keep every digit.
                element.WriteTo(writer);
                break;
        }
    }

    private static Node ChildOf(Node parent, string key) => parent switch
    {
        Node.Root => key is "shapes" or "operations" or "waiters" or "pagination" or "parameters" ? Node.NameMap : Node.Definition,
        Node.NameMap => Node.NamedDefinition,
        Node.NamedDefinition => key == "members" ? Node.NameMap : Node.Definition,
        _ => Node.Definition,
    };

    private static string FirstSentence(string message)
    {
        var cut = message.IndexOf(" Path:", StringComparison.Ordinal);
        if (cut < 0) cut = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
        return (cut < 0 ? message : message.Substring(0, cut)).Trim();
    }
}
