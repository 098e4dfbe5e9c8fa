namespace AwsCore.Models;

/// <summary>The files that sit beside a service-2 model (paginators, waiters, endpoint rules), read on first use.</summary>
internal sealed class CompanionFiles
{
    private readonly ModelLoader _loader;
    private readonly string _service;
    private readonly string _version;

    public CompanionFiles(ModelLoader loader, string service, string version)
    {
        _loader = loader;
        _service = service;
        _version = version;
    }

    /// <summary>The file's bytes (with its sdk-extras merged) and its path, or null when the service has none.</summary>
    public (byte[] Bytes, string File)? Read(string typeName)
    {
        if (_loader.ReadCompanion(_service, _version, typeName) is not { } found) return null;
        return (_loader.WithExtras(_service, _version, typeName, found.Bytes, found.File), found.File);
    }
}
