using System.Globalization;

namespace AwsCore.Protocols;

/// <summary>The timestamp wire formats (iso8601, rfc822, unixTimestamp) and botocore's lenient timestamp parsing.</summary>
public static class Timestamps
{
    private static readonly DateTime Epoch = new(1970, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    /// <summary>ISO 8601 in UTC, with microseconds only when the value has any (botocore's default precision).</summary>
    public static string Iso8601(DateTime utc)
    {
        var micro = (utc.Ticks / 10) % 1_000_000;
        return micro > 0
            ? utc.ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture) + "." + micro.ToString("000000", CultureInfo.InvariantCulture) + "Z"
            : utc.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
    }

    /// <summary>RFC 822 / HTTP date in GMT, whole seconds ("Thu, 01 Jan 1970 00:00:01 GMT").</summary>
    public static string Rfc822(DateTime utc) => TruncateToSeconds(utc).ToString("r", CultureInfo.InvariantCulture);

    /// <summary>Whole seconds since the epoch (botocore truncates).</summary>
    public static long UnixSeconds(DateTime utc) => (long)Math.Floor((utc - Epoch).TotalSeconds);

    public static DateTime TruncateToSeconds(DateTime utc) => new(utc.Ticks - utc.Ticks % TimeSpan.TicksPerSecond, DateTimeKind.Utc);

    /// <summary>Formats per a timestampFormat trait value ("iso8601", "rfc822", "unixTimestamp"; case-insensitive).</summary>
    internal static string Format(DateTime utc, string format) => format.ToLowerInvariant() switch
    {
        "iso8601" => Iso8601(utc),
        "rfc822" => Rfc822(utc),
        "unixtimestamp" => UnixSeconds(utc).ToString(CultureInfo.InvariantCulture),
        _ => throw new InputPathException($"unknown timestampFormat '{format}'"),
    };

    /// <summary>Seconds since the epoch (fractional, microsecond precision) to a UTC DateTime.</summary>
    public static DateTime FromEpochSeconds(double seconds)
    {
        var micro = Math.Round(seconds * 1_000_000d, MidpointRounding.ToEven);
        return Epoch.AddTicks((long)micro * 10);
    }

    /// <summary>Seconds since the epoch as a double (for comparisons with botocore's test suites).</summary>
    public static double ToEpochSeconds(DateTime utc) => (utc.ToUniversalTime() - Epoch).Ticks / (double)TimeSpan.TicksPerSecond;

    /// <summary>Parses epoch seconds, ISO 8601 or RFC 822 text as botocore's parse_timestamp does; a value with no zone is UTC.</summary>
    public static bool TryParse(string text, out DateTime utc)
    {
        var s = text.Trim();
        if (TryParseIsoUtc(s, out utc)) return true;
        if (double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds))
        {
            utc = FromEpochSeconds(seconds);
            return true;
        }
        s = TrimFraction(s);
        if (DateTimeOffset.TryParse(s, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var dto))
        {
            utc = dto.UtcDateTime;
            return true;
        }
        utc = default;
        return false;
    }

    /// <summary>The common "yyyy-MM-ddTHH:mm:ss[.fraction]Z" form without the general parser's cost.</summary>
    private static bool TryParseIsoUtc(string s, out DateTime utc)
    {
        utc = default;
        if (s.Length < 20 || s[4] != '-' || s[7] != '-' || s[10] != 'T' || s[13] != ':' || s[16] != ':' || s[s.Length - 1] != 'Z') return false;
        if (!Digits(s, 0, 4, out var year) || !Digits(s, 5, 2, out var month) || !Digits(s, 8, 2, out var day)
            || !Digits(s, 11, 2, out var hour) || !Digits(s, 14, 2, out var minute) || !Digits(s, 17, 2, out var second)) return false;
        long fractionTicks = 0;
        if (s.Length > 20)
        {
            if (s[19] != '.' || s.Length == 21) return false;
            var scale = TimeSpan.TicksPerSecond / 10;
            for (var i = 20; i < s.Length - 1; i++)
            {
                var d = s[i] - '0';
                if (d < 0 || d > 9) return false;
                fractionTicks += d * scale;
                scale /= 10;
            }
        }
        if (month < 1 || month > 12 || day < 1 || day > DateTime.DaysInMonth(year, month) || hour > 23 || minute > 59 || second > 59) return false;
        utc = new DateTime(year, month, day, hour, minute, second, DateTimeKind.Utc).AddTicks(fractionTicks);
        return true;
    }

    private static bool Digits(string s, int start, int count, out int value)
    {
        value = 0;
        for (var i = start; i < start + count; i++)
        {
            var d = s[i] - '0';
            if (d < 0 || d > 9) return false;
            value = value * 10 + d;
        }
        return true;
    }

    public static DateTime Parse(string text) =>
        TryParse(text, out var utc) ? utc : throw new FormatException($"'{text}' is not a timestamp (ISO 8601, RFC 822 or epoch seconds)");

    /// <summary>.NET reads at most 7 fractional digits; drop the rest (sub-100ns precision is meaningless here).</summary>
    private static string TrimFraction(string s)
    {
        var t = s.IndexOf('T');
        if (t < 0) return s;
        var dot = s.IndexOf('.', t);
        if (dot < 0) return s;
        var end = dot + 1;
        while (end < s.Length && char.IsDigit(s[end])) end++;
        return end - dot - 1 > 7 ? s.Substring(0, dot + 8) + s.Substring(end) : s;
    }
}
