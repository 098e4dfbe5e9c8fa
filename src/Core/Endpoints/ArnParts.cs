namespace AwsCore.Endpoints;

/// <summary>aws.parseArn: "arn:partition:service:region:account:resource" into its parts, resource split on ':' and '/'.</summary>
internal static class ArnParts
{
    public static Dictionary<string, object?>? Parse(object? value)
    {
        if (value is not string arn || !arn.StartsWith("arn:", StringComparison.Ordinal)) return null;
        var parts = arn.Split(new[] { ':' }, 6);
        if (parts.Length < 6) return null;
        string partition = parts[1], service = parts[2], resource = parts[5];
        if (partition.Length == 0 || service.Length == 0 || resource.Length == 0) return null;
        var resourceId = new List<object?>();
        foreach (var piece in resource.Replace(':', '/').Split('/')) resourceId.Add(piece);
        return new Dictionary<string, object?>(StringComparer.Ordinal)
        {
            ["partition"] = partition,
            ["service"] = service,
            ["region"] = parts[3],
            ["accountId"] = parts[4],
            ["resourceId"] = resourceId,
        };
    }
}
