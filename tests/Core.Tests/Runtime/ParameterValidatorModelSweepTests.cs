using System.Globalization;
using System.Text.Json.Nodes;
using AwsCore.Models;

namespace AwsCore.Tests.Runtime;

/// <summary>
/// Inputs generated from real models (valid ones, then each broken in one place) validated by botocore and by AwsCore:
/// both must find the same errors at the same paths, across many operations of many protocols.
/// </summary>
public sealed class ParameterValidatorModelSweepTests
{
    private static readonly string[] Services = { "s3", "dynamodb", "ec2", "sqs", "lambda", "iam", "cloudformation", "kms", "ssm", "glue", "sagemaker", "route53", "bedrock-agent", "cloudwatch" };

    private sealed class Generator
    {
        private readonly Random _random;

        public Generator(int seed) => _random = new Random(seed);

        public JsonNode? Value(Shape shape, int depth)
        {
            if (shape.Type == ShapeType.Structure && shape.IsDocument) return new JsonObject { ["doc"] = new JsonArray(1, "two", true) };
            switch (shape.Type)
            {
                case ShapeType.Structure:
                    var structure = new JsonObject();
                    var members = shape.Members.ToList();
                    if (shape.IsUnion)
                    {
                        if (members.Count > 0)
                        {
                            var chosen = members[_random.Next(members.Count)];
                            structure[chosen.Key] = Value(chosen.Value, depth + 1);
                        }
                        return structure;
                    }
                    foreach (var member in members)
                    {
                        var required = shape.IsRequired(member.Key);
                        if (member.Value.Streaming || member.Value.IsEventStream) continue;
                        if (!required && (depth > 3 || _random.Next(3) != 0)) continue;
                        structure[member.Key] = Value(member.Value, depth + 1);
                    }
                    return structure;
                case ShapeType.List:
                    var list = new JsonArray();
                    var count = Math.Max((int)(shape.Min ?? 0), depth > 3 ? 0 : _random.Next(0, 3));
                    for (var i = 0; i < count; i++) list.Add(Value(shape.ListMember, depth + 1));
                    return list;
                case ShapeType.Map:
                    var map = new JsonObject();
                    if (depth <= 3)
                        for (var i = 0; i < _random.Next(0, 3); i++) map["key" + i] = Value(shape.MapValue, depth + 1);
                    return map;
                case ShapeType.String:
                    var length = Math.Max((int)(shape.Min ?? 0), shape.HostLabel ? 1 : 0) + _random.Next(0, 4);
                    return new string('a', Math.Min(length, 64));
                case ShapeType.Integer:
                case ShapeType.Long:
                    return (long)Math.Max(shape.Min ?? 0, 0) + _random.Next(0, 5);
                case ShapeType.Float:
                case ShapeType.Double:
                    return Math.Max(shape.Min ?? 0, 0) + 0.5;
                case ShapeType.Boolean:
                    return _random.Next(2) == 0;
                case ShapeType.Timestamp:
                    return "2024-05-06T07:08:09Z";
                case ShapeType.Blob:
                    return "blob";
                default:
                    return "x";
            }
        }

        /// <summary>Breaks the input in one place: a missing required member, a wrong type, an unknown member or a too-short value.</summary>
        public JsonObject Break(JsonObject input, Shape shape)
        {
            var copy = (JsonObject)input.DeepClone();
            var candidates = new List<(JsonObject Parent, string Name, Shape Shape)>();
            Collect(copy, shape, candidates, 0);
            var mutation = _random.Next(4);
            if (candidates.Count == 0 || mutation == 0)
            {
                copy["BogusMember"] = 1;
                return copy;
            }
            var (parent, name, memberShape) = candidates[_random.Next(candidates.Count)];
            switch (mutation)
            {
                case 1 when memberShape.Type != ShapeType.Structure || !memberShape.IsDocument:
                    parent[name] = memberShape.Type is ShapeType.String or ShapeType.Blob or ShapeType.Timestamp ? JsonValue.Create(12345) : JsonValue.Create("wrong");
                    break;
                case 2 when memberShape.Type == ShapeType.String && (memberShape.Min ?? 0) > 0:
                    parent[name] = "";
                    break;
                default:
                    parent.Remove(name);
                    break;
            }
            return copy;
        }

        private static void Collect(JsonObject node, Shape shape, List<(JsonObject, string, Shape)> into, int depth)
        {
            if (shape.Type != ShapeType.Structure || shape.IsDocument || depth > 4) return;
            foreach (var property in node.ToList())
            {
                if (!shape.Members.TryGetValue(property.Key, out var member)) continue;
                into.Add((node, property.Key, member));
                if (property.Value is JsonObject child) Collect(child, member, into, depth + 1);
            }
        }
    }

    private const string Script = """
        import botocore.session
        session = botocore.session.get_session()
        models = {}
        out = []
        for service, operation, params in json.load(sys.stdin):
            model = models.get(service) or models.setdefault(service, session.get_service_model(service))
            out.append(botocore_errors(params, model.operation_model(operation).input_shape))
        print(json.dumps(out))
        """;

    [Fact]
    public void SameErrorsAsBotocoreOverGeneratedInputsOfRealOperations()
    {
        var generator = new Generator(2024);
        var cases = new List<(string Service, string Operation, JsonObject Input, Shape Shape)>();
        foreach (var serviceName in Services)
        {
            var service = ModelLoader.Default.GetService(serviceName);
            var operations = service.OperationNames.Where(n => service.GetOperation(n).Input != null).ToList();
            var picker = new Random(serviceName.GetHashCode(StringComparison.Ordinal) & 0x7FFF);
            foreach (var name in operations.OrderBy(_ => picker.Next()).Take(15))
            {
                var input = service.GetOperation(name).Input!;
                var valid = (JsonObject)generator.Value(input, 0)!;
                cases.Add((serviceName, name, valid, input));
                cases.Add((serviceName, name, generator.Break(valid, input), input));
                cases.Add((serviceName, name, generator.Break(valid, input), input));
            }
        }
        var json = new JsonArray(cases.Select(c => (JsonNode)new JsonArray(c.Service, c.Operation, c.Input.DeepClone())).ToArray()).ToJsonString();
        var expected = BotocoreValidation.Run(Script, json);

        var mismatches = new List<string>();
        var withErrors = 0;
        for (var i = 0; i < cases.Count; i++)
        {
            var ours = BotocoreValidation.Ours(cases[i].Input.ToJsonString(), cases[i].Shape);
            var theirs = expected[i];
            if (theirs.Count > 0) withErrors++;
            if (!theirs.SequenceEqual(ours))
                mismatches.Add($"{cases[i].Service}.{cases[i].Operation} {cases[i].Input.ToJsonString()}\n  botocore: {string.Join(" | ", theirs)}\n  ours:     {string.Join(" | ", ours)}");
        }
        Assert.True(mismatches.Count == 0, $"{mismatches.Count} of {cases.Count} differ:\n" + string.Join("\n", mismatches.Take(10)));
        Assert.True(withErrors > cases.Count / 3, $"only {withErrors} of {cases.Count} generated inputs had errors: the mutations are not biting");
        Assert.True(cases.Count >= 400, $"only {cases.Count} cases");
    }
}
