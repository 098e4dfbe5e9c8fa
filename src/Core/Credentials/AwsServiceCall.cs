using AwsCore.Models;
namespace AwsCore.Credentials;

/// <summary>
/// Calls an AWS operation through the client (serializer, endpoint resolution, signer, transport, parser) and
/// returns its parsed output as the value tree. Providers that need STS, SSO or SSO-OIDC receive one of these
/// instead of building HTTP requests themselves.
/// </summary>
/// <param name="serviceName">The service's model name ("sts", "sso", "sso-oidc").</param>
/// <param name="operation">The operation name ("AssumeRole", "GetRoleCredentials", "CreateToken").</param>
/// <param name="parameters">The operation input.</param>
/// <param name="context">Region, credentials (null to send the call unsigned) and an optional endpoint.</param>
/// <param name="cancellationToken">Cancels the call.</param>
public delegate Task<ValueMap> AwsServiceCall(string serviceName, string operation, Dictionary<string, object?> parameters,
    AwsServiceCallContext context, CancellationToken cancellationToken);

/// <summary>How a provider's service call is to be made.</summary>
public sealed class AwsServiceCallContext
{
    public AwsServiceCallContext(string? region, AwsCredentials? credentials, string? endpointUrl = null)
    {
        Region = region;
        Credentials = credentials;
        EndpointUrl = endpointUrl;
    }

    /// <summary>The region to call (the session's region, or the SSO region); null lets the client decide.</summary>
    public string? Region { get; }

    /// <summary>The credentials to sign with, or null for an unsigned call (AssumeRoleWithWebIdentity, SSO).</summary>
    public AwsCredentials? Credentials { get; }

    /// <summary>An endpoint URL that overrides endpoint resolution, or null.</summary>
    public string? EndpointUrl { get; }

    public override string ToString() => $"AwsServiceCallContext(region {Region ?? "(default)"}, {(Credentials is null ? "unsigned" : Credentials.ToString())}{(EndpointUrl is null ? "" : ", endpoint " + EndpointUrl)})";
}
