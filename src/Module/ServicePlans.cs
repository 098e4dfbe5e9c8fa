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
