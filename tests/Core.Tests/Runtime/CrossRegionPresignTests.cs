using System.Text;
using AwsCore.Credentials;
using AwsCore.Runtime;

namespace AwsCore.Tests.Runtime;

/// <summary>EC2 and RDS cross-region copies get a URL presigned in the source region (botocore's inject_presigned_url_*).</summary>
public sealed class CrossRegionPresignTests
{
    private static AwsClient Client(string service) => AwsClientFactory.Create(service, new ClientOptions
    {
        Region = "us-west-2",
        Credentials = new AwsCredentials("AKIDCOPYTEST", "copy-test-secret"),
        Environment = new Dictionary<string, string> { ["AWS_CONFIG_FILE"] = "/nonexistent/c", ["AWS_SHARED_CREDENTIALS_FILE"] = "/nonexistent/k" },
        Clock = () => new DateTimeOffset(2026, 11, 22, 12, 0, 0, TimeSpan.Zero),
    });

    private static Dictionary<string, string> Form(byte[] body) =>
        Encoding.UTF8.GetString(body).Split('&').Select(p => p.Split('=', 2))
            .ToDictionary(p => Uri.UnescapeDataString(p[0]), p => Uri.UnescapeDataString(p[1].Replace('+', ' ')));

    [Fact]
    public async Task Ec2CopySnapshotCarriesAUrlPresignedInTheSourceRegion()
    {
        var request = await Client("ec2").BuildRequestAsync("CopySnapshot", new Dictionary<string, object?>
            { ["SourceRegion"] = "eu-west-1", ["SourceSnapshotId"] = "snap-123" });
        var form = Form(request.Body);
        Assert.Equal("us-west-2", form["DestinationRegion"]);
        var url = new Uri(form["PresignedUrl"]);
        Assert.Equal("ec2.eu-west-1.amazonaws.com", url.Host);
        Assert.Contains("X-Amz-Signature=", url.Query);
        Assert.Contains("Action=CopySnapshot", url.Query);
        Assert.Contains("%2Feu-west-1%2Fec2%2Faws4_request", url.Query);
        Assert.Equal("ec2.us-west-2.amazonaws.com", request.Endpoint!.Host);
    }

    [Fact]
    public async Task RdsCopyDbSnapshotSendsPreSignedUrlAndNeverSourceRegion()
    {
        var request = await Client("rds").BuildRequestAsync("CopyDBSnapshot", new Dictionary<string, object?>
        {
            ["SourceRegion"] = "us-east-1",
            ["SourceDBSnapshotIdentifier"] = "arn:aws:rds:us-east-1:123456789012:snapshot:s1",
            ["TargetDBSnapshotIdentifier"] = "copy",
        });
        var form = Form(request.Body);
        Assert.False(form.ContainsKey("SourceRegion"));
        var url = new Uri(form["PreSignedUrl"]);
        Assert.Equal("rds.us-east-1.amazonaws.com", url.Host);
        Assert.Contains("X-Amz-Signature=", url.Query);
    }
}
