using System.Management.Automation;
using System.Runtime.InteropServices;
using AwsCore.Commands;
using AwsCore.Models;

namespace AwsCore.Module;

/// <summary>
/// <para type="synopsis">Generates the commands of AWS services from their models and imports them.</para>
/// <para type="description">Each service becomes a dynamic module AwsCore.&lt;ServiceId&gt; (AwsCore.S3, AwsCore.DynamoDB)
/// imported into the global scope. Any service on the model search path works, including ones only found on AWS_DATA_PATH.</para>
/// </summary>
[Cmdlet(VerbsData.Import, "AwsService")]
[OutputType(typeof(PSModuleInfo))]
public sealed class ImportAwsServiceCommand : PSCmdlet
{
    private const string CreateModule = "param($Name, $Body) New-Module -Name $Name -ScriptBlock $Body | Import-Module -Global -Force -PassThru";

    /// <summary>The services, as botocore names them (s3, dynamodb, ec2).</summary>
    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [Alias("ServiceName", "Service")]
    [ArgumentCompleter(typeof(ServiceNameCompleter))]
    [ValidateNotNullOrEmpty]
    public string[] Name { get; set; } = Array.Empty<string>();

    /// <summary>Import again even when the service's module is already imported.</summary>
    [Parameter]
    public SwitchParameter Force { get; set; }

    /// <summary>Write the imported modules.</summary>
    [Parameter]
    public SwitchParameter PassThru { get; set; }

    /// <summary>Imports each named service.</summary>
    protected override void ProcessRecord()
    {
        foreach (var service in Name)
        {
            try
            {
                Import(service);
            }
            catch (Exception e) when (e is ModelLoadException or ArgumentException or InvalidOperationException or RuntimeException)
            {
                WriteError(ErrorRecords.From(e, service));
            }
        }
    }

    private void Import(string service)
    {
        var model = ModelLoader.Default.GetService(service);
        var moduleName = ServiceModules.ModuleName(model);
        if (!Force && InvokeCommand.InvokeScript(false, ScriptBlock.Create("param($Name) Get-Module -Name $Name"), null, moduleName).FirstOrDefault() is { } loaded)
        {
            WriteVerbose($"{moduleName} is already imported; -Force imports it again");
            if (PassThru) WriteObject(loaded);
            return;
        }

        var plans = ServicePlans.For(model).Values.ToList();
        RaiseFunctionLimitOnWindowsPowerShell(moduleName, plans.Count);
        var documented = DocumentationSources.FindDocumented(model);
        var script = ServiceModuleScript.Generate(model, plans, documented);
        WriteVerbose($"{moduleName}: {plans.Count} commands from {model.Source}" + (documented is null ? "" : $", help from {documented.Source}"));
        var module = InvokeCommand.InvokeScript(false, ScriptBlock.Create(CreateModule), null, moduleName, ScriptBlock.Create(script)).FirstOrDefault();
        if (PassThru && module is not null) WriteObject(module);
    }

    /// <summary>
    /// Windows PowerShell 5.1 allows $MaximumFunctionCount (4096 by default) functions per scope; PowerShell 7 has no
    /// such cap. The global scope receives every imported command, so the limit is raised there when needed.
    /// </summary>
    private void RaiseFunctionLimitOnWindowsPowerShell(string moduleName, int commands)
    {
        if (!RuntimeInformation.FrameworkDescription.StartsWith(".NET Framework", StringComparison.Ordinal)) return;
        var existing = InvokeCommand.InvokeScript("@(Get-ChildItem -Path function:).Count").FirstOrDefault()?.BaseObject is int n ? n : 0;
        var current = SessionState.PSVariable.GetValue("global:MaximumFunctionCount") is int max ? max : ServiceModuleScript.DesktopFunctionLimit;
        var needed = ServiceModuleScript.FunctionCountNeeded(existing + commands);
        if (needed <= current) return;
        SessionState.PSVariable.Set("global:MaximumFunctionCount", needed);
        WriteVerbose($"Windows PowerShell allows $MaximumFunctionCount = {current} functions per scope; raised to {needed} for the {commands} commands of {moduleName} beside the {existing} functions already defined");
    }
}
