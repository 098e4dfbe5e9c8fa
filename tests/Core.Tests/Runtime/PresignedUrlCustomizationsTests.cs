using AwsCore.Runtime;

namespace AwsCore.Tests.Runtime;

public sealed class PresignedUrlCustomizationsTests
{
    private sealed class RecordingPresigner
    {
        public List<(Dictionary<string, object?> Parameters, string Region)> Calls { get; } = new();

        public string Presign(IReadOnlyDictionary<string, object?> parameters, string region)
        {
            Calls.Add((parameters.ToDictionary(p => p.Key, p => p.Value), region));
            return $"https://ec2.{region}.amazonaws.com/?Action=CopySnapshot&X-Amz-Signature=abc";
        }
    }

    [Fact]
    public void Ec2CopySnapshotGetsAUrlPresignedInTheSourceRegion()
    {
        var presigner = new RecordingPresigner();
        var parameters = new Dictionary<string, object?> { ["SourceRegion"] = "us-west-2", ["SourceSnapshotId"] = "snap-1" };
        PresignedUrlCustomizations.InjectPresignedUrlEc2(parameters, "eu-west-1", presigner.Presign);
        var (sent, region) = Assert.Single(presigner.Calls);
        Assert.Equal("us-west-2", region);
        Assert.Equal("eu-west-1", sent["DestinationRegion"]);
        Assert.Equal("snap-1", sent["SourceSnapshotId"]);
        Assert.False(sent.ContainsKey("PresignedUrl"));
        Assert.StartsWith("https://ec2.us-west-2.amazonaws.com/", (string)parameters["PresignedUrl"]!);
        Assert.Equal("eu-west-1", parameters["DestinationRegion"]);
        Assert.Equal("us-west-2", parameters["SourceRegion"]); // EC2 models SourceRegion and sends it
    }

    [Fact]
    public void ACallerSuppliedUrlIsKept()
    {
        var presigner = new RecordingPresigner();
        var ec2 = new Dictionary<string, object?> { ["SourceRegion"] = "us-west-2", ["PresignedUrl"] = "mine" };
        PresignedUrlCustomizations.InjectPresignedUrlEc2(ec2, "eu-west-1", presigner.Presign);
        Assert.Equal("mine", ec2["PresignedUrl"]);
        Assert.False(ec2.ContainsKey("DestinationRegion"));

        var rds = new Dictionary<string, object?> { ["SourceRegion"] = "us-west-2", ["PreSignedUrl"] = "mine" };
        PresignedUrlCustomizations.InjectPresignedUrlRds(rds, "eu-west-1", presigner.Presign);
        Assert.Equal("mine", rds["PreSignedUrl"]);
        Assert.False(rds.ContainsKey("SourceRegion"));
        Assert.Empty(presigner.Calls);
    }

    [Fact]
    public void RdsNeverSendsSourceRegionAndPresignsWithoutIt()
    {
        var presigner = new RecordingPresigner();
        var parameters = new Dictionary<string, object?> { ["SourceDBSnapshotIdentifier"] = "arn:snap", ["SourceRegion"] = "us-east-2" };
        PresignedUrlCustomizations.InjectPresignedUrlRds(parameters, "us-west-1", presigner.Presign);
        var (sent, region) = Assert.Single(presigner.Calls);
        Assert.Equal("us-east-2", region);
        Assert.False(sent.ContainsKey("SourceRegion"));
        Assert.False(parameters.ContainsKey("SourceRegion"));
        Assert.True(parameters.ContainsKey("PreSignedUrl"));

        var local = new Dictionary<string, object?> { ["SourceDBSnapshotIdentifier"] = "snap" };
        PresignedUrlCustomizations.InjectPresignedUrlRds(local, "us-west-1", presigner.Presign);
        Assert.False(local.ContainsKey("PreSignedUrl"));
    }

    [Theory]
    [InlineData("ec2", "CopySnapshot", true)]
    [InlineData("ec2", "CopyImage", false)]
    [InlineData("rds", "CreateDBInstanceReadReplica", true)]
    [InlineData("neptune", "CreateDBCluster", true)]
    [InlineData("docdb", "CopyDBSnapshot", false)]
    public void AppliesToBotocoresOperations(string service, string operation, bool applies)
    {
        Assert.Equal(applies, PresignedUrlCustomizations.Applies(service, operation));
    }
}
