using System.Text;
using AwsCore.Models;

namespace AwsCore.Tests.Commands;

/// <summary>Models the command tests run against: the bundled ones, and a small hand-written one.</summary>
internal static class CommandTestModels
{
    private static readonly Lazy<ModelLoader> BundledLoader = new(() =>
    {
        var dir = ModelLoader.BundledModelsDirectory();
        Assert.True(dir != null, "the bundled models/ folder was not found above the test assembly; run `dotnet run --project tools/ImportModels`");
        return new ModelLoader(new[] { dir! });
    });

    public static ModelLoader Bundled() => BundledLoader.Value;

    public static ServiceModel Service(string name) => Bundled().GetService(name);

    /// <summary>A json-protocol service with a structure, a map, a list, an enum, numbers, a timestamp, a blob and a document.</summary>
    public static ServiceModel Sample() => ServiceModel.Parse(Encoding.UTF8.GetBytes(SampleJson), "sample", "sample.json");

    private const string SampleJson = """
        {"version":"2.0","metadata":{"apiVersion":"2020-01-01","endpointPrefix":"sample","protocol":"json","serviceId":"Sample Service","jsonVersion":"1.1","targetPrefix":"Sample"},
         "operations":{
           "PutThing":{"name":"PutThing","http":{"method":"POST","requestUri":"/"},"input":{"shape":"PutThingInput"},"output":{"shape":"PutThingOutput"}},
           "Ping":{"name":"Ping","http":{"method":"POST","requestUri":"/"}}},
         "shapes":{
           "PutThingInput":{"type":"structure","required":["Name"],"members":{
              "Name":{"shape":"String"},"Count":{"shape":"Int"},"Size":{"shape":"Long"},"Ratio":{"shape":"Double"},
              "Enabled":{"shape":"Bool"},"When":{"shape":"Time"},"Data":{"shape":"Blob"},"Color":{"shape":"Color"},
              "Tags":{"shape":"TagList"},"Labels":{"shape":"LabelMap"},"Inner":{"shape":"Inner"},"Doc":{"shape":"Doc"},
              "NAME":{"shape":"String"}}},
           "PutThingOutput":{"type":"structure","members":{"Thing":{"shape":"Inner"},"Things":{"shape":"InnerList"},"Labels":{"shape":"InnerMap"},"Count":{"shape":"Int"}}},
           "Inner":{"type":"structure","members":{"Key":{"shape":"String"},"Value":{"shape":"String"}}},
           "InnerList":{"type":"list","member":{"shape":"Inner"}},
           "InnerMap":{"type":"map","key":{"shape":"String"},"value":{"shape":"Inner"}},
           "TagList":{"type":"list","member":{"shape":"Inner"}},
           "LabelMap":{"type":"map","key":{"shape":"String"},"value":{"shape":"String"}},
           "Color":{"type":"string","enum":["red","green"]},
           "Doc":{"type":"structure","members":{},"document":true},
           "String":{"type":"string"},"Int":{"type":"integer"},"Long":{"type":"long"},"Double":{"type":"double"},
           "Bool":{"type":"boolean"},"Time":{"type":"timestamp"},"Blob":{"type":"blob"}}}
        """;
}
