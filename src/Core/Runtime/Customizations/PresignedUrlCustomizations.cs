namespace AwsCore.Runtime;

/// <summary>
/// Presigns the same operation for the source region with <paramref name="parameters"/> (the caller's, with any member
/// this customization added) and returns the URL: the operation serialized as a GET to the endpoint of
/// <paramref name="sourceRegion"/>, signed for that region with the caller's credentials. The pipeline supplies it,
/// since serializing, resolving the endpoint and signing are its steps.
/// </summary>
internal delegate string CrossRegionPresigner(IReadOnlyDictionary<string, object?> parameters, string sourceRegion);

/// <summary>
/// The cross-region copy operations of EC2 and RDS (and Neptune and DocumentDB, which share RDS's API) need a URL,
/// presigned in the source region, that lets the destination region read the source: botocore's
/// inject_presigned_url_ec2 and inject_presigned_url_rds. Call them after validation and before serialization.
/// </summary>
internal static class PresignedUrlCustomizations
{
    private static readonly string[] RdsOperations =
        { "CopyDBClusterSnapshot", "CreateDBCluster", "CopyDBSnapshot", "CreateDBInstanceReadReplica", "StartDBInstanceAutomatedBackupsReplication" };

    /// <summary>True when <paramref name="serviceId"/>'s <paramref name="operation"/> takes a presigned source URL.</summary>
    public static bool Applies(string serviceId, string operation) => serviceId switch
    {
        "ec2" => operation == "CopySnapshot",
        "rds" => Array.IndexOf(RdsOperations, operation) >= 0,
        "neptune" or "docdb" => operation is "CopyDBClusterSnapshot" or "CreateDBCluster",
        _ => false,
    };

    /// <summary>
    /// EC2 CopySnapshot: unless the caller gave PresignedUrl, presigns the copy in SourceRegion and sends it with
    /// DestinationRegion (the client's region), which EC2 requires as well.
    /// </summary>
    public static void InjectPresignedUrlEc2(IDictionary<string, object?> parameters, string destinationRegion, CrossRegionPresigner presign)
    {
        if (parameters.ContainsKey("PresignedUrl")) return;
        if (!parameters.TryGetValue("SourceRegion", out var source) || source is not string sourceRegion) return;
        var forSource = new Dictionary<string, object?>(parameters, StringComparer.Ordinal) { ["DestinationRegion"] = destinationRegion };
        parameters["PresignedUrl"] = presign(forSource, sourceRegion);
        parameters["DestinationRegion"] = destinationRegion;
    }

    /// <summary>
    /// RDS (Neptune, DocumentDB): SourceRegion is AwsCore's own parameter, never sent; when given, and PreSignedUrl is
    /// not, the operation is presigned in SourceRegion and sent as PreSignedUrl.
    /// </summary>
    public static void InjectPresignedUrlRds(IDictionary<string, object?> parameters, string destinationRegion, CrossRegionPresigner presign)
    {
        if (!parameters.TryGetValue("SourceRegion", out var source)) return;
        parameters.Remove("SourceRegion");
        if (parameters.ContainsKey("PreSignedUrl") || source is not string sourceRegion) return;
        parameters["PreSignedUrl"] = presign(new Dictionary<string, object?>(parameters, StringComparer.Ordinal), sourceRegion);
    }
}
