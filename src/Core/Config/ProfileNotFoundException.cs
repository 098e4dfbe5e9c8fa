namespace AwsCore.Config;

/// <summary>A profile was asked for (by argument or AWS_PROFILE/AWS_DEFAULT_PROFILE) that neither shared file defines.</summary>
public sealed class ProfileNotFoundException : Exception
{
    public ProfileNotFoundException(string profileName, string configPath, string credentialsPath, string requestedBy)
        : base($"The config profile ({profileName}) could not be found (asked for by {requestedBy}); searched {configPath} and {credentialsPath}")
    {
        ProfileName = profileName;
        FilesSearched = new[] { configPath, credentialsPath };
    }

    public string ProfileName { get; }

    public IReadOnlyList<string> FilesSearched { get; }
}
