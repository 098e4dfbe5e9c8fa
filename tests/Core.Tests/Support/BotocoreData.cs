namespace AwsCore.Tests.Support;

/// <summary>Locates the data directory of the botocore installed for python3 on this machine, if any.</summary>
public static class BotocoreData
{
    private static readonly Lazy<string?> Directory = new(Find);

    public static string? DataDirectory => Directory.Value;

    /// <summary>The botocore data directory, or a test failure that says how to install botocore.</summary>
    public static string Require() =>
        DataDirectory ?? throw new InvalidOperationException(
            "python3 with botocore is required for this test or benchmark: install it with `python3 -m pip install botocore boto3 \"moto[server]\"`");

    private static string? Find()
    {
        try
        {
            var (code, output, _) = AwsCore.Testing.Python3.Run(
                new[] { "-c", "import botocore,os;print(os.path.join(os.path.dirname(botocore.__file__),'data'))" }, "",
                "python3 could not be started", timeoutMs: 30_000);
            var directory = output.Trim();
            return code == 0 && System.IO.Directory.Exists(directory) ? directory : null;
        }
        catch (Exception e) when (e is InvalidOperationException or TimeoutException)
        {
            return null;
        }
    }
}
