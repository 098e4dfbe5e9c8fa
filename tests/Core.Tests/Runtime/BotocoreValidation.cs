using System.Text.Json;
using AwsCore.Jmes;
using AwsCore.Models;
using AwsCore.Runtime;

namespace AwsCore.Tests.Runtime;

/// <summary>
/// botocore's ParamValidator as the validator's oracle: both sides' errors in one form, "Kind path" lines sorted
/// ordinally, so a differential test compares them as they are.
/// </summary>
internal static class BotocoreValidation
{
    /// <summary>
    /// The head of a python script: imports json and sys, and defines <c>botocore_errors(params, input_shape)</c>, which
    /// validates with ParamValidator and names each error by its <see cref="ParameterErrorKind"/> and path.
    /// </summary>
    public const string ScriptHead = """
        import json, sys
        from botocore.validate import ParamValidator
        KINDS = {'missing required field': 'MissingRequired', 'unknown field': 'UnknownMember', 'invalid type': 'InvalidType',
                 'invalid range': 'InvalidRange', 'invalid length': 'InvalidLength', 'invalid type for document': 'InvalidDocumentType',
                 'unable to encode to json': 'NotJsonSerializable', 'more than one input': 'UnionMultiple', 'empty input': 'UnionEmpty'}
        def child(name, member):
            return member if name == '' else name + '.' + member
        def botocore_errors(params, input_shape):
            errors = []
            for reason, name, extra in ParamValidator().validate(params, input_shape)._errors:
                if reason == 'missing required field':
                    name = child(name, extra['required_name'])
                elif reason == 'unknown field':
                    name = child(name, extra['unknown_param'])
                errors.append(KINDS[reason] + ' ' + (name[1:] if name.startswith('.') else name))
            return errors

        """;

    /// <summary>Runs <see cref="ScriptHead"/> followed by <paramref name="body"/>, which prints one JSON list of error lists.</summary>
    public static List<List<string>> Run(string body, string stdin) =>
        JsonSerializer.Deserialize<List<List<string>>>(PythonScript.Run(ScriptHead + body, stdin))!
            .Select(errors => errors.OrderBy(e => e, StringComparer.Ordinal).ToList()).ToList();

    /// <summary>Our validator's errors for <paramref name="json"/> read as the value tree botocore gets from json.load.</summary>
    public static List<string> Ours(string json, Shape inputShape)
    {
        using var document = JsonDocument.Parse(json);
        return ParameterValidator.Validate(JmesJson.ToTree(document.RootElement), inputShape)
            .Select(e => e.Kind + " " + e.Path).OrderBy(e => e, StringComparer.Ordinal).ToList();
    }
}
