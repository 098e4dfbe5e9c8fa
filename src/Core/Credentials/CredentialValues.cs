using System.Globalization;

namespace AwsCore.Credentials;

/// <summary>Small conversions shared by the providers: timestamps in the forms AWS sends, and output members.</summary>
internal static class CredentialValues
{
    /// <summary>ISO 8601 ("2024-01-01T00:00:00Z", with offsets or fractions) or a DateTime from the value tree.</summary>
    public static DateTimeOffset? ParseExpiration(object? value, string provider, string what)
    {
        switch (value)
        {
            case null: return null;
            case DateTime dt: return new DateTimeOffset(DateTime.SpecifyKind(dt, dt.Kind == DateTimeKind.Unspecified ? DateTimeKind.Utc : dt.Kind));
            case DateTimeOffset dto: return dto;
            case string s when s.Length == 0: return null;
            case string s:
                if (DateTimeOffset.TryParse(s, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var parsed)) return parsed;
                throw new CredentialProviderException(provider, $"{what}: '{s}' is not an ISO 8601 timestamp");
            case long or int or double:
                return DateTimeOffset.FromUnixTimeMilliseconds((long)(Convert.ToDouble(value, CultureInfo.InvariantCulture) * 1000));
            default:
                throw new CredentialProviderException(provider, $"{what}: unexpected {value.GetType().Name}");
        }
    }

    public static string RequireString(IDictionary<string, object?> map, string key, string provider, string where) =>
        map.TryGetValue(key, out var v) && v is string s && s.Length > 0
            ? s
            : throw new CredentialProviderException(provider, $"{where}.{key}: missing from the response");

    public static IDictionary<string, object?> RequireMap(IDictionary<string, object?> map, string key, string provider) =>
        map.TryGetValue(key, out var v) && v is IDictionary<string, object?> m
            ? m
            : throw new CredentialProviderException(provider, $"{key}: missing from the response");
}
