using System.Text.Json;

namespace AwsCore.Tests.Runtime;

/// <summary>The same inputs through botocore's ParamValidator and ours, over the same model: the same errors at the same paths.</summary>
public sealed class ParameterValidatorBotocoreTests
{
    private const string Script = """
        from botocore.model import ServiceModel
        data = json.load(sys.stdin)
        op = ServiceModel(json.loads(data['model']), 'val').operation_model('Op')
        print(json.dumps([botocore_errors(case, op.input_shape) for case in data['cases']]))
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
        var expected = BotocoreValidation.Run(Script, stdin);
        Assert.Equal(Cases.Length, expected.Count);
        for (var i = 0; i < Cases.Length; i++)
        {
            var actual = BotocoreValidation.Ours(Cases[i], ValidationModel.Input);
            Assert.True(expected[i].SequenceEqual(actual),
                $"case {i} {Cases[i]}\n botocore: {string.Join(" | ", expected[i])}\n ours:     {string.Join(" | ", actual)}");
        }
    }
}
