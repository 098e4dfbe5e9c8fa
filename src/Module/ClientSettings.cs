using AwsCore.Commands;
using AwsCore.Runtime;

namespace AwsCore.Module;

/// <summary>What a user gives as a client's settings (-Region, -ProfileName, -EndpointUrl, -Credential, -Query), as Core's <see cref="CommonArguments"/>.</summary>
internal static class ClientSettings
{
    /// <exception cref="ParameterConversionException">-Credential is not a credential form.</exception>
    public static CommonArguments Arguments(string? region, string? profileName, string? endpointUrl, object? credential, string? query = null) => new()
    {
        Region = region,
        ProfileName = profileName,
        EndpointUrl = endpointUrl,
        Credential = CredentialValue.Convert(credential),
        Query = query,
    };
}
