namespace AwsCore.Endpoints;

/// <summary>
/// The rule-set functions (the standard library and the aws.* extensions) with botocore's semantics, including its
/// errors: booleanEquals and stringEquals reject other types, substring rejects a non-string.
/// </summary>
internal static class StandardLibrary
{
    public static bool BooleanEquals(object? left, object? right)
    {
        if (left is bool a && right is bool b) return a == b;
        throw new EndpointResolutionException(
            $"Both arguments must be bools, not {PythonValues.TypeName(left)} and {PythonValues.TypeName(right)}.");
    }

    public static bool StringEquals(object? left, object? right)
    {
        if (left is string a && right is string b) return string.Equals(a, b, StringComparison.Ordinal);
        throw new EndpointResolutionException(
            $"Both values must be strings, not {PythonValues.TypeName(left)} and {PythonValues.TypeName(right)}.");
    }

    public static bool IsSet(object? value) => value is not null;

    public static bool Not(object? value) => !PythonValues.IsTruthy(value);

    /// <summary>
    /// substring(value, start, stop, reverse): null when the range does not fit or the string is not ASCII;
    /// with reverse the range counts from the end.
    /// </summary>
    public static string? Substring(object? value, object? start, object? stop, object? reverse)
    {
        if (value is not string text)
            throw new EndpointResolutionException($"Input must be a string, not {PythonValues.TypeName(value)}.");
        if (!PythonValues.TryGetInt(start, out var from) || !PythonValues.TryGetInt(stop, out var to))
            throw new EndpointResolutionException("substring: start and stop must be integers");
        if (from >= to || text.Length < to || !IsAscii(text)) return null;
        if (reverse is true) return text.Substring(text.Length - to, to - from);
        return text.Substring(from, to - from);
    }

    public static string? UriEncode(object? value) => value switch
    {
        null => null,
        string s => Http.UriEncoding.Encode(s),
        _ => Http.UriEncoding.Encode(PythonValues.Str(value)),
    };

    public static IReadOnlyDictionary<string, object?> Partition(PartitionSet partitions, object? region) =>
        partitions.Find(region as string);

    public static bool IsValidHostLabel(object? value, object? allowSubDomains) =>
        value is string label && HostLabels.IsValid(label, allowSubDomains);

    public static bool IsVirtualHostableS3Bucket(object? value, object? allowSubDomains) =>
        value is string bucket && HostLabels.IsVirtualHostableS3Bucket(bucket, allowSubDomains);

    private static bool IsAscii(string text)
    {
        foreach (var c in text)
            if (c > 0x7F) return false;
        return true;
    }
}
