using AwsCore.Commands;

namespace AwsCore.Tests.Commands;

public sealed class SingularizerTests
{
    [Theory]
    [InlineData("Buckets", "Bucket")]
    [InlineData("DBClusters", "DBCluster")]
    [InlineData("Policies", "Policy")]
    [InlineData("Addresses", "Address")]
    [InlineData("Statuses", "Status")]
    [InlineData("Aliases", "Alias")]
    [InlineData("AccountAliases", "AccountAlias")]
    [InlineData("ServerlessCaches", "ServerlessCache")]
    [InlineData("Batches", "Batch")]
    [InlineData("Meshes", "Mesh")]
    [InlineData("Indexes", "Index")]
    [InlineData("Indices", "Index")]
    [InlineData("Analyses", "Analysis")]
    [InlineData("Ephemerides", "Ephemeris")]
    [InlineData("NetworkAcls", "NetworkAcl")]
    [InlineData("ACLs", "ACL")]
    [InlineData("WebACLs", "WebACL")]
    [InlineData("CNAMEs", "CNAME")]
    [InlineData("SecretVersionIds", "SecretVersionId")]
    [InlineData("Apis", "Api")]
    [InlineData("Gpus", "Gpu")]
    [InlineData("Archives", "Archive")]
    [InlineData("Databases", "Database")]
    public void PluralsBecomeSingular(string plural, string singular) =>
        Assert.Equal(singular, Singularizer.Singular(plural));

    [Theory]
    [InlineData("InstanceStatus")]
    [InlineData("BucketAccess")]
    [InlineData("ObjectMetadata")]
    [InlineData("ParallelData")]
    [InlineData("WorkspaceMedia")]
    [InlineData("Analysis")]
    [InlineData("EventBus")]
    [InlineData("LocationNfs")]
    [InlineData("LocationHdfs")]
    [InlineData("LocationFsxWindows")]
    [InlineData("SetupInstanceHttps")]
    [InlineData("BucketCors")]
    [InlineData("Lens")]
    [InlineData("TimeSeries")]
    [InlineData("Egress")]
    [InlineData("HostedZoneDNS")]
    [InlineData("Route53")]
    [InlineData("")]
    public void SingularsAndUncountablesStay(string noun) =>
        Assert.Equal(noun, Singularizer.Singular(noun));
}
