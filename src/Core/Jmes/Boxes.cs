namespace AwsCore.Jmes;

/// <summary>Shared boxed booleans, so comparisons and filters allocate nothing per element.</summary>
internal static class Boxes
{
    public static readonly object True = true;
    public static readonly object False = false;

    public static object Of(bool value) => value ? True : False;
}
