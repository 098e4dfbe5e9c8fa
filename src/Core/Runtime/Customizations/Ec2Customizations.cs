using System.Text;

namespace AwsCore.Runtime;

/// <summary>The EC2 (and Auto Scaling) transforms of botocore's handlers module.</summary>
internal static class Ec2Customizations
{
    /// <summary>EC2 RunInstances, Auto Scaling CreateLaunchConfiguration: UserData is given as text (or bytes) and sent base64-encoded.</summary>
    public static void Base64EncodeUserData(IDictionary<string, object?> parameters)
    {
        if (!parameters.TryGetValue("UserData", out var value)) return;
        var bytes = value switch
        {
            string text => Encoding.UTF8.GetBytes(text),
            byte[] raw => raw,
            _ => null,
        };
        if (bytes != null) parameters["UserData"] = Convert.ToBase64String(bytes);
    }

    /// <summary>EC2 GetConsoleOutput: Output comes base64-encoded and is returned as text (invalid UTF-8 replaced).</summary>
    public static void DecodeConsoleOutput(IDictionary<string, object?> parsed)
    {
        if (!parsed.TryGetValue("Output", out var value) || value is not string encoded) return;
        try
        {
            parsed["Output"] = Encoding.UTF8.GetString(Convert.FromBase64String(encoded));
        }
        catch (FormatException)
        {
            // not base64: botocore leaves it as it came
        }
    }
}
