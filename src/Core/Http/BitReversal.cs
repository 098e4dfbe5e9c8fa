namespace AwsCore.Http;

/// <summary>Bit reversal for the carry-less-multiply CRC folds, whose constants are computed in normal bit order and used reflected.</summary>
internal static class BitReversal
{
    public static ulong Reverse64(ulong value)
    {
        ulong result = 0;
        for (var i = 0; i < 64; i++)
        {
            result = (result << 1) | (value & 1);
            value >>= 1;
        }
        return result;
    }
}
