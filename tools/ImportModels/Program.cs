namespace AwsCore.ImportModels;

public static class Program
{
    public static int Main(string[] args)
    {
        Console.Error.WriteLine("usage: AwsCore.ImportModels [botocore-data-dir] [models-dir]");
        return 2;
    }
}
