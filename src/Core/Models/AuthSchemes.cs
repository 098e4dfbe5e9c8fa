namespace AwsCore.Models;

/// <summary>Maps Smithy auth scheme ids to botocore's signature version names.</summary>
public static class AuthSchemes
{
    /// <summary>"aws.auth#sigv4" -> "v4", "aws.auth#sigv4a" -> "v4a", "smithy.api#httpBearerAuth" -> "bearer", "smithy.api#noAuth" -> "none"; unknown -> null.</summary>
    public static string? ToAuthType(string scheme) => scheme switch
    {
        "aws.auth#sigv4" => "v4",
        "aws.auth#sigv4a" => "v4a",
        "smithy.api#httpBearerAuth" => "bearer",
        "smithy.api#noAuth" => "none",
        _ => null,
    };
}
