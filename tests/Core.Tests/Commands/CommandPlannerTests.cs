using System.Text;
using AwsCore.Commands;
using AwsCore.Models;

namespace AwsCore.Tests.Commands;

public sealed class CommandPlannerTests
{
    private static CommandPlan Plan(string service, string operation) =>
        CommandPlanner.PlanService(CommandTestModels.Service(service)).Single(p => p.Operation == operation);

    private static CommandParameter Parameter(CommandPlan plan, string name) => plan.Parameters.Single(p => p.Name == name);

    [Fact]
    public void ListObjectsV2PagesAndLeavesTheTokenAndLimitToThePagingParameters()
    {
        var plan = Plan("s3", "ListObjectsV2");

        Assert.Equal("Get-AwsS3Object", plan.Name.Name);
        Assert.True(plan.IsPaginated);
        Assert.False(plan.SupportsShouldProcess);
        Assert.DoesNotContain(plan.Parameters, p => p.MemberName is "ContinuationToken" or "MaxKeys");
        var bucket = Parameter(plan, "Bucket");
        Assert.True(bucket.Mandatory);
        Assert.True(bucket.ValueFromPipelineByPropertyName);
        Assert.Equal(typeof(string), bucket.ClrType);
        Assert.Equal(new[] { "url" }, Parameter(plan, "EncodingType").EnumValues);
        Assert.False(Parameter(plan, "Prefix").Mandatory);
        Assert.False(Parameter(plan, "Prefix").ValueFromPipelineByPropertyName);
    }

    [Fact]
    public void PutObjectTakesAnyBlobAndChangesState()
    {
        var plan = Plan("s3", "PutObject");

        Assert.Equal("Write-AwsS3Object", plan.Name.Name);
        Assert.False(plan.IsPaginated);
        Assert.Equal(CommandImpact.Medium, plan.Impact);
        Assert.Equal(ParameterKind.Blob, Parameter(plan, "Body").Kind);
        Assert.Equal(typeof(object), Parameter(plan, "Body").ClrType);
        Assert.Equal(typeof(long), Parameter(plan, "ContentLength").ClrType);
        Assert.True(Parameter(plan, "Key").ValueFromPipelineByPropertyName);
        var customerKey = Parameter(plan, "SSECustomerKey");
        Assert.True(customerKey.Sensitive);
        Assert.False(customerKey.ValueFromPipelineByPropertyName);
    }

    [Fact]
    public void IdentifierListsBindFromEachPipedObjectsIdentifier()
    {
        var plan = Plan("ec2", "StopInstances");

        Assert.True(plan.SupportsShouldProcess);
        var ids = Parameter(plan, "InstanceIds");
        Assert.Equal(typeof(string[]), ids.ClrType);
        Assert.True(ids.Mandatory);
        Assert.True(ids.ValueFromPipelineByPropertyName);
        Assert.Equal(new[] { "InstanceId" }, ids.Aliases);
        Assert.Equal(typeof(bool), Parameter(plan, "Force").ClrType);
    }

    [Fact]
    public void StructuresAndMapsAreObjectsAndDeleteIsHighImpact()
    {
        var plan = Plan("dynamodb", "DeleteItem");

        Assert.Equal("Remove-AwsDynamoDBItem", plan.Name.Name);
        Assert.Equal(CommandImpact.High, plan.Impact);
        Assert.Equal(ParameterKind.Map, Parameter(plan, "Key").Kind);
        Assert.Equal(typeof(object), Parameter(plan, "Key").ClrType);
        Assert.False(Parameter(plan, "Key").ValueFromPipelineByPropertyName);
        Assert.True(Parameter(plan, "TableName").ValueFromPipelineByPropertyName);
    }

    [Theory]
    [InlineData("machinelearning", "GetDataSource", "Verbose", "InputVerbose")]
    [InlineData("glue", "GetUnfilteredTableMetadata", "Region", "InputRegion")]
    [InlineData("cloudfront", "ListCachePolicies", "MaxItems", "InputMaxItems")]
    [InlineData("cloudsearchdomain", "Search", "query", "InputQuery")]
    [InlineData("deadline", "GetFarm", "farmId", "FarmId")]
    public void MembersAreRenamedOnlyToAvoidCommonParameters(string service, string operation, string member, string parameter)
    {
        var plan = Plan(service, operation);
        Assert.Equal(parameter, plan.Parameters.Single(p => p.MemberName == member).Name);
    }

    [Fact]
    public void SyntheticShapesMapToTheirTypes()
    {
        var plan = CommandPlanner.PlanService(Synthetic()).Single(p => p.Operation == "CreateWidget");

        Assert.Equal("New-AwsWidgetsWidget", plan.Name.Name);
        Assert.Equal(
            new[] { "Name", "NAMEMember", "Token", "Count", "Size", "Ratio", "When", "Matrix", "Ids", "Doc", "Color", "Secret", "Host", "InputDebug" },
            plan.Parameters.Select(p => p.Name));
        Assert.True(Parameter(plan, "Name").Mandatory);
        Assert.False(Parameter(plan, "Token").Mandatory);
        Assert.Equal(typeof(int), Parameter(plan, "Count").ClrType);
        Assert.Equal(typeof(long), Parameter(plan, "Size").ClrType);
        Assert.Equal(typeof(double), Parameter(plan, "Ratio").ClrType);
        Assert.Equal(typeof(DateTime), Parameter(plan, "When").ClrType);
        Assert.Equal(typeof(object[]), Parameter(plan, "Matrix").ClrType);
        Assert.Equal(typeof(string[]), Parameter(plan, "Ids").ClrType);
        Assert.Equal(ParameterKind.Document, Parameter(plan, "Doc").Kind);
        Assert.Equal(new[] { "red", "green" }, Parameter(plan, "Color").EnumValues);
        Assert.True(Parameter(plan, "Secret").Sensitive);
        Assert.False(Parameter(plan, "Secret").ValueFromPipelineByPropertyName);
        Assert.True(Parameter(plan, "Host").ValueFromPipelineByPropertyName);
        Assert.Equal("debug", Parameter(plan, "InputDebug").MemberName);
        Assert.Equal(new[] { "Id" }, Parameter(plan, "Ids").Aliases);
    }

    [Fact]
    public void OperationsWithoutInputHaveNoParameters()
    {
        var plan = CommandPlanner.PlanService(Synthetic()).Single(p => p.Operation == "Ping");
        Assert.Empty(plan.Parameters);
        Assert.Equal("Invoke-AwsWidgetsPing", plan.Name.Name);
    }

    private static ServiceModel Synthetic() => ServiceModel.Parse(Encoding.UTF8.GetBytes("""
        {"version":"2.0","metadata":{"apiVersion":"2020-01-01","endpointPrefix":"widgets","protocol":"rest-json","serviceId":"Widgets"},
         "operations":{
           "CreateWidget":{"name":"CreateWidget","http":{"method":"POST","requestUri":"/{Name}"},"input":{"shape":"CreateWidgetInput"}},
           "Ping":{"name":"Ping","http":{"method":"POST","requestUri":"/"}}},
         "shapes":{
           "CreateWidgetInput":{"type":"structure","required":["Name","Token"],"members":{
              "Name":{"shape":"S","location":"uri","locationName":"Name"},
              "NAME":{"shape":"S"},
              "Token":{"shape":"S","idempotencyToken":true},
              "Count":{"shape":"I"},"Size":{"shape":"L"},"Ratio":{"shape":"F"},"When":{"shape":"T"},
              "Matrix":{"shape":"Rows"},"Ids":{"shape":"Strings"},"Doc":{"shape":"D"},"Color":{"shape":"Color"},
              "Secret":{"shape":"Secret"},"Host":{"shape":"S","hostLabel":true},"debug":{"shape":"S"}}},
           "S":{"type":"string"},"I":{"type":"integer"},"L":{"type":"long"},"F":{"type":"float"},"T":{"type":"timestamp"},
           "Strings":{"type":"list","member":{"shape":"S"}},
           "Rows":{"type":"list","member":{"shape":"Strings"}},
           "D":{"type":"structure","members":{},"document":true},
           "Color":{"type":"string","enum":["red","green"]},
           "Secret":{"type":"string","sensitive":true}}}
        """), "widgets", "widgets.json");
}
