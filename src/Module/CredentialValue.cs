using System.Management.Automation;
using System.Net;
using AwsCore.Commands;
using AwsCore.Credentials;
using AwsCore.Runtime;

namespace AwsCore.Module;

/// <summary>-Credential: a PSCredential here (user name = access key id, password = secret key), every other form in Core.</summary>
internal static class CredentialValue
{
    public static AwsCredentials? Convert(object? value)
    {
        var unwrapped = value is PSObject ps ? ps.BaseObject : value;
        if (unwrapped is PSCredential credential)
        {
            var secret = credential.GetNetworkCredential().Password;
            if (string.IsNullOrEmpty(credential.UserName) || string.IsNullOrEmpty(secret))
                throw new ParameterConversionException("Credential", "a PSCredential needs the access key id as user name and the secret access key as password");
            return new AwsCredentials(credential.UserName, secret, source: "explicit");
        }
        return CredentialArgument.Convert(value is null ? null : PSValues.Unwrap(value));
    }
}
