using System.Text;
using AwsCore.Models;
using AwsCore.Tests.Jmes;

namespace AwsCore.Tests.Pagination;

public sealed class PaginatorDefinitionTests
{
    private static IReadOnlyDictionary<string, PaginatorDefinition> Parse(string json, string file = "svc/paginators-1.json") =>
        PaginatorDefinition.ParseFile(Encoding.UTF8.GetBytes(json), file);

    [Fact]
    public void SingleAndListFormsAreRead()
    {
        var set = Parse(@"{""pagination"": {
            ""ListObjects"": {""more_results"": ""IsTruncated"", ""limit_key"": ""MaxKeys"", ""output_token"": ""NextMarker || Contents[-1].Key"",
                              ""input_token"": ""Marker"", ""result_key"": [""Contents"", ""CommonPrefixes""]},
            ""ListObjectVersions"": {""input_token"": [""KeyMarker"", ""VersionIdMarker""], ""output_token"": [""NextKeyMarker"", ""NextVersionIdMarker""],
                              ""result_key"": ""Versions"", ""non_aggregate_keys"": [""Name"", ""Prefix""]}}}");
        var objects = set["ListObjects"];
        Assert.Equal(new[] { "Marker" }, objects.InputTokens);
        Assert.Equal("NextMarker || Contents[-1].Key", objects.OutputTokens.Single().Text);
        Assert.Equal("IsTruncated", objects.MoreResults!.Text);
        Assert.Equal("MaxKeys", objects.LimitKey);
        Assert.Equal(new[] { "Contents", "CommonPrefixes" }, objects.ResultKeys.Select(k => k.Text));
        Assert.Empty(objects.NonAggregateKeys);
        var versions = set["ListObjectVersions"];
        Assert.Equal(new[] { "KeyMarker", "VersionIdMarker" }, versions.InputTokens);
        Assert.Equal(2, versions.OutputTokens.Count);
        Assert.Null(versions.MoreResults);
        Assert.Null(versions.LimitKey);
        Assert.Equal(new[] { "Name", "Prefix" }, versions.NonAggregateKeys.Select(k => k.Text));
    }

    [Theory]
    [InlineData(@"{""pagination"": {""Op"": {""input_token"": ""A"", ""output_token"": ""B[""}}}", "pagination.Op.output_token[0]")]
    [InlineData(@"{""pagination"": {""Op"": {""input_token"": [""A"", ""B""], ""output_token"": ""C""}}}", "pagination.Op")]
    [InlineData(@"{""pagination"": {""Op"": {""output_token"": ""C""}}}", "pagination.Op")]
    [InlineData(@"{""pagination"": {""Op"": {""input_token"": ""A"", ""output_token"": ""B"", ""result_key"": 5}}}", "pagination.Op.result_key")]
    [InlineData(@"{""paging"": {}}", "(root)")]
    public void MalformedEntriesNameTheFileAndEntry(string json, string path)
    {
        var error = Assert.Throws<ModelLoadException>(() => Parse(json));
        Assert.StartsWith("svc/paginators-1.json: " + path + ":", error.Message);
    }

    [Fact]
    public void InvalidJsonNamesTheFileAndLine()
    {
        var error = Assert.Throws<ModelLoadException>(() => Parse("{\n\"pagination\": {\n  \"Op\": [\n}", "x/paginators-1.json"));
        Assert.StartsWith("x/paginators-1.json: invalid JSON at line 4", error.Message);
    }

    [Fact]
    public void EveryBotocorePaginatorFileParses()
    {
        var files = Directory.EnumerateFiles(BotocoreData.Directory(), "paginators-1.json*", SearchOption.AllDirectories)
            .Where(f => !f.Contains("sdk-extras", StringComparison.Ordinal)).ToList();
        var total = files.Sum(f => PaginatorDefinition.ParseFile(BotocoreData.ReadBytes(f), f).Count);
        Assert.True(files.Count > 300 && total > 3000, $"{files.Count} files, {total} paginators");
    }
}
