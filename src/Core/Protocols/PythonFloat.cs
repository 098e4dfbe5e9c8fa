using System.Globalization;
using System.Text;

namespace AwsCore.Protocols;

/// <summary>Python's repr()/str() of a float ("1.0", "1e-05", "1.5e+16"), which botocore writes into query strings, headers and XML.</summary>
internal static class PythonFloat
{
    public static string Repr(double value)
    {
        if (double.IsNaN(value)) return "nan";
        if (double.IsPositiveInfinity(value)) return "inf";
        if (double.IsNegativeInfinity(value)) return "-inf";

        // Shortest round-trip digits and the decimal exponent of the first digit.
        var text = value.ToString("E16", CultureInfo.InvariantCulture);
        var shortest = value.ToString("R", CultureInfo.InvariantCulture);
        if (double.Parse(shortest, CultureInfo.InvariantCulture) == value) text = ToScientific(shortest);
        var negative = text[0] == '-';
        if (negative) text = text.Substring(1);
        var ePos = text.IndexOf('E');
        var mantissa = text.Substring(0, ePos).Replace(".", "");
        var exponent = int.Parse(text.Substring(ePos + 1), CultureInfo.InvariantCulture);
        mantissa = mantissa.TrimEnd('0');
        if (mantissa.Length == 0) { mantissa = "0"; exponent = 0; }

        var sb = new StringBuilder();
        if (negative) sb.Append('-');
        if (exponent >= -4 && exponent < 16)
        {
            if (exponent < 0)
            {
                sb.Append("0.").Append('0', -exponent - 1).Append(mantissa);
            }
            else if (mantissa.Length <= exponent + 1)
            {
                sb.Append(mantissa).Append('0', exponent + 1 - mantissa.Length).Append(".0");
            }
            else
            {
                sb.Append(mantissa, 0, exponent + 1).Append('.').Append(mantissa, exponent + 1, mantissa.Length - exponent - 1);
            }
        }
        else
        {
            sb.Append(mantissa[0]);
            if (mantissa.Length > 1) sb.Append('.').Append(mantissa, 1, mantissa.Length - 1);
            sb.Append('e').Append(exponent < 0 ? '-' : '+').Append(Math.Abs(exponent).ToString("00", CultureInfo.InvariantCulture));
        }
        return sb.ToString();
    }

    /// <summary>"123.45" / "1E-05" / "1.5E+16" to "d.dddE+x" form.</summary>
    private static string ToScientific(string r)
    {
        var negative = r[0] == '-';
        if (negative) r = r.Substring(1);
        var exponent = 0;
        var ePos = r.IndexOfAny(new[] { 'E', 'e' });
        if (ePos >= 0)
        {
            exponent = int.Parse(r.Substring(ePos + 1), CultureInfo.InvariantCulture);
            r = r.Substring(0, ePos);
        }
        var dot = r.IndexOf('.');
        var intPart = dot >= 0 ? r.Substring(0, dot) : r;
        var fracPart = dot >= 0 ? r.Substring(dot + 1) : "";
        var digits = (intPart + fracPart).TrimStart('0');
        int pointExponent;
        if (intPart.TrimStart('0').Length > 0) pointExponent = intPart.TrimStart('0').Length - 1;
        else
        {
            var leadingZeros = fracPart.Length - fracPart.TrimStart('0').Length;
            pointExponent = -leadingZeros - 1;
        }
        if (digits.Length == 0) digits = "0";
        exponent += pointExponent;
        var mantissa = digits.Length > 1 ? digits[0] + "." + digits.Substring(1) : digits;
        return (negative ? "-" : "") + mantissa + "E" + exponent.ToString(CultureInfo.InvariantCulture);
    }
}
