namespace AwsCore.Commands;

/// <summary>How much a command changes; the Module maps it to PowerShell's <c>ConfirmImpact</c>.</summary>
public enum CommandImpact
{
    /// <summary>Reads only: no <c>-WhatIf</c>/<c>-Confirm</c>.</summary>
    None,

    /// <summary>Changes state: <c>-WhatIf</c>/<c>-Confirm</c>, no prompt under the default <c>$ConfirmPreference</c>.</summary>
    Medium,

    /// <summary>Destroys something: prompts under the default <c>$ConfirmPreference</c> (High).</summary>
    High,
}
