using AwsCore.Commands;
using AwsCore.Models;

namespace AwsCore.Tests.Commands;

/// <summary>The naming rules over every bundled service: unique names, approved verbs, the names users expect.</summary>
public sealed class BundledModelNamingTests
{
    private static readonly Lazy<IReadOnlyDictionary<string, (ServiceModel Model, IReadOnlyList<CommandName> Commands)>> Named = new(() =>
    {
        var loader = CommandTestModels.Bundled();
        return loader.ListServices().ToDictionary(
            s => s,
            s =>
            {
                var model = loader.GetService(s);
                return (model, CommandNaming.NameService(model));
            },
            StringComparer.Ordinal);
    });

    private static CommandName Command(string service, string operation) =>
        Named.Value[service].Commands.Single(c => c.Operation == operation);

    [Fact]
    public void EveryOperationOfEveryServiceHasOneCommand()
    {
        Assert.True(Named.Value.Count >= 400, $"only {Named.Value.Count} bundled services");
        foreach (var (service, (model, commands)) in Named.Value)
            Assert.Equal(model.OperationNames, commands.Select(c => c.Operation));
    }

    [Fact]
    public void NoServiceHasTwoCommandsOfTheSameName()
    {
        foreach (var (service, (_, commands)) in Named.Value)
        {
            var duplicates = commands.GroupBy(c => c.Name, StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1)
                .Select(g => $"{g.Key}: {string.Join(", ", g.Select(c => c.Operation))}").ToList();
            Assert.True(duplicates.Count == 0, $"{service}: {string.Join("; ", duplicates)}");
        }
    }

    [Fact]
    public void NoTwoServicesShareACommandNameUnlessTheyAreOneServiceUnderTwoNames()
    {
        var owners = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var duplicates = new List<string>();
        foreach (var byServiceId in Named.Value.GroupBy(s => s.Value.Model.ServiceId, StringComparer.Ordinal))
        {
            // botocore keeps some services under two names (sms-voice and pinpoint-sms-voice): same serviceId, same model.
            var aliases = byServiceId.ToList();
            foreach (var alias in aliases.Skip(1))
                Assert.Equal(aliases[0].Value.Commands.Select(c => c.Name), alias.Value.Commands.Select(c => c.Name));
            foreach (var command in aliases[0].Value.Commands)
                if (owners.TryGetValue(command.Name, out var owner)) duplicates.Add($"{command.Name}: {owner} and {aliases[0].Key}.{command.Operation}");
                else owners[command.Name] = aliases[0].Key + "." + command.Operation;
        }
        Assert.True(duplicates.Count == 0, string.Join("\n", duplicates.Take(50)));
        Assert.True(owners.Count > 15000, $"only {owners.Count} command names");
    }

    [Fact]
    public void EveryVerbIsApprovedAndEveryNounIsAlphanumeric()
    {
        foreach (var (service, (_, commands)) in Named.Value)
            foreach (var command in commands)
            {
                Assert.True(ApprovedVerbs.IsApproved(command.Verb), $"{service}.{command.Operation}: verb {command.Verb} is not approved");
                Assert.True(command.Noun.StartsWith("Aws", StringComparison.Ordinal) && command.Noun.All(char.IsAsciiLetterOrDigit),
                    $"{service}.{command.Operation}: noun {command.Noun}");
            }
    }

    [Theory]
    [InlineData("s3", "ListBuckets", "Get-AwsS3Bucket")]
    [InlineData("s3", "ListObjectsV2", "Get-AwsS3Object")]
    [InlineData("s3", "ListObjects", "Get-AwsS3ObjectV1")]
    [InlineData("s3", "GetObject", "Read-AwsS3Object")]
    [InlineData("s3", "PutObject", "Write-AwsS3Object")]
    [InlineData("s3", "CreateBucket", "New-AwsS3Bucket")]
    [InlineData("s3", "DeleteBucket", "Remove-AwsS3Bucket")]
    [InlineData("ec2", "DescribeInstances", "Get-AwsEC2Instance")]
    [InlineData("ec2", "TerminateInstances", "Invoke-AwsEC2TerminateInstances")]
    [InlineData("ec2", "CreateTags", "New-AwsEC2Tag")]
    [InlineData("iam", "GetUser", "Get-AwsIAMUser")]
    [InlineData("iam", "ListUsers", "Get-AwsIAMUserList")]
    [InlineData("iam", "TagRole", "Add-AwsIAMRoleTag")]
    [InlineData("sqs", "ListQueues", "Get-AwsSQSQueue")]
    [InlineData("sqs", "ListQueueTags", "Get-AwsSQSQueueTag")]
    [InlineData("dynamodb", "DescribeTable", "Get-AwsDynamoDBTable")]
    [InlineData("dynamodb", "ListTables", "Get-AwsDynamoDBTableList")]
    [InlineData("dynamodb", "Query", "Invoke-AwsDynamoDBQuery")]
    [InlineData("sns", "ListTagsForResource", "Get-AwsSNSResourceTag")]
    [InlineData("lambda", "ListTags", "Get-AwsLambdaTag")]
    [InlineData("autoscaling", "DescribeAutoScalingGroups", "Get-AwsAutoScalingAutoScalingGroup")]
    [InlineData("kafka", "ListClustersV2", "Get-AwsKafkaClusterList")]
    [InlineData("kafka", "ListClusters", "Get-AwsKafkaClusterListV1")]
    [InlineData("ssm", "DescribeMaintenanceWindows", "Get-AwsSSMMaintenanceWindowList")]
    [InlineData("datasync", "DescribeLocationFsxWindows", "Get-AwsDataSyncLocationFsxWindows")]
    public void CommandsUsersExpect(string service, string operation, string command) =>
        Assert.Equal(command, Command(service, operation).Name);

    [Theory]
    [InlineData("s3", "DeleteBucket", CommandImpact.High)]
    [InlineData("s3", "DeleteObjects", CommandImpact.High)]
    [InlineData("ec2", "TerminateInstances", CommandImpact.High)]
    [InlineData("sqs", "PurgeQueue", CommandImpact.High)]
    [InlineData("ec2", "RunInstances", CommandImpact.Medium)]
    [InlineData("s3", "PutObject", CommandImpact.Medium)]
    [InlineData("s3", "GetObject", CommandImpact.None)]
    [InlineData("dynamodb", "Scan", CommandImpact.None)]
    public void StateChangesAreMarked(string service, string operation, CommandImpact impact) =>
        Assert.Equal(impact, Command(service, operation).Impact);

    [Fact]
    public void NamesDoNotDependOnTheOrderOfOperationsInTheModel()
    {
        foreach (var (service, (model, commands)) in Named.Value)
        {
            var paginated = commands.ToDictionary(c => c.Operation, c => c.Name, StringComparer.Ordinal);
            var reversed = CommandNaming.NameService(model.ServiceId, commands.Select(c => c.Operation).Reverse()
                .Select(o => new OperationFacts(o, model.GetOperation(o).StreamingOutput is not null, PagedResult.IsPaginated(model, o))));
            foreach (var command in reversed)
                Assert.True(paginated[command.Operation] == command.Name, $"{service}.{command.Operation}: {paginated[command.Operation]} forwards, {command.Name} reversed");
        }
    }
}
