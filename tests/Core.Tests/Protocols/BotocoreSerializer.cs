using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using AwsCore.Testing;

namespace AwsCore.Tests.Protocols;

/// <summary>
/// Serializes many cases with the installed botocore in one python3 process (cases as JSON on stdin, requests as
/// JSON on stdout). Blobs travel as {"__blob__": base64} and timestamps as {"__ts__": ISO 8601}.
/// </summary>
internal static class BotocoreSerializer
{
    private const string Script = """
import sys, json, base64
try:
    from botocore.loaders import Loader
    from botocore.model import ServiceModel
    from botocore.serialize import create_serializer
    from botocore.utils import percent_encode_sequence
except ImportError as e:
    sys.stderr.write('botocore is not importable: %s' % e)
    sys.exit(3)

def hook(d):
    if len(d) == 1 and '__blob__' in d:
        return base64.b64decode(d['__blob__'])
    if len(d) == 1 and '__ts__' in d:
        return d['__ts__']
    return d

loader = Loader()
models = {}
out = []
for case in json.loads(sys.stdin.read(), object_hook=hook):
    try:
        service = case['service']
        if service not in models:
            models[service] = ServiceModel(loader.load_service_model(service, 'service-2'), service_name=service)
        op = models[service].operation_model(case['operation'])
        request = create_serializer(case['protocol'], include_validation=False).serialize_to_request(case['params'], op)
        body = request['body']
        if isinstance(body, dict):
            body = percent_encode_sequence(body).encode('utf-8')
        elif isinstance(body, str):
            body = body.encode('utf-8')
        elif hasattr(body, 'read'):
            body = body.read()
        url = request['url_path']
        query = request.get('query_string')
        if isinstance(query, dict):
            encoded = percent_encode_sequence(query)
            if encoded:
                url += ('&' if '?' in url else '?') + encoded
        out.append({'ok': True, 'method': request['method'], 'uri': url, 'headers': dict(request['headers']),
                    'body': base64.b64encode(body or b'').decode('ascii'), 'host_prefix': request.get('host_prefix')})
    except Exception as e:
        out.append({'ok': False, 'error': '%s: %s' % (type(e).__name__, e)})
sys.stdout.write(json.dumps(out))
""";

    public sealed record Case(string Service, string Operation, string Protocol, Dictionary<string, object?> Parameters);

    public sealed record Result(bool Ok, string? Error, string Method, string Uri, Dictionary<string, string> Headers, byte[] Body, string? HostPrefix);

    public static IReadOnlyList<Result> Serialize(IReadOnlyList<Case> cases)
    {
        var input = new MemoryStream();
        using (var writer = new Utf8JsonWriter(input))
        {
            writer.WriteStartArray();
            foreach (var c in cases)
            {
                writer.WriteStartObject();
                writer.WriteString("service", c.Service);
                writer.WriteString("operation", c.Operation);
                writer.WriteString("protocol", c.Protocol);
                writer.WritePropertyName("params");
                PythonPeerJson.Write(writer, c.Parameters);
                writer.WriteEndObject();
            }
            writer.WriteEndArray();
        }
        var (code, stdout, stderr) = Python.Run(Script, Encoding.UTF8.GetString(input.ToArray()));
        if (code != 0) throw new InvalidOperationException($"{BotocoreModels.InstallHint}; python3 exited with {code}: {stderr}");
        var results = new List<Result>();
        foreach (var node in JsonNode.Parse(stdout)!.AsArray())
        {
            var o = node!.AsObject();
            if (!(bool)o["ok"]!)
            {
                results.Add(new Result(false, (string?)o["error"], "", "", new(), Array.Empty<byte>(), null));
                continue;
            }
            var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            foreach (var h in o["headers"]!.AsObject()) headers[h.Key] = h.Value is null ? "" : h.Value.ToString();
            results.Add(new Result(true, null, (string)o["method"]!, (string)o["uri"]!, headers, Convert.FromBase64String((string)o["body"]!), (string?)o["host_prefix"]));
        }
        return results;
    }
}
