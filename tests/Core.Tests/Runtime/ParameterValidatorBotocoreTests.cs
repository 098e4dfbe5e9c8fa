using System.Text.Json;
using AwsCore.Runtime;

namespace AwsCore.Tests.Runtime;

/// <summary>The same inputs through botocore's ParamValidator and ours, over the same model: the same errors at the same paths.</summary>
public sealed class ParameterValidatorBotocoreTests
{
    private const string Script = """
        import json, sys
        from botocore.model import ServiceModel
        from botocore.validate import ParamValidator
        data = json.load(sys.stdin)
        op = ServiceModel(json.loads(data['model']), 'val').operation_model('Op')
        kinds = {'missing required field': 'MissingRequired', 'unknown field': 'UnknownMember', 'invalid type': 'InvalidType',
                 'invalid range': 'InvalidRange', 'invalid length': 'InvalidLength', 'invalid type for document': 'InvalidDocumentType',
                 'unable to encode to json': 'NotJsonSerializable', 'more than one input': 'UnionMultiple', 'empty input': 'UnionEmpty'}
        def child(name, member):
            return member if name == '' else name + '.' + member
        out = []
        for case in data['cases']:
            report = ParamValidator().validate(case, op.input_shape)
            errors = []
            for reason, name, extra in report._errors:
                if reason == 'missing required field':
                    name = child(name, extra['required_name'])
                elif reason == 'unknown field':
                    name = child(name, extra['unknown_param'])
                errors.append(kinds[reason] + ' ' + (name[1:] if name.startswith('.') else name))
            out.append(sorted(errors))
        print(json.dumps(out))
        """;

    private static readonly string[] Cases =
    {
        """{}""",
        """{"Name":"ab","Item":{"Key":{"S":5}}}""",
        """{"Name":"abc","Item":{},"Items":[],"Count":0,"Ratio":0.1,"Extra":1}""",
        """{"Name":"abc","Item":{"Key":{}},"Items":[{"Key":{}},{"Other":1}],"Tags":{"a":"b","ccc":"ddd"}}""",
        """{"Name":"abc","Item":{"Key":{}},"Choice":{}}""",
        """{"Name":"abc","Item":{"Key":{}},"Choice":{"A":"x","B":2}}""",
        """{"Name":"abc","Item":{"Key":{}},"Choice":{"B":0}}""",
        """{"Name":"abc","Item":{"Key":{}},"Numbers":[1,"2",0.5,0]}""",
        """{"Name":"abc","Item":{"Key":{}},"Flag":"true","When":"garbage","Data":5,"Label":""}""",
        """{"Name":"abc","Item":{"Key":{}},"When":"2020-01-02T03:04:05Z","Data":"x","Label":"l"}""",
        """{"Name":"abc","Item":{"Key":{}},"When":1600000000,"Ratio":2}""",
        """{"Name":"abc","Item":{"Key":{}},"Doc":{"a":[1,2.5,"x",null,true,{}]}}""",
        """{"Name":"abc","Item":{"Key":{}},"Doc":"text"}""",
        """{"Name":"abc","Item":{"Key":{}},"Big":1.5,"Count":"3","Tags":"x","Items":"x"}""",
        """{"Name":"abc","Item":"x"}""",
        """{"Name":"abc","Item":{"Key":{"S":"x"}},"Secret":3,"Name2":"x"}""",
        """{"Name":"\ud83d\ude00\ud83d\ude00","Item":{"Key":{"S":"x","N":["1"]}}}""",
        """{"Name":"abc","Item":{"Key":{}},"Json":{"a":[1,{"b":null}]}}""",
        """{"Name":[],"Item":[],"Items":{},"Tags":[],"Count":[],"Flag":{},"When":[],"Data":[],"Choice":[]}""",
    };

    [Fact]
    public void SameErrorsAsBotocoreForTheSameInputs()
    {
        var stdin = JsonSerializer.Serialize(new { model = ValidationModel.Json, cases = Cases.Select(c => JsonDocument.Parse(c).RootElement).ToArray() });
        var expected = JsonSerializer.Deserialize<List<List<string>>>(PythonScript.Run(Script, stdin))!;
        Assert.Equal(Cases.Length, expected.Count);
        for (var i = 0; i < Cases.Length; i++)
        {
            var input = ToTree(JsonDocument.Parse(Cases[i]).RootElement);
            var actual = ParameterValidator.Validate(input, ValidationModel.Input)
                .Select(e => e.Kind + " " + e.Path).OrderBy(s => s, StringComparer.Ordinal).ToList();
            var botocore = expected[i].OrderBy(s => s, StringComparer.Ordinal).ToList();
            Assert.True(botocore.SequenceEqual(actual),
                $"case {i} {Cases[i]}\n botocore: {string.Join(" | ", botocore)}\n ours:     {string.Join(" | ", actual)}");
        }
    }

    /// <summary>JSON as the value tree: objects to dictionaries, arrays to lists, integral numbers to long, others to double.</summary>
    internal static object? ToTree(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Object => element.EnumerateObject().ToDictionary(p => p.Name, p => ToTree(p.Value), StringComparer.Ordinal),
        JsonValueKind.Array => element.EnumerateArray().Select(ToTree).ToList(),
        JsonValueKind.String => element.GetString(),
        JsonValueKind.Number => element.TryGetInt64(out var l) ? (object)l : element.GetDouble(),
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        _ => null,
    };
}
