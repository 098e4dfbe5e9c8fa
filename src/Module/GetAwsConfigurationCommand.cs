using System.Management.Automation;
using AwsCore.Commands;
using AwsCore.Config;
using AwsCore.Models;
using AwsCore.Runtime;

namespace AwsCore.Module;

/// <summary>
/// <para type="synopsis">Shows the region, profile, credentials and endpoint AwsCore would use, and where each comes from.</para>
/// </summary>
[Cmdlet(VerbsCommon.Get, "AwsConfiguration")]
[OutputType(typeof(SettingEntry))]
public sealed class GetAwsConfigurationCommand : PSCmdlet
{
    /// <summary>A service, to include its endpoint URL setting.</summary>
    [Parameter(Position = 0)]
    [ArgumentCompleter(typeof(ServiceNameCompleter))]
    public string? Service { get; set; }

    // Declared here rather than inherited from AwsOperationCmdlet: this report takes no operation, and its settings
    // parameters have always accepted an empty string (shown as given), which a command's refuse.

    /// <summary>A region, as a command's -Region would give it.</summary>
    [Parameter]
    public string? Region { get; set; }

    /// <summary>A profile, as a command's -ProfileName would give it.</summary>
    [Parameter]
    public string? ProfileName { get; set; }

    /// <summary>An endpoint URL, as a command's -EndpointUrl would give it.</summary>
    [Parameter]
    public string? EndpointUrl { get; set; }

    /// <summary>Credentials, as a command's -Credential would give them (only the masked access key id is shown).</summary>
    [Parameter]
    public object? Credential { get; set; }

    /// <summary>Writes one SettingEntry per setting, then the model search path.</summary>
    protected override void EndProcessing()
    {
        try
        {
            var common = ClientSettings.Arguments(Region, ProfileName, EndpointUrl, Credential);
            var resolver = new ConfigResolver(null, common.ExplicitSettings());
            var model = Service is null ? null : ModelLoader.Default.GetService(Service);
            foreach (var entry in SettingsReport.Describe(common, resolver, model))
                WriteObject(entry);
            foreach (var setting in new[] { "retry_mode", "max_attempts", "defaults_mode" })
            {
                var resolved = resolver.Get(setting);
                WriteObject(new SettingEntry(setting, resolved.Value, resolved.Source));
            }
            var paths = ModelLoader.Default.SearchPaths;
            for (var i = 0; i < paths.Count; i++)
                WriteObject(new SettingEntry("ModelSearchPath", paths[i], Directory.Exists(paths[i]) ? $"entry {i + 1} of {paths.Count}" : $"entry {i + 1} of {paths.Count} (absent)"));
        }
        catch (Exception e) when (e is ParameterConversionException or ModelLoadException or ProfileNotFoundException or ConfigFileException)
        {
            WriteError(ErrorRecords.From(e, Service));
        }
    }
}
