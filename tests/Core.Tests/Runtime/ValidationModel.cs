using System.Text;
using AwsCore.Models;

namespace AwsCore.Tests.Runtime;

/// <summary>A small model with one shape of every kind and constraint the validator checks; shared with botocore in differential tests.</summary>
internal static class ValidationModel
{
    public const string Json = """
        {"version":"2.0","metadata":{"apiVersion":"2020-01-01","endpointPrefix":"val","protocol":"rest-json","serviceId":"Val Test","signatureVersion":"v4"},
         "operations":{"Op":{"name":"Op","http":{"method":"POST","requestUri":"/{Label}"},"input":{"shape":"Input"}}},
         "shapes":{
          "Input":{"type":"structure","required":["Name","Item"],"members":{
            "Label":{"shape":"Str","location":"uri","locationName":"Label","hostLabel":true},
            "Name":{"shape":"Name"},
            "Item":{"shape":"Item"},
            "Items":{"shape":"ItemList"},
            "Tags":{"shape":"TagMap"},
            "Count":{"shape":"Count"},
            "Big":{"shape":"Big"},
            "Ratio":{"shape":"Ratio"},
            "Flag":{"shape":"Flag"},
            "When":{"shape":"When"},
            "Data":{"shape":"Data"},
            "Doc":{"shape":"Doc"},
            "Choice":{"shape":"Choice"},
            "Json":{"shape":"Str","jsonvalue":true,"location":"header","locationName":"x-json"},
            "Numbers":{"shape":"NumberList"},
            "Secret":{"shape":"SecretNumber"}}},
          "Name":{"type":"string","min":3},
          "Str":{"type":"string"},
          "Item":{"type":"structure","required":["Key"],"members":{"Key":{"shape":"AttributeValue"},"Other":{"shape":"Str"}}},
          "AttributeValue":{"type":"structure","members":{"S":{"shape":"Str"},"N":{"shape":"Str"}}},
          "ItemList":{"type":"list","member":{"shape":"Item"},"min":1},
          "TagMap":{"type":"map","key":{"shape":"Str"},"value":{"shape":"Name"},"min":2},
          "Count":{"type":"integer","min":1},
          "Big":{"type":"long"},
          "Ratio":{"type":"double","min":0.5},
          "Flag":{"type":"boolean"},
          "When":{"type":"timestamp"},
          "Data":{"type":"blob","min":4},
          "Doc":{"type":"structure","members":{},"document":true},
          "Choice":{"type":"structure","members":{"A":{"shape":"Str"},"B":{"shape":"Count"}},"union":true},
          "NumberList":{"type":"list","member":{"shape":"Count"}},
          "SecretNumber":{"type":"integer","min":10,"sensitive":true}
         }}
        """;

    private static readonly Lazy<ServiceModel> Model = new(() => ServiceModel.Parse(Encoding.UTF8.GetBytes(Json), "val", "ValidationModel"));

    public static Shape Input => Model.Value.GetOperation("Op").Input!;

    /// <summary>A new valid input for <see cref="Input"/> (its two required members), in the converter's form; tests change it in one place.</summary>
    public static Dictionary<string, object?> ValidInput() => new(StringComparer.Ordinal)
    {
        ["Name"] = "abc",
        ["Item"] = new Dictionary<string, object?>(StringComparer.Ordinal)
        {
            ["Key"] = new Dictionary<string, object?>(StringComparer.Ordinal) { ["S"] = "k" },
        },
    };
}
