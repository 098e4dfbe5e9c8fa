using AwsCore.Models;

namespace AwsCore.Commands;

/// <summary>Plans the commands of a service from its model: names (see <see cref="CommandNaming"/>) and parameters.</summary>
public static class CommandPlanner
{
    /// <summary>The plan of every operation of <paramref name="service"/>, in the model's operation order.</summary>
    public static IReadOnlyList<CommandPlan> PlanService(ServiceModel service)
    {
        if (service is null) throw new ArgumentNullException(nameof(service));
        return CommandNaming.NameService(service)
            .Select(name => Plan(service, name))
            .ToList();
    }

    private static CommandPlan Plan(ServiceModel service, CommandName name)
    {
        var operation = service.GetOperation(name.Operation);
        var paged = PagedResult.For(service, operation.Name);
        var pagingMembers = new HashSet<string>(StringComparer.Ordinal);
        if (paged is not null)
        {
            pagingMembers.UnionWith(paged.InputTokens);
            if (paged.LimitKey is not null) pagingMembers.Add(paged.LimitKey);
        }
        var members = operation.Input is { Type: ShapeType.Structure } input
            ? input.Members.Where(m => !pagingMembers.Contains(m.Key)).Select(m => (m.Key, m.Value, Required: input.IsRequired(m.Key)))
            : Enumerable.Empty<(string Key, Shape Value, bool Required)>();
        return new CommandPlan(service.ServiceName, name, paged is not null, ParameterPlanner.Parameters(members));
    }
}
