#!/usr/bin/env bash
# Runs the Pester tests when pwsh is on PATH; otherwise says so in one line. Ends with "PESTER_TOTALS passed failed skipped".
cd "$(dirname "$0")/../.."
if ! command -v pwsh >/dev/null; then
  echo "Pester tests skipped: pwsh (PowerShell 7.4+) is not on PATH; they run wherever it is installed"
  exit 0
fi
export AWSCORE_MODULE_PATH="${AWSCORE_MODULE_PATH:-$PWD/out/AwsCore/AwsCore.psd1}"
pwsh -NoProfile -NonInteractive -Command '
  $ErrorActionPreference = "Stop"
  if (-not (Get-Module -ListAvailable Pester | Where-Object Version -ge "5.0")) { Install-Module Pester -MinimumVersion 5.0 -Scope CurrentUser -Force }
  $r = Invoke-Pester -Path tests/Pester -PassThru -Output Detailed
  "PESTER_TOTALS {0} {1} {2}" -f $r.PassedCount, $r.FailedCount, $r.SkippedCount
  exit $r.FailedCount'
