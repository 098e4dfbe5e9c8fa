using System.Management.Automation;
using AwsCore.Commands;
using AwsCore.Models;

namespace AwsCore.Module;

/// <summary>
/// <para type="synopsis">Lists the AWS services the model search path holds.</para>
/// </summary>
[Cmdlet(VerbsCommon.Get, "AwsService")]
[OutputType(typeof(PSObject))]
public sealed class GetAwsServiceCommand : PSCmdlet
{
    /// <summary>Service names to list; wildcards allowed. All when omitted.</summary>
    [Parameter(Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [Alias("ServiceName")]
    [ArgumentCompleter(typeof(ServiceNameCompleter))]
    [SupportsWildcards]
    public string[]? Name { get; set; }

    /// <summary>Writes one object per matching service; a name without wildcards that matches nothing is an error.</summary>
    protected override void ProcessRecord()
    {
        var services = ModelLoader.Default.ListServices();
        foreach (var pattern in Name ?? new[] { "*" })
        {
            var wildcard = WildcardPattern.Get(pattern, WildcardOptions.IgnoreCase);
            var matched = false;
            foreach (var name in services.Where(s => wildcard.IsMatch(s)))
            {
                matched = true;
                try
                {
                    WriteObject(Describe(ModelLoader.Default.GetService(name)));
                }
                catch (ModelLoadException e)
                {
                    WriteError(ErrorRecords.From(e, name));
                }
            }
            if (!matched && !WildcardPattern.ContainsWildcardCharacters(pattern))
                WriteError(ErrorRecords.From(new ModelLoadException($"unknown service '{pattern}' (searched {string.Join(Path.PathSeparator.ToString(), ModelLoader.Default.SearchPaths)})"), pattern));
        }
    }

    private static PSObject Describe(ServiceModel model) => (PSObject)PSValues.MakeObject("AwsCore.ServiceInfo", new[]
    {
        Pair("ServiceName", model.ServiceName),
        Pair("ServiceId", model.ServiceId),
        Pair("FullName", model.ServiceFullName),
        Pair("ApiVersion", model.ApiVersion),
        Pair("Protocol", model.Protocol),
        Pair("OperationCount", model.OperationNames.Count),
        Pair("ModuleName", "AwsCore." + OutputShaper.ServiceTypeSegment(model.ServiceId)),
        Pair("Source", model.Source),
    });

    private static KeyValuePair<string, object?> Pair(string name, object? value) => new(name, value);
}
