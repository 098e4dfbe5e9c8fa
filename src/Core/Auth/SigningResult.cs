namespace AwsCore.Auth;

/// <summary>The intermediate values of one signature, for the conformance suite and debug output of the canonical request.</summary>
internal sealed class SigningResult
{
    public SigningResult(string canonicalRequest, string stringToSign, string signature)
    {
        CanonicalRequest = canonicalRequest;
        StringToSign = stringToSign;
        Signature = signature;
    }

    /// <summary>The canonical request, or "" when the caller did not ask to keep it.</summary>
    public string CanonicalRequest { get; }
    public string StringToSign { get; }

    /// <summary>The hex signature: a secret-derived value, never to be logged.</summary>
    public string Signature { get; }

    public override string ToString() => "SigningResult(canonical request and string to sign; signature withheld)";
}
