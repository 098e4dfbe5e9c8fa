#!/usr/bin/env bash
# Runs the Pester tests of tests/Pester when PowerShell 7.4+ (pwsh) is on PATH; test.sh calls this and adds the
# closing "PESTER_TOTALS <passed> <failed> <skipped>" line to its totals. Without pwsh it says so in one line and
# exits 0 (the xunit tests still run); the module must already be built (./build.sh Build lays out out/AwsCore).
set -uo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"

if ! command -v pwsh >/dev/null 2>&1; then
    echo "Pester skipped: pwsh (PowerShell 7.4+) is not on PATH, so tests/Pester/*.Tests.ps1 were not run"
    exit 0
fi

export AWSCORE_MODULE_PATH="${AWSCORE_MODULE_PATH:-$root/out/AwsCore/AwsCore.psd1}"
if [[ ! -f "$AWSCORE_MODULE_PATH" ]]; then
    echo "tests/Pester/run.sh: the built module is missing ($AWSCORE_MODULE_PATH); run ./build.sh Build first" >&2
    echo "PESTER_TOTALS 0 1 0"
    exit 1
fi

AWSCORE_PESTER_PATH="$here" pwsh -NoProfile -NonInteractive -Command '
    $ErrorActionPreference = "Stop"
    if (-not (Get-Module -ListAvailable Pester | Where-Object Version -GE ([version]"5.5.0"))) {
        Install-Module Pester -MinimumVersion 5.5.0 -Scope CurrentUser -Force -SkipPublisherCheck
    }
    Import-Module Pester -MinimumVersion 5.5.0
    $config = New-PesterConfiguration
    $config.Run.Path = $env:AWSCORE_PESTER_PATH
    $config.Run.PassThru = $true
    $config.Output.Verbosity = "Detailed"
    $result = Invoke-Pester -Configuration $config
    "PESTER_TOTALS $($result.PassedCount) $($result.FailedCount) $($result.SkippedCount)"
    if ($result.FailedCount -gt 0 -or $result.Result -ne "Passed") { exit 1 }
'
