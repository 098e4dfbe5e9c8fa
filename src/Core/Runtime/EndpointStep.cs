using System.Runtime.CompilerServices;
using AwsCore.Endpoints;
using AwsCore.Http;
using AwsCore.Jmes;
using AwsCore.Models;

namespace AwsCore.Runtime;

/// <summary>
/// The endpoint part of the pipeline: one resolver per client over a rule set compiled once per model (clients are
/// created per cmdlet call, so compiling per client would cost every call), and pointing a request at the result.
/// </summary>
internal static class EndpointStep
{
    private static readonly ConditionalWeakTable<ServiceModel, EndpointRuleSet> RuleSets = new();
    private static readonly ConditionalWeakTable<ModelLoader, PartitionSet> Partitions = new();

    public static ServiceEndpointResolver CreateResolver(ServiceModel model, ModelLoader loader, EndpointBuiltInSettings settings,
        IReadOnlyDictionary<string, object?> clientContext) =>
        new(model, RuleSets.GetValue(model, m => LoadRuleSet(m, loader)), settings.ToBuiltIns(), clientContext,
            jmesPath: (expression, input) => JmesPath.Search(expression, input));

    /// <summary>
    /// S3's per-call built-ins, as botocore's customize_endpoint_resolver_builtins: GetBucketLocation always goes
    /// path-style (the bucket's region, hence its virtual host, is what the caller does not know yet), and a bucket
    /// given as an ARN never does. Null when the call needs no override.
    /// </summary>
    public static IReadOnlyDictionary<string, object?>? BuiltInOverrides(OperationModel operation, IDictionary<string, object?> input)
    {
        if (operation.Service.ServiceName != "s3") return null;
        bool? forcePathStyle = operation.Name == "GetBucketLocation" ? true
            : input.TryGetValue("Bucket", out var bucket) && bucket is string name && name.StartsWith("arn:", StringComparison.Ordinal) ? false
            : null;
        return forcePathStyle is { } value ? new Dictionary<string, object?> { [EndpointBuiltIns.S3ForcePathStyle] = value } : null;
    }

    /// <summary>Points the request at the endpoint and adds the endpoint's headers (the first value of each, as botocore).</summary>
    public static void Apply(AwsHttpRequest request, ResolvedEndpoint endpoint) => Apply(request, endpoint, ParseUrl(endpoint));

    /// <summary>As <see cref="Apply(AwsHttpRequest, ResolvedEndpoint)"/> with the endpoint's URL already parsed (<see cref="ParseUrl"/>).</summary>
    public static void Apply(AwsHttpRequest request, ResolvedEndpoint endpoint, Uri url)
    {
        request.Endpoint = url;
        foreach (var header in endpoint.Headers)
            if (header.Value.Count > 0) request.Headers[header.Key] = header.Value[0];
    }

    /// <summary>The endpoint's URL as a Uri (immutable, so one parse serves every call that resolves to this endpoint).</summary>
    public static Uri ParseUrl(ResolvedEndpoint endpoint) =>
        Uri.TryCreate(endpoint.Url, UriKind.Absolute, out var uri)
            ? uri
            : throw new EndpointResolutionException($"the rule set produced '{endpoint.Url}', which is not an absolute URL");

    private static EndpointRuleSet LoadRuleSet(ServiceModel model, ModelLoader loader)
    {
        var file = model.GetCompanionFile("endpoint-rule-set-1")
            ?? throw new EndpointResolutionException($"service '{model.ServiceName}' has no endpoint-rule-set-1.json beside {model.Source}");
        var partitions = Partitions.GetValue(loader, l => PartitionSet.Parse(l.RequireData("partitions"), "partitions.json"));
        return EndpointRuleSet.Parse(file.Bytes, partitions, file.Path);
    }
}
