using AwsCore.Commands;

namespace AwsCore.Tests.Commands;

/// <summary>Every bundled operation plans to a command whose parameters PowerShell can bind.</summary>
public sealed class BundledModelPlanTests
{
    [Fact]
    public void EveryParameterNameIsUniqueUsableAndClearOfTheCommonParameters()
    {
        var loader = CommandTestModels.Bundled();
        var plans = 0;
        foreach (var service in loader.ListServices())
        {
            foreach (var plan in CommandPlanner.PlanService(loader.GetService(service)))
            {
                plans++;
                var names = plan.Parameters.SelectMany(p => p.Aliases.Prepend(p.Name)).ToList();
                var where = $"{service}.{plan.Operation} ({plan.Name.Name})";
                Assert.True(names.Count == names.Distinct(StringComparer.OrdinalIgnoreCase).Count(), $"{where}: {string.Join(", ", names)}");
                foreach (var name in names)
                {
                    Assert.True(name.Length > 0 && char.IsLetter(name[0]) && name.All(char.IsAsciiLetterOrDigit), $"{where}: parameter '{name}'");
                    Assert.DoesNotContain(name, ParameterPlanner.Reserved, StringComparer.OrdinalIgnoreCase);
                }
                foreach (var parameter in plan.Parameters.Where(p => p.Sensitive))
                    Assert.False(parameter.ValueFromPipelineByPropertyName, $"{where}: sensitive {parameter.Name} binds from the pipeline");
            }
        }
        Assert.True(plans > 15000, $"only {plans} plans");
    }
}
