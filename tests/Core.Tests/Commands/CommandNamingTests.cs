using AwsCore.Commands;

namespace AwsCore.Tests.Commands;

public sealed class CommandNamingTests
{
    private static Dictionary<string, CommandName> Name(string serviceId, params OperationFacts[] operations) =>
        CommandNaming.NameService(serviceId, operations).ToDictionary(c => c.Operation, StringComparer.Ordinal);

    private static Dictionary<string, CommandName> Name(string serviceId, params string[] operations) =>
        Name(serviceId, operations.Select(o => new OperationFacts(o)).ToArray());

    [Theory]
    [InlineData("S3", "S3")]
    [InlineData("Auto Scaling", "AutoScaling")]
    [InlineData("DynamoDB", "DynamoDB")]
    [InlineData("codestar notifications", "CodestarNotifications")]
    [InlineData("Elastic Load Balancing v2", "ElasticLoadBalancingV2")]
    [InlineData("Marketplace Commerce Analytics", "MarketplaceCommerceAnalytics")]
    [InlineData("IoT 1Click Devices Service", "IoT1ClickDevicesService")]
    [InlineData("m2", "M2")]
    public void ServicePrefixDropsSpacesAndPunctuation(string serviceId, string prefix) =>
        Assert.Equal(prefix, CommandNaming.ServicePrefix(serviceId));

    [Fact]
    public void ServiceIdWithoutLettersIsRejected() =>
        Assert.Throws<ArgumentException>(() => CommandNaming.ServicePrefix(" - "));

    [Theory]
    [InlineData("ListWidgets", "Get-AwsSvcWidget")]
    [InlineData("DescribeWidgets", "Get-AwsSvcWidget")]
    [InlineData("GetWidget", "Get-AwsSvcWidget")]
    [InlineData("CreateWidget", "New-AwsSvcWidget")]
    [InlineData("DeleteWidget", "Remove-AwsSvcWidget")]
    [InlineData("PutWidget", "Write-AwsSvcWidget")]
    [InlineData("UpdateWidget", "Update-AwsSvcWidget")]
    [InlineData("StartWidget", "Start-AwsSvcWidget")]
    [InlineData("StopWidget", "Stop-AwsSvcWidget")]
    [InlineData("EnableWidget", "Enable-AwsSvcWidget")]
    [InlineData("DisableWidget", "Disable-AwsSvcWidget")]
    [InlineData("ResetWidget", "Reset-AwsSvcWidget")]
    [InlineData("RestoreWidget", "Restore-AwsSvcWidget")]
    [InlineData("SendWidget", "Send-AwsSvcWidget")]
    [InlineData("ImportWidget", "Import-AwsSvcWidget")]
    [InlineData("ExportWidget", "Export-AwsSvcWidget")]
    [InlineData("CopyWidget", "Copy-AwsSvcWidget")]
    [InlineData("TestWidget", "Test-AwsSvcWidget")]
    [InlineData("RegisterWidget", "Register-AwsSvcWidget")]
    [InlineData("DeregisterWidget", "Unregister-AwsSvcWidget")]
    [InlineData("UnregisterWidget", "Unregister-AwsSvcWidget")]
    [InlineData("AddWidget", "Add-AwsSvcWidget")]
    [InlineData("RemoveWidget", "Remove-AwsSvcWidget")]
    [InlineData("InvokeWidget", "Invoke-AwsSvcWidget")]
    [InlineData("TagWidget", "Add-AwsSvcWidgetTag")]
    [InlineData("UntagWidget", "Remove-AwsSvcWidgetTag")]
    [InlineData("ModifyWidget", "Invoke-AwsSvcModifyWidget")]
    [InlineData("BatchGetWidgets", "Invoke-AwsSvcBatchGetWidgets")]
    [InlineData("Query", "Invoke-AwsSvcQuery")]
    [InlineData("Invoke", "Invoke-AwsSvcInvoke")]
    [InlineData("Listen", "Invoke-AwsSvcListen")]
    [InlineData("ListenerRules", "Invoke-AwsSvcListenerRules")]
    public void VerbsMapAsTheRulesSay(string operation, string command) =>
        Assert.Equal(command, Name("Svc", operation)[operation].Name);

    [Theory]
    [InlineData("ListTagsForResource", "Get-AwsSvcResourceTag")]
    [InlineData("GetParametersForImport", "Get-AwsSvcImportParameter")]
    [InlineData("ListInstanceProfilesForRole", "Get-AwsSvcRoleInstanceProfile")]
    [InlineData("AddTagsToResource", "Add-AwsSvcResourceTag")]
    [InlineData("RemoveTagsFromResource", "Remove-AwsSvcResourceTag")]
    [InlineData("AddRoleToDBCluster", "Add-AwsSvcDBClusterRole")]
    [InlineData("RestoreDBClusterFromSnapshot", "Restore-AwsSvcDBClusterFromSnapshot")]
    [InlineData("RemoveFromGlobalCluster", "Remove-AwsSvcFromGlobalCluster")]
    [InlineData("ListTagsOfResource", "Get-AwsSvcTagsOfResource")]
    public void ForAndToFromNameTheOwnersThing(string operation, string command) =>
        Assert.Equal(command, Name("Svc", operation)[operation].Name);

    [Fact]
    public void TagCommandsPairUp()
    {
        var names = Name("Svc", "TagResource", "UntagResource", "ListTagsForResource");
        Assert.Equal("Add-AwsSvcResourceTag", names["TagResource"].Name);
        Assert.Equal("Remove-AwsSvcResourceTag", names["UntagResource"].Name);
        Assert.Equal("Get-AwsSvcResourceTag", names["ListTagsForResource"].Name);
    }

    [Fact]
    public void S3ObjectCommandsFollowWhatPowerShellUsersExpect()
    {
        var names = Name("S3",
            new OperationFacts("ListBuckets", IsPaginated: true),
            new OperationFacts("ListObjects", IsPaginated: true),
            new OperationFacts("ListObjectsV2", IsPaginated: true),
            new OperationFacts("GetObject", ReturnsStream: true),
            new OperationFacts("PutObject"),
            new OperationFacts("DeleteObject"),
            new OperationFacts("DeleteObjects"),
            new OperationFacts("HeadObject"));

        Assert.Equal("Get-AwsS3Bucket", names["ListBuckets"].Name);
        Assert.Equal("Get-AwsS3Object", names["ListObjectsV2"].Name);
        Assert.Equal("Get-AwsS3ObjectV1", names["ListObjects"].Name);
        Assert.Equal("Read-AwsS3Object", names["GetObject"].Name);
        Assert.Equal("Write-AwsS3Object", names["PutObject"].Name);
        Assert.Equal("Remove-AwsS3Object", names["DeleteObject"].Name);
        Assert.Equal("Invoke-AwsS3DeleteObjects", names["DeleteObjects"].Name);
        Assert.Equal(CommandImpact.High, names["DeleteObjects"].Impact);
        Assert.Equal("Invoke-AwsS3HeadObject", names["HeadObject"].Name);
    }

    [Fact]
    public void NewestVersionTakesThePlainNounAndTheOthersSayTheirs()
    {
        var names = Name("Kafka", "ListClusters", "ListClustersV2", "DescribeCluster", "DescribeClusterV2", "CreateCluster", "CreateClusterV2", "GetThingV3");

        Assert.Equal("New-AwsKafkaCluster", names["CreateClusterV2"].Name);
        Assert.Equal("New-AwsKafkaClusterV1", names["CreateCluster"].Name);
        Assert.Equal("Get-AwsKafkaCluster", names["DescribeClusterV2"].Name);
        Assert.Equal("Get-AwsKafkaClusterV1", names["DescribeCluster"].Name);
        Assert.Equal("Get-AwsKafkaClusterList", names["ListClustersV2"].Name);
        Assert.Equal("Get-AwsKafkaClusterListV1", names["ListClusters"].Name);
        Assert.Equal("Get-AwsKafkaThingV3", names["GetThingV3"].Name);
    }

    [Fact]
    public void ListBesideASingleReadEndsInList()
    {
        var names = Name("IAM", "GetUser", "ListUsers", "DescribeWidget", "ListWidgets", "ListGadgets");
        Assert.Equal("Get-AwsIAMUser", names["GetUser"].Name);
        Assert.Equal("Get-AwsIAMUserList", names["ListUsers"].Name);
        Assert.Equal("Get-AwsIAMWidget", names["DescribeWidget"].Name);
        Assert.Equal("Get-AwsIAMWidgetList", names["ListWidgets"].Name);
        Assert.Equal("Get-AwsIAMGadget", names["ListGadgets"].Name);
    }

    [Fact]
    public void ListBesideABatchDescribeEndsInList()
    {
        var names = Name("ECS", new OperationFacts("ListClusters", IsPaginated: true), new OperationFacts("DescribeClusters"));
        Assert.Equal("Get-AwsECSCluster", names["DescribeClusters"].Name);
        Assert.Equal("Get-AwsECSClusterList", names["ListClusters"].Name);
    }

    [Fact]
    public void PluralGetsBesideASingularGetEndInList()
    {
        var names = Name("API Gateway", "GetApiKey", "GetApiKeys");
        Assert.Equal("Get-AwsAPIGatewayApiKey", names["GetApiKey"].Name);
        Assert.Equal("Get-AwsAPIGatewayApiKeyList", names["GetApiKeys"].Name);
    }

    [Fact]
    public void RemainingCollisionsFallBackToTheOperationNameDeterministically()
    {
        var names = Name("SSM",
            new OperationFacts("GetParameter"),
            new OperationFacts("GetParameters"),
            new OperationFacts("DescribeParameters", IsPaginated: true),
            new OperationFacts("GetDocument"),
            new OperationFacts("DescribeDocument"));

        Assert.Equal("Get-AwsSSMParameter", names["GetParameter"].Name);
        Assert.Equal("Get-AwsSSMParameterList", names["DescribeParameters"].Name);
        Assert.Equal("Invoke-AwsSSMGetParameters", names["GetParameters"].Name);
        Assert.Equal("Get-AwsSSMDocument", names["GetDocument"].Name);
        Assert.Equal("Invoke-AwsSSMDescribeDocument", names["DescribeDocument"].Name);
        Assert.Equal(CommandImpact.None, names["DescribeDocument"].Impact);
    }

    [Fact]
    public void AVerbatimNameThatStillCollidesSaysItIsTheOperation()
    {
        var names = Name("Svc", "InvokeModel", "Model");
        Assert.Equal("Invoke-AwsSvcModel", names["InvokeModel"].Name);
        Assert.Equal("Invoke-AwsSvcModelOperation", names["Model"].Name);
    }

    [Fact]
    public void CollisionsAreCaseInsensitiveAsPowerShellCommandNamesAre()
    {
        var names = Name("Svc", "GetWidgetACL", "GetWidgetAcl");
        Assert.NotEqual(names["GetWidgetACL"].Name, names["GetWidgetAcl"].Name, StringComparer.OrdinalIgnoreCase);
    }

    [Fact]
    public void NamesDoNotDependOnOperationOrder()
    {
        var operations = new[] { "GetParameter", "GetParameters", "DescribeParameters", "ListObjects", "ListObjectsV2", "DeleteObject", "DeleteObjects", "GetDocument", "DescribeDocument" };
        var forward = Name("Svc", operations);
        var backward = Name("Svc", operations.Reverse().ToArray());
        foreach (var operation in operations)
            Assert.Equal(forward[operation].Name, backward[operation].Name);
    }

    [Theory]
    [InlineData("ListWidgets", CommandImpact.None)]
    [InlineData("GetWidget", CommandImpact.None)]
    [InlineData("TestWidget", CommandImpact.None)]
    [InlineData("CreateWidget", CommandImpact.Medium)]
    [InlineData("PutWidget", CommandImpact.Medium)]
    [InlineData("StopWidget", CommandImpact.Medium)]
    [InlineData("TagWidget", CommandImpact.Medium)]
    [InlineData("DeleteWidget", CommandImpact.High)]
    [InlineData("DeregisterWidget", CommandImpact.Medium)]
    [InlineData("UntagWidget", CommandImpact.High)]
    [InlineData("TerminateWidgets", CommandImpact.High)]
    [InlineData("PurgeQueue", CommandImpact.High)]
    [InlineData("BatchDeleteWidgets", CommandImpact.High)]
    [InlineData("ModifyWidget", CommandImpact.Medium)]
    [InlineData("SearchWidgets", CommandImpact.None)]
    [InlineData("BatchGetWidgets", CommandImpact.None)]
    [InlineData("Query", CommandImpact.None)]
    public void ImpactFollowsTheVerb(string operation, CommandImpact impact)
    {
        var command = Name("Svc", operation)[operation];
        Assert.Equal(impact, command.Impact);
        Assert.Equal(impact != CommandImpact.None, command.SupportsShouldProcess);
    }

    [Fact]
    public void ReadIsForGetsThatReturnAStream()
    {
        var names = Name("Glacier", new OperationFacts("GetJobOutput", ReturnsStream: true), new OperationFacts("InvokeModel", ReturnsStream: true));
        Assert.Equal("Read-AwsGlacierJobOutput", names["GetJobOutput"].Name);
        Assert.Equal(CommandImpact.None, names["GetJobOutput"].Impact);
        Assert.Equal("Invoke-AwsGlacierModel", names["InvokeModel"].Name);
    }
}
