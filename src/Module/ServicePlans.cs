using System.Runtime.CompilerServices;
using AwsCore.Commands;
using AwsCore.Models;

namespace AwsCore.Module;

/// <summary>The command plans of each loaded service model, planned once per model and shared by every command call.</summary>
internal static class ServicePlans
{
    private static readonly ConditionalWeakTable<ServiceModel, IReadOnlyDictionary<string, CommandPlan>> Plans = new();

    public static IReadOnlyDictionary<string, CommandPlan> For(ServiceModel model) =>
        Plans.GetValue(model, m => CommandPlanner.PlanService(m).ToDictionary(p => p.Operation, StringComparer.Ordinal));

    public static CommandPlan For(ServiceModel model, string operation) =>
        For(model).TryGetValue(operation, out var plan)
            ? plan
            : throw new ArgumentException($"{model.ServiceName} has no command for operation '{operation}'", nameof(operation));
}

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
