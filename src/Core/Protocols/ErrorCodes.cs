using AwsCore.Http;

using AwsCore.Models;

namespace AwsCore.Protocols;

/// <summary>Error-code clean-up shared by the json, rest-json and cbor parsers.</summary>
internal static class ErrorCodes
{
    /// <summary>"aws.protocoltests#FooError:http://..." to "FooError".</summary>
    public static string Sanitize(string code)
    {
        var colon = code.IndexOf(':');
        if (colon >= 0) code = code.Substring(0, colon);
        var hash = code.LastIndexOf('#');
        return hash >= 0 ? code.Substring(hash + 1) : code;
    }

    /// <summary>
    /// awsQueryCompatible services send the former query error code in x-amzn-query-error ("Code;Sender"); when
    /// present it becomes the code, and the original is kept as QueryErrorCode with the fault as Type.
    /// </summary>
    public static string QueryCompatible(string code, AwsHttpResponse response, ValueMap error)
    {
        if (!response.Headers.TryGetValue("x-amzn-query-error", out var header)) return code;
        var parts = header.Split(';');
        if (parts.Length != 2 || parts[0].Length == 0) return code;
        error["QueryErrorCode"] = code;
        error["Type"] = parts[1];
        return parts[0];
    }
}
