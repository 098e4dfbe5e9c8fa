using System.Management.Automation;

namespace AwsCore.Module;

/// <summary>
/// The binary core that generated service commands call. It is not exported from AwsCore (users never call it);
/// generated modules reach it through this CmdletInfo, which PowerShell can invoke with <c>&amp;</c> directly.
/// </summary>
public static class CoreCommand
{
    private static readonly Lazy<CmdletInfo> Cmdlet = new(() => new CmdletInfo("Invoke-AwsCommandCore", typeof(InvokeAwsCommandCoreCommand)));

    /// <summary>The CmdletInfo of <see cref="InvokeAwsCommandCoreCommand"/>.</summary>
    public static CmdletInfo Info => Cmdlet.Value;
}
