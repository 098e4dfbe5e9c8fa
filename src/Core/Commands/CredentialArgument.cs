using AwsCore.Credentials;
using AwsCore.Protocols;
using AwsCore.Runtime;

namespace AwsCore.Commands;

/// <summary>
/// Converts what a user gives to -Credential: an <see cref="AwsCredentials"/>, or a hashtable/object with
/// AccessKeyId, SecretAccessKey and optionally SessionToken (the Module handles PSCredential itself). Errors name
/// the missing or unknown key, never a value.
/// </summary>
public static class CredentialArgument
{
    private static readonly string[] Known = { "AccessKeyId", "SecretAccessKey", "SessionToken" };

    /// <summary>The credentials, or null for null.</summary>
    /// <exception cref="ParameterConversionException">Not a credential form, a required key missing, or an unknown key.</exception>
    public static AwsCredentials? Convert(object? value)
    {
        switch (value)
        {
            case null:
                return null;
            case AwsCredentials credentials:
                return credentials;
        }
        if (!InputValues.TryGetEntries(value, out var entries))
            throw new ParameterConversionException("Credential", $"expected AwsCredentials, a PSCredential (user name = access key id, password = secret key) or a hashtable with AccessKeyId and SecretAccessKey, got {InputValues.TypeName(value)}");
        var found = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var entry in entries)
        {
            var key = entry.Key as string;
            var name = Known.FirstOrDefault(k => string.Equals(k, key, StringComparison.OrdinalIgnoreCase))
                ?? throw new ParameterConversionException("Credential." + key, $"unknown key; expected {string.Join(", ", Known)}");
            if (entry.Value is null) continue;
            found[name] = entry.Value as string ?? throw new ParameterConversionException("Credential." + name, $"expected a string, got {InputValues.TypeName(entry.Value)}");
        }
        foreach (var required in new[] { "AccessKeyId", "SecretAccessKey" })
            if (!found.TryGetValue(required, out var v) || v.Length == 0)
                throw new ParameterConversionException("Credential." + required, "is required");
        found.TryGetValue("SessionToken", out var token);
        return new AwsCredentials(found["AccessKeyId"], found["SecretAccessKey"], token, source: "explicit");
    }

    /// <summary>The access key id with all but its last four characters masked.</summary>
    public static string Mask(string accessKeyId) =>
        accessKeyId.Length <= 4 ? "****" : new string('*', accessKeyId.Length - 4) + accessKeyId.Substring(accessKeyId.Length - 4);
}
