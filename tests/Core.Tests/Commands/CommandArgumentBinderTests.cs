using System.Collections;
using AwsCore.Commands;

namespace AwsCore.Tests.Commands;

public sealed class CommandArgumentBinderTests
{
    private static CommandPlan Plan(string service, string operation) =>
        CommandPlanner.PlanService(CommandTestModels.Service(service)).Single(p => p.Operation == operation);

    [Fact]
    public void ParametersGoBackToTheirMembersAndCommonOnesApart()
    {
        var plan = Plan("s3", "ListObjectsV2");
        var bound = CommandArgumentBinder.Bind(plan, new Hashtable
        {
            ["Bucket"] = "b",
            ["Prefix"] = "logs/",
            ["Region"] = "eu-west-1",
            ["Query"] = "Key",
            ["MaxItems"] = 5,
            ["PageSize"] = 2,
            ["StartingToken"] = "t",
            ["NoPaginate"] = false,
            ["Verbose"] = true,
        });
        Assert.Equal(new Dictionary<string, object?> { ["Bucket"] = "b", ["Prefix"] = "logs/" }, bound.Input);
        Assert.Equal("eu-west-1", bound.CommonString("Region"));
        Assert.Equal("Key", bound.CommonString("Query"));
        Assert.Null(bound.CommonString("ProfileName"));
        Assert.Equal(5, bound.Paging.MaxItems);
        Assert.Equal(2, bound.Paging.PageSize);
        Assert.Equal("t", bound.Paging.StartingToken);
        Assert.False(bound.Paging.NoPaginate);
    }

    [Fact]
    public void RenamedParametersBindToTheOriginalMember()
    {
        // A member that clashes with a common parameter is renamed by the plan; binding undoes the rename.
        var plan = Plan("glue", "GetUnfilteredTableMetadata");
        var renamed = plan.Parameters.Single(p => p.MemberName == "Region");
        Assert.NotEqual("Region", renamed.Name);
        var bound = CommandArgumentBinder.Bind(plan, new Hashtable { [renamed.Name] = "catalog-region", ["Region"] = "us-east-1" });
        Assert.Equal("catalog-region", bound.Input["Region"]);
        Assert.Equal("us-east-1", bound.CommonString("Region"));
    }

    [Fact]
    public void SwitchesAndUnknownNames()
    {
        var plan = Plan("s3", "ListObjectsV2");
        Assert.True(CommandArgumentBinder.Bind(plan, new Hashtable { ["NoPaginate"] = true }).Paging.NoPaginate);
        var e = Assert.Throws<ArgumentException>(() => CommandArgumentBinder.Bind(plan, new Hashtable { ["Nope"] = 1 }));
        Assert.Equal("Get-AwsS3Object has no parameter -Nope", e.Message);
        Assert.Throws<ArgumentException>(() => CommandArgumentBinder.Bind(plan, new Hashtable { ["MaxItems"] = 0 }));
        // Paging parameters belong to paginated commands only.
        Assert.Throws<ArgumentException>(() => CommandArgumentBinder.Bind(Plan("s3", "DeleteBucket"), new Hashtable { ["MaxItems"] = 1 }));
    }
}
