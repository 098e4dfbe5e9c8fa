using AwsCore.Models;

namespace AwsCore.Tests.Models;

/// <summary>Resolves every shape and operation reference of a model, so a dangling reference throws.</summary>
internal static class ModelWalker
{
    public static int ResolveEverything(ServiceModel model)
    {
        var seen = 0;
        foreach (var name in model.ShapeNames)
        {
            var shape = model.GetShape(name);
            seen++;
            switch (shape.Type)
            {
                case ShapeType.Structure:
                    foreach (var member in shape.Members.Values) _ = member.TypeName;
                    break;
                case ShapeType.List:
                    _ = shape.ListMember.TypeName;
                    break;
                case ShapeType.Map:
                    _ = shape.MapKey.TypeName;
                    _ = shape.MapValue.TypeName;
                    break;
            }
        }
        foreach (var operationName in model.OperationNames)
        {
            var operation = model.GetOperation(operationName);
            _ = operation.Input?.Members.Count;
            _ = operation.Output?.Members.Count;
            _ = operation.Errors.Count;
        }
        return seen;
    }
}
