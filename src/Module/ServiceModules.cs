using AwsCore.Commands;
using AwsCore.Models;

namespace AwsCore.Module;

/// <summary>The generated PowerShell source of each service's commands; what per-service modules (AwsCore.S3.psm1) dot-source.</summary>
public static class ServiceModules
{
    /// <summary>The module script of <paramref name="service"/> (newest api-version on the model search path).</summary>
    public static string Script(string service)
    {
        var model = ModelLoader.Default.GetService(service);
        return ServiceModuleScript.Generate(model, ServicePlans.For(model).Values.ToList(), DocumentationSources.FindDocumented(model));
    }

    /// <summary>The module name of a service: <c>AwsCore.</c> + its serviceId without spaces (<c>AwsCore.S3</c>).</summary>
    public static string ModuleName(ServiceModel model) => ServiceModuleManifest.ModuleName(model);
}
