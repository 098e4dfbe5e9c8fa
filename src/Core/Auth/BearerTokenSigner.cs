using AwsCore.Http;

namespace AwsCore.Auth;

/// <summary>Bearer-token auth (RFC 6750 section 2.1) for models whose auth is smithy.api#httpBearerAuth (signatureVersion "bearer").</summary>
public static class BearerTokenSigner
{
    /// <summary>Sets "Authorization: Bearer &lt;token&gt;", replacing any earlier Authorization header.</summary>
    public static void Sign(AwsHttpRequest request, string? token)
    {
        if (request is null) throw new ArgumentNullException(nameof(request));
        if (string.IsNullOrEmpty(token))
            throw new InvalidOperationException("this operation uses bearer-token auth and no token was found (sign in with 'aws sso login' or set a token provider)");
        request.Headers.Remove("Authorization");
        request.Headers["Authorization"] = "Bearer " + token;
    }
}
