namespace AwsCore.Conformance;

public static class Program
{
    public static int Main(string[] args)
    {
        var names = string.Join(", ", ConformanceSuite.All.Select(s => s.Name));
        if (args.Length != 2)
        {
            Console.Error.WriteLine($"usage: AwsCore.Conformance <suite> <dir>   (suites: {names})");
            return 2;
        }
        var suite = ConformanceSuite.Find(args[0]);
        if (suite is null)
        {
            Console.Error.WriteLine($"unknown suite '{args[0]}' (suites: {names})");
            return 2;
        }
        if (!Directory.Exists(args[1]))
        {
            Console.Error.WriteLine($"no such directory: {args[1]}");
            return 2;
        }
        var reporter = new CaseReporter(Console.Out);
        try
        {
            suite.Run(Path.GetFullPath(args[1]), reporter);
        }
        catch (NotImplementedException e)
        {
            Console.Error.WriteLine($"suite '{suite.Name}' is not implemented yet: {e.Message}");
            return 3;
        }
        Console.WriteLine(reporter.Totals);
        return reporter.Failed == 0 ? 0 : 1;
    }
}
