using System.Security.Cryptography;
using System.Text;
using AwsCore.Models;

namespace AwsCore.Commands;

/// <summary>
/// The small per-service module the build writes beside AwsCore for command autoloading: <c>AwsCore.S3/AwsCore.S3.psd1</c>
/// lists the service's command names (so Get-Command and autoloading find them without importing anything) and
/// <c>AwsCore.S3.psm1</c> generates the commands from the model when PowerShell imports the module.
/// </summary>
public static class ServiceModuleManifest
{
    /// <summary>The module name of a service: <c>AwsCore.</c> + its serviceId without spaces (<c>AwsCore.S3</c>).</summary>
    public static string ModuleName(ServiceModel model) => "AwsCore." + OutputShaper.ServiceTypeSegment(model.ServiceId);

    /// <summary>Writes the module folder of <paramref name="model"/> under <paramref name="outputRoot"/>; returns the manifest's path.</summary>
    public static string Write(string outputRoot, ServiceModel model, IReadOnlyList<CommandPlan> plans, string moduleVersion)
    {
        var name = ModuleName(model);
        var folder = Path.Combine(outputRoot, name);
        Directory.CreateDirectory(folder);
        var manifest = Path.Combine(folder, name + ".psd1");
        var utf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: true);
        File.WriteAllText(manifest, Manifest(model, plans, moduleVersion), utf8);
        File.WriteAllText(Path.Combine(folder, name + ".psm1"), RootModule(model, plans.Count), utf8);
        return manifest;
    }

    /// <summary>The text of the .psd1.</summary>
    public static string Manifest(ServiceModel model, IReadOnlyList<CommandPlan> plans, string moduleVersion)
    {
        var name = ModuleName(model);
        var text = new StringBuilder();
        text.Append("# Written by the AwsCore build from the ").Append(model.ServiceName).Append(' ').Append(model.ApiVersion).Append(" model.\n");
        text.Append("@{\n");
        text.Append("    RootModule = ").Append(PowerShellText.Quote(name + ".psm1")).Append('\n');
        text.Append("    ModuleVersion = ").Append(PowerShellText.Quote(moduleVersion)).Append('\n');
        text.Append("    GUID = ").Append(PowerShellText.Quote(StableGuid(name).ToString())).Append('\n');
        text.Append("    Author = 'AwsCore contributors'\n");
        text.Append("    Description = ").Append(PowerShellText.Quote($"AwsCore commands for {model.ServiceFullName} ({model.ServiceName} {model.ApiVersion}), generated from the service model when imported.")).Append('\n');
        text.Append("    PowerShellVersion = '5.1'\n");
        text.Append("    CompatiblePSEditions = @('Desktop', 'Core')\n");
        text.Append("    RequiredModules = @('AwsCore')\n");
        text.Append("    FunctionsToExport = @(");
        for (var i = 0; i < plans.Count; i++)
            text.Append(i == 0 ? "\n        " : ",\n        ").Append(PowerShellText.Quote(plans[i].Name.Name));
        text.Append(plans.Count == 0 ? ")\n" : "\n    )\n");
        text.Append("    CmdletsToExport = @()\n    VariablesToExport = @()\n    AliasesToExport = @()\n");
        text.Append("    PrivateData = @{ AwsCore = @{ Service = ").Append(PowerShellText.Quote(model.ServiceName))
            .Append("; ApiVersion = ").Append(PowerShellText.Quote(model.ApiVersion)).Append(" } }\n");
        text.Append("}\n");
        return text.ToString();
    }

    /// <summary>
    /// The text of the .psm1: defines the commands in the module's scope from the model at import time. On Windows
    /// PowerShell 5.1 it first raises the global $MaximumFunctionCount when the commands would not fit, and says so.
    /// </summary>
    public static string RootModule(ServiceModel model, int commandCount) =>
        "# Written by the AwsCore build. Generates the " + model.ServiceName + " commands from the service model on the search path.\n" +
        "if ($PSVersionTable.PSEdition -ne 'Core') {\n" +
        "    $needed = @(Get-ChildItem -Path function:).Count + " + (commandCount + ServiceModuleScript.DesktopFunctionLimit / 4) + "\n" +
        "    if ($global:MaximumFunctionCount -lt $needed) {\n" +
        "        Write-Verbose \"Windows PowerShell allows `$MaximumFunctionCount = $global:MaximumFunctionCount functions per scope; raised to $needed for the " + commandCount + " commands of " + ModuleName(model) + "\"\n" +
        "        $global:MaximumFunctionCount = $needed\n" +
        "    }\n" +
        "}\n" +
        ". ([scriptblock]::Create([AwsCore.Module.ServiceModules]::Script(" + PowerShellText.Quote(model.ServiceName) + ")))\n";

    // A name-based GUID (RFC 4122 version 5 layout over SHA-1), so every build gives a module the same GUID.
    private static Guid StableGuid(string name)
    {
        byte[] hash;
        using (var sha1 = SHA1.Create()) hash = sha1.ComputeHash(Encoding.UTF8.GetBytes("AwsCore/" + name));
        var bytes = new byte[16];
        Array.Copy(hash, bytes, 16);
        bytes[6] = (byte)((bytes[6] & 0x0F) | 0x50);
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        // Guid(byte[]) reads its first three fields little-endian; RFC 4122 bytes are big-endian.
        Array.Reverse(bytes, 0, 4);
        Array.Reverse(bytes, 4, 2);
        Array.Reverse(bytes, 6, 2);
        return new Guid(bytes);
    }
}
