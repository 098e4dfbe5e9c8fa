using System.Globalization;
using AwsCore.Protocols;

namespace AwsCore.Runtime;

/// <summary>
/// Reads a timestamp parameter the way botocore's parse_to_aware_datetime does: a DateTime (Unspecified taken as UTC),
/// a DateTimeOffset, epoch seconds as a number or numeric string, or an ISO 8601 / RFC 1123 string; always UTC out.
/// </summary>
internal static class TimestampInput
{
    private static readonly DateTime Epoch = new(1970, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    public static bool TryParse(object? value, out DateTime utc)
    {
        switch (value)
        {
            case DateTime dateTime:
                utc = InputValues.Utc(dateTime);
                return true;
            case DateTimeOffset offset:
                utc = offset.UtcDateTime;
                return true;
            case string text:
                return TryParseText(text.Trim(), out utc);
            default:
                if (InputValues.IsNumber(value)) return TryFromEpoch(InputValues.ToDouble(value!), out utc);
                utc = default;
                return false;
        }
    }

    private static bool TryParseText(string text, out DateTime utc)
    {
        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds))
            return TryFromEpoch(seconds, out utc);
        if (text.Length > 0 && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture,
                DateTimeStyles.AssumeUniversal | DateTimeStyles.AllowWhiteSpaces, out var parsed))
        {
            utc = parsed.UtcDateTime;
            return true;
        }
        utc = default;
        return false;
    }

    private static bool TryFromEpoch(double seconds, out DateTime utc)
    {
        utc = default;
        if (double.IsNaN(seconds) || double.IsInfinity(seconds)) return false;
        var ticks = seconds * TimeSpan.TicksPerSecond;
        if (ticks < (DateTime.MinValue - Epoch).Ticks || ticks > (DateTime.MaxValue - Epoch).Ticks) return false;
        utc = Epoch.AddTicks((long)Math.Round(ticks));
        return true;
    }
}
