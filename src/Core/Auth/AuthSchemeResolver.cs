namespace AwsCore.Auth;

/// <summary>
/// Picks the auth scheme, signing name and signing region of a call as botocore does: the operation's (or else the
/// service's) "auth" trait list or "authtype", the service's signatureVersion, then the endpoint rule set's
/// authSchemes, whose first supported entry overrides the signing name and region.
/// </summary>
public static class AuthSchemeResolver
{
    private static readonly HashSet<string> S3SigningNames = new(StringComparer.Ordinal) { "s3", "s3-outposts", "s3-object-lambda", "s3express" };

    /// <param name="authTrait">The operation's "auth" list, or else the service metadata's; may be empty.</param>
    /// <param name="authType">The operation's legacy "authtype" ("none", "v4-unsigned-body", "bearer") or null.</param>
    /// <param name="signatureVersion">The service metadata's signatureVersion ("v4", "s3", "s3v4", "bearer").</param>
    /// <param name="signingName">The service's signingName, or its endpointPrefix when it has none.</param>
    /// <param name="region">The client's region.</param>
    /// <param name="endpointAuthSchemes">The resolved endpoint's properties.authSchemes (a list of dictionaries), or null.</param>
    /// <param name="unsignedPayload">The operation carries the unsignedPayload trait.</param>
    public static AuthScheme Resolve(IReadOnlyList<string>? authTrait, string? authType, string? signatureVersion, string signingName,
        string region, IReadOnlyList<object?>? endpointAuthSchemes = null, bool unsignedPayload = false)
    {
        var version = ModelAuthType(authTrait, authType, signatureVersion);
        if (version == "none") return new AuthScheme(AuthSchemeKind.None, signingName, region, false, true);
        if (version == "bearer") return new AuthScheme(AuthSchemeKind.Bearer, signingName, region, false, true);

        var payloadSigning = !(unsignedPayload || authType == "v4-unsigned-body");
        if (endpointAuthSchemes is { Count: > 0 })
        {
            foreach (var entry in endpointAuthSchemes)
            {
                if (entry is not IDictionary<string, object?> scheme || scheme.TryGetValue("name", out var nameValue) is false || nameValue is not string name) continue;
                name = name.Substring(name.LastIndexOf('#') + 1);
                if (name == "none") return new AuthScheme(AuthSchemeKind.None, signingName, region, false, true);
                if (name != "sigv4") continue;
                var scopeName = scheme.TryGetValue("signingName", out var n) && n is string s ? s : signingName;
                var scopeRegion = scheme.TryGetValue("signingRegion", out var r) && r is string rs ? rs : region;
                return new AuthScheme(AuthSchemeKind.SigV4, scopeName, scopeRegion, S3SigningNames.Contains(scopeName), payloadSigning);
            }
            var offered = string.Join(", ", endpointAuthSchemes.OfType<IDictionary<string, object?>>().Select(d => d.TryGetValue("name", out var v) ? v as string : null));
            throw new NotSupportedException($"the endpoint offers auth schemes [{offered}] and AwsCore signs with sigv4 only (sigv4a and sigv4-s3express are not implemented)");
        }
        return new AuthScheme(AuthSchemeKind.SigV4, signingName, region, S3SigningNames.Contains(signingName) || signatureVersion == "s3v4", payloadSigning);
    }

    /// <summary>botocore's resolve_auth_type over the auth trait, falling back to authtype and signatureVersion.</summary>
    private static string ModelAuthType(IReadOnlyList<string>? authTrait, string? authType, string? signatureVersion)
    {
        if (authTrait is { Count: > 0 })
        {
            foreach (var trait in authTrait)
            {
                switch (trait)
                {
                    case "smithy.api#noAuth": return "none";
                    case "aws.auth#sigv4": return "v4";
                    case "smithy.api#httpBearerAuth": return "bearer";
                    case "aws.auth#sigv4a": continue;
                    default: throw new NotSupportedException($"unknown auth trait '{trait}' in the model");
                }
            }
            throw new NotSupportedException($"the model asks for [{string.Join(", ", authTrait)}] and AwsCore does not implement sigv4a");
        }
        if (authType is "none" or "bearer") return authType;
        if (signatureVersion == "bearer") return "bearer";
        return "v4";
    }
}
