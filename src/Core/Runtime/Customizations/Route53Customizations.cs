using AwsCore.Models;

namespace AwsCore.Runtime;

/// <summary>The Route 53 transform of botocore's handlers module.</summary>
internal static class Route53Customizations
{
    private static readonly string[] IdShapes = { "ResourceId", "DelegationSetId", "ChangeId" };

    /// <summary>
    /// Ids as other operations return them ("/hostedzone/Z123", "/change/C9") are cut to their last part ("Z123"), for
    /// every input member whose shape is ResourceId, DelegationSetId or ChangeId.
    /// </summary>
    public static void FixRoute53Ids(OperationModel operation, IDictionary<string, object?> parameters)
    {
        if (operation.Input is not { Type: ShapeType.Structure } input) return;
        foreach (var member in input.Members)
        {
            if (Array.IndexOf(IdShapes, member.Value.Name) < 0) continue;
            if (parameters.TryGetValue(member.Key, out var value) && value is string id)
                parameters[member.Key] = id.Substring(id.LastIndexOf('/') + 1);
        }
    }
}
