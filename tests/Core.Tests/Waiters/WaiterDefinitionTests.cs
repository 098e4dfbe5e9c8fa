using System.Text;
using AwsCore.Models;
using AwsCore.Tests.Jmes;

namespace AwsCore.Tests.Waiters;

public sealed class WaiterDefinitionTests
{
    private static IReadOnlyDictionary<string, WaiterDefinition> Parse(string json) =>
        WaiterDefinition.ParseFile(Encoding.UTF8.GetBytes(json), "svc/waiters-2.json");

    [Fact]
    public void EveryMatcherAndStateIsRead()
    {
        var waiter = Parse(@"{""version"": 2, ""waiters"": {""TableExists"": {
            ""delay"": 20, ""maxAttempts"": 25, ""operation"": ""DescribeTable"", ""description"": ""d"",
            ""acceptors"": [
              {""expected"": ""ACTIVE"", ""matcher"": ""path"", ""state"": ""success"", ""argument"": ""Table.TableStatus""},
              {""expected"": true, ""matcher"": ""pathAll"", ""state"": ""success"", ""argument"": ""Items[].Ok""},
              {""expected"": ""failed"", ""matcher"": ""pathAny"", ""state"": ""failure"", ""argument"": ""Items[].State""},
              {""expected"": 404, ""matcher"": ""status"", ""state"": ""retry""},
              {""expected"": ""ResourceNotFoundException"", ""matcher"": ""error"", ""state"": ""retry""},
              {""expected"": false, ""matcher"": ""error"", ""state"": ""success""}]}}}")["TableExists"];
        Assert.Equal(("TableExists", "DescribeTable", 20, 25, "d"), (waiter.Name, waiter.Operation, waiter.Delay, waiter.MaxAttempts, waiter.Description));
        Assert.Equal(new[] { WaiterMatcher.Path, WaiterMatcher.PathAll, WaiterMatcher.PathAny, WaiterMatcher.Status, WaiterMatcher.Error, WaiterMatcher.Error },
            waiter.Acceptors.Select(a => a.Matcher));
        Assert.Equal(new[] { WaiterState.Success, WaiterState.Success, WaiterState.Failure, WaiterState.Retry, WaiterState.Retry, WaiterState.Success },
            waiter.Acceptors.Select(a => a.State));
        Assert.Equal(new object?[] { "ACTIVE", true, "failed", 404L, "ResourceNotFoundException", false }, waiter.Acceptors.Select(a => a.Expected));
        Assert.Equal("Table.TableStatus", waiter.Acceptors[0].Argument!.Text);
        Assert.Null(waiter.Acceptors[3].Argument);
        Assert.Equal("For expression \"Items[].State\" we matched expected path: \"failed\" at least once", waiter.Acceptors[2].Explanation);
    }

    [Theory]
    [InlineData(@"{""version"": 1, ""waiters"": {}}", "version")]
    [InlineData(@"{""version"": 2, ""waiters"": {""W"": {""delay"": 5, ""maxAttempts"": 3, ""operation"": ""Op"", ""acceptors"": [{""expected"": 1, ""matcher"": ""nope"", ""state"": ""success""}]}}}", "waiters.W.acceptors[0].matcher")]
    [InlineData(@"{""version"": 2, ""waiters"": {""W"": {""delay"": 5, ""maxAttempts"": 3, ""operation"": ""Op"", ""acceptors"": [{""expected"": 1, ""matcher"": ""path"", ""state"": ""success""}]}}}", "waiters.W.acceptors[0]")]
    [InlineData(@"{""version"": 2, ""waiters"": {""W"": {""delay"": 5, ""maxAttempts"": 3, ""operation"": ""Op"", ""acceptors"": [{""expected"": ""x"", ""matcher"": ""path"", ""argument"": ""a.["", ""state"": ""success""}]}}}", "waiters.W.acceptors[0].argument")]
    [InlineData(@"{""version"": 2, ""waiters"": {""W"": {""delay"": 5, ""maxAttempts"": 3, ""operation"": ""Op"", ""acceptors"": [{""expected"": ""x"", ""matcher"": ""status"", ""state"": ""success""}]}}}", "waiters.W.acceptors[0].expected")]
    [InlineData(@"{""version"": 2, ""waiters"": {""W"": {""delay"": 5, ""operation"": ""Op"", ""acceptors"": []}}}", "waiters.W")]
    [InlineData(@"{""version"": 2, ""waiters"": {""W"": {""delay"": 5, ""maxAttempts"": 3, ""operation"": ""Op"", ""acceptors"": [{""expected"": 1, ""matcher"": ""error"", ""state"": ""later""}]}}}", "waiters.W.acceptors[0].state")]
    public void MalformedEntriesNameTheFileAndEntry(string json, string path)
    {
        var error = Assert.Throws<ModelLoadException>(() => Parse(json));
        Assert.StartsWith("svc/waiters-2.json: " + path + ":", error.Message);
    }

    [Fact]
    public void EveryBotocoreWaiterFileParses()
    {
        var files = Directory.EnumerateFiles(BotocoreData.Directory(), "waiters-2.json*", SearchOption.AllDirectories).ToList();
        var waiters = files.SelectMany(f => WaiterDefinition.ParseFile(BotocoreData.ReadBytes(f), f).Values).ToList();
        Assert.True(files.Count > 50 && waiters.Count > 200, $"{files.Count} files, {waiters.Count} waiters");
        Assert.Contains(waiters, w => w.Name == "BucketExists" && w.Operation == "HeadBucket" && w.Delay == 5 && w.MaxAttempts == 20);
    }
}
