namespace AwsCore.Auth;

/// <summary>How a request is authenticated.</summary>
public enum AuthSchemeKind
{
    /// <summary>Signature Version 4 (plain or, with <see cref="AuthScheme.S3Variant"/>, the S3 flavour).</summary>
    SigV4,
    /// <summary>Bearer token in the Authorization header (smithy.api#httpBearerAuth).</summary>
    Bearer,
    /// <summary>Not signed (smithy.api#noAuth, authtype "none", or the endpoint's "none" scheme).</summary>
    None,
}

/// <summary>The auth scheme chosen for one operation call, with the signing name and region to put in the scope.</summary>
public sealed class AuthScheme
{
    public AuthScheme(AuthSchemeKind kind, string signingName, string signingRegion, bool s3Variant, bool payloadSigningEnabled)
    {
        Kind = kind;
        SigningName = signingName;
        SigningRegion = signingRegion;
        S3Variant = s3Variant;
        PayloadSigningEnabled = payloadSigningEnabled;
    }

    public AuthSchemeKind Kind { get; }

    /// <summary>The signing name in the SigV4 scope.</summary>
    public string SigningName { get; }

    /// <summary>The signing region in the SigV4 scope.</summary>
    public string SigningRegion { get; }

    /// <summary>The signing name is one of S3's (s3, s3-outposts, s3-object-lambda, s3express): sign with the S3 variant.</summary>
    public bool S3Variant { get; }

    /// <summary>False for operations whose model asks for an unsigned body (authtype "v4-unsigned-body" or unsignedPayload).</summary>
    public bool PayloadSigningEnabled { get; }

    /// <summary>The SigV4 options this scheme implies.</summary>
    public SigV4SigningOptions ToSigV4Options() =>
        new(SigningRegion, SigningName) { S3Variant = S3Variant, PayloadSigningEnabled = PayloadSigningEnabled };

    public override string ToString() => $"{Kind} {SigningName}/{SigningRegion}{(S3Variant ? " (S3)" : "")}";
}
