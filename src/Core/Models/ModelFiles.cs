using System.IO.Compression;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace AwsCore.Models;

/// <summary>Reads model data files in either of botocore's forms, plain ".json" or ".json.gz", and merges extras files.</summary>
internal static class ModelFiles
{
    private static readonly string[] Extensions = { ".json", ".json.gz" };

    /// <summary>True when "<paramref name="pathWithoutExtension"/>.json" or ".json.gz" exists.</summary>
    public static bool Exists(string pathWithoutExtension) =>
        Extensions.Any(ext => File.Exists(pathWithoutExtension + ext));

    /// <summary>The bytes of the first existing form and the file's full name, or null when neither exists.</summary>
    public static (byte[] Bytes, string File)? Read(string pathWithoutExtension)
    {
        foreach (var ext in Extensions)
        {
            var file = pathWithoutExtension + ext;
            if (!File.Exists(file)) continue;
            try
            {
                if (ext == ".json") return (File.ReadAllBytes(file), file);
                using var input = File.OpenRead(file);
                using var gzip = new GZipStream(input, CompressionMode.Decompress);
                using var buffer = new MemoryStream();
                gzip.CopyTo(buffer);
                return (buffer.ToArray(), file);
            }
            catch (Exception e) when (e is IOException or InvalidDataException or UnauthorizedAccessException)
            {
                throw new ModelLoadException($"{file}: cannot be read: {e.Message}", e);
            }
        }
        return null;
    }

    /// <summary>Deep-merges each extras file's "merge" object over the base document, as botocore's ExtrasProcessor.</summary>
    public static byte[] MergeExtras(byte[] baseJson, string baseFile, IEnumerable<(byte[] Bytes, string File)> extras)
    {
        var root = ParseNode(baseJson, baseFile) as JsonObject
            ?? throw new ModelLoadException($"{baseFile}: expected a JSON object");
        var merged = false;
        foreach (var (bytes, file) in extras)
        {
            if (ParseNode(bytes, file) is JsonObject extra && extra["merge"] is JsonObject merge)
            {
                DeepMerge(root, merge);
                merged = true;
            }
        }
        return merged ? JsonSerializer.SerializeToUtf8Bytes(root) : baseJson;
    }

    private static JsonNode? ParseNode(byte[] json, string file)
    {
        try
        {
            return JsonNode.Parse(json);
        }
        catch (JsonException e)
        {
            throw new ModelLoadException($"{file}: invalid JSON at line {e.LineNumber + 1}, byte {e.BytePositionInLine + 1}", e);
        }
    }

    private static void DeepMerge(JsonObject target, JsonObject extra)
    {
        foreach (var name in extra.Select(p => p.Key).ToList())
        {
            var value = extra[name];
            if (target[name] is JsonObject existing && value is JsonObject nested)
            {
                DeepMerge(existing, nested);
                continue;
            }
            extra.Remove(name);
            target[name] = value;
        }
    }
}
