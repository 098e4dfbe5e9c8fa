namespace AwsCore.Commands;

/// <summary>What naming needs to know of one operation.</summary>
/// <param name="Name">The operation name as the model spells it (<c>ListObjectsV2</c>).</param>
/// <param name="ReturnsStream">Whether the output's payload is a streaming blob: the operation reads an object's content.</param>
/// <param name="IsPaginated">Whether paginators-1 lists the operation: of several list reads of one noun, it is the listing.</param>
public sealed record OperationFacts(string Name, bool ReturnsStream = false, bool IsPaginated = false);
