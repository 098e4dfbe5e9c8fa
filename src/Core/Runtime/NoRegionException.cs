namespace AwsCore.Runtime;

/// <summary>A client needs a region and none was given, set in the environment or in the active profile.</summary>
public sealed class NoRegionException : Exception
{
    public NoRegionException(string service, string profile)
        : base($"You must specify a region for {service}: pass -Region, set AWS_REGION or AWS_DEFAULT_REGION, or set region in profile '{profile}' of ~/.aws/config")
    {
        Service = service;
        Profile = profile;
    }

    public string Service { get; }
    public string Profile { get; }
}
