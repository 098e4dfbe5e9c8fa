using AwsCore.Models;
using AwsCore.Runtime;

namespace AwsCore.Tests.Pagination;

/// <summary>Paging through 100,000 items holds one page at a time: live memory does not grow with the item count.</summary>
[Collection(AwsCore.Tests.Support.SerialCollection.Name)]
public sealed class PaginatorMemoryTests
{
    private const int PageSize = 1000;
    private const int Total = 100_000;

    // Canned pages built on demand, nothing retained between requests.
    private static Task<ValueMap> Fetch(Dictionary<string, object?> input, CancellationToken _)
    {
        var start = input.TryGetValue("Marker", out var marker) && marker is string m ? int.Parse(m.Substring(1), System.Globalization.CultureInfo.InvariantCulture) + 1 : 0;
        var end = Math.Min(Total, start + PageSize);
        var contents = new List<object?>(end - start);
        for (var i = start; i < end; i++)
            contents.Add(new Dictionary<string, object?> { ["Key"] = FakeListService.Key(i), ["Size"] = (long)i, ["StorageClass"] = "STANDARD" });
        return Task.FromResult(new ValueMap { ["Contents"] = contents, ["IsTruncated"] = end < Total });
    }

    [Fact]
    public void MemoryStaysFlatOverAHundredThousandItems()
    {
        var paginator = new Paginator(FakeListService.Definition("ListObjects"), Fetch);
        long atTenThousand = 0, atEnd = 0, count = 0, sizeSum = 0;
        var allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
        foreach (var item in paginator.Paginate().Items())
        {
            count++;
            sizeSum += (long)((Dictionary<string, object?>)item!)["Size"]!;
            // Measured at the same position in a page (its last item), so one page is live both times.
            if (count == 10_000) atTenThousand = GC.GetTotalMemory(forceFullCollection: true);
            if (count == Total) atEnd = GC.GetTotalMemory(forceFullCollection: true);
        }
        var allocated = GC.GetAllocatedBytesForCurrentThread() - allocatedBefore;
        Assert.Equal(Total, count);
        Assert.Equal((long)Total * (Total - 1) / 2, sizeSum);
        // 90,000 more items went through (tens of MB allocated); what is still live must not have grown with them.
        Assert.True(allocated > 30_000_000, $"only {allocated} bytes allocated: the test did not page through real data");
        var growth = atEnd - atTenThousand;
        Assert.True(growth < 1_000_000, $"live memory grew by {growth} bytes between item 10,000 and item 100,000 ({allocated} bytes allocated in all)");
    }
}
