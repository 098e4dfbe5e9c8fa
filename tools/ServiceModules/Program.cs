using AwsCore.Commands;
using AwsCore.Models;

// The build step that writes one small autoloading module per bundled service beside out/AwsCore:
//   dotnet run --project tools/ServiceModules -c Release -- <output folder> [<module version>] [<models folder>]
// e.g. `-- out 0.1.0` writes out/AwsCore.S3/AwsCore.S3.psd1 (+ .psm1) and one folder per other service.
if (args.Length is < 1 or > 3)
{
    Console.Error.WriteLine("usage: ServiceModules <output folder> [<module version, default 0.1.0>] [<models folder, default the bundled models>]");
    return 2;
}
var output = Path.GetFullPath(args[0]);
var version = args.Length > 1 ? args[1] : "0.1.0";
var modelsFolder = args.Length > 2 ? args[2] : ModelLoader.BundledModelsDirectory();
if (modelsFolder is null || !Directory.Exists(modelsFolder))
{
    Console.Error.WriteLine($"ServiceModules: no models folder ({modelsFolder ?? "the bundled models/ was not found above " + AppContext.BaseDirectory})");
    return 1;
}
var loader = new ModelLoader(new[] { modelsFolder });
var failures = 0;
var commands = 0;
var services = loader.ListServices();
var written = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
foreach (var service in services)
{
    try
    {
        var model = loader.GetService(service);
        var module = ServiceModuleManifest.ModuleName(model);
        if (written.TryGetValue(module, out var first))
        {
            // Two service names for one API (botocore keeps sms-voice beside pinpoint-sms-voice): same serviceId, so
            // the same module and command names; the first keeps them, Import-AwsService still loads the other.
            Console.WriteLine($"ServiceModules: {service} has the serviceId of {first} ({module}); its module is not written");
            continue;
        }
        written[module] = service;
        var plans = CommandPlanner.PlanService(model);
        ServiceModuleManifest.Write(output, model, plans, version);
        commands += plans.Count;
    }
    catch (Exception e) when (e is ModelLoadException or InvalidOperationException or IOException or UnauthorizedAccessException)
    {
        failures++;
        Console.Error.WriteLine($"ServiceModules: {service}: {e.Message}");
    }
}
Console.WriteLine($"{written.Count} service modules ({commands} commands) written to {output}");
return failures == 0 ? 0 : 1;
