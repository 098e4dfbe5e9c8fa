#!/usr/bin/env bash
# The tasks of build.ps1 that need no PowerShell, for machines and CI images without pwsh:
#   ./build.sh [Build|Test|Package|ImportModels] [Release|Debug]
#   Build         dotnet build Module.sln, then lay out the module folder out/AwsCore (manifest, assemblies, models)
#   Test          ./test.sh: every xunit test, then the Pester tests when pwsh is on PATH; ends with "N passed, N failed[, N skipped]"
#   Package       out/AwsCore-<version>.zip of out/AwsCore (builds first)
#   ImportModels  regenerate models/ from the botocore python3 imports (or from $AWSCORE_BOTOCORE_DATA)
# Help and Demo import the module, so they need PowerShell 7.4+: ./build.ps1 -Task Help|Demo.
set -euo pipefail

task="${1:-Build}"
configuration="${2:-Release}"
root="$(cd "$(dirname "$0")" && pwd)"
out="$root/out"
module_folder="$out/AwsCore"

fail() { echo "build.sh: $*" >&2; exit 1; }

require() {
    command -v "$1" >/dev/null 2>&1 || fail "$1 was not found on PATH. $2"
}

build() {
    require dotnet "Install the .NET SDK 10 (https://dot.net/download)."
    dotnet build "$root/Module.sln" -c "$configuration" --nologo

    rm -rf "$module_folder"
    mkdir -p "$module_folder"
    # AwsCore.dll, AwsCore.Core.dll and the netstandard2.0 libraries they need on Windows PowerShell 5.1.
    # System.Management.Automation comes from the host, never from the module folder.
    local binaries="$root/src/Module/bin/$configuration/netstandard2.0"
    find "$binaries" -maxdepth 1 -name '*.dll' ! -name 'System.Management.Automation.dll' -exec cp {} "$module_folder/" \;
    cp "$root/AwsCore.psd1" "$module_folder/"
    cp -R "$root/models" "$module_folder/models"

    local required
    for required in AwsCore.psd1 AwsCore.dll AwsCore.Core.dll models/partitions.json.gz; do
        [[ -e "$module_folder/$required" ]] || fail "module layout is missing $required (looked in $binaries)"
    done
    local version
    version="$(sed -n "s/^[[:space:]]*ModuleVersion[[:space:]]*=[[:space:]]*'\([^']*\)'.*/\1/p" "$root/AwsCore.psd1")"
    # One small autoloading module per bundled service (AwsCore.S3, ...) listing its command names.
    dotnet "$root/tools/ServiceModules/bin/$configuration/net10.0/AwsCore.ServiceModules.dll" "$out" "$version" >/dev/null \
        || fail "writing the per-service manifests failed"
    echo "module laid out in $module_folder (with per-service modules beside it in $out)"
}

run_tests() {
    exec "$root/test.sh" "$configuration"
}

package() {
    build
    require python3 "python3 writes the zip."
    local version zip
    version="$(sed -n "s/^[[:space:]]*ModuleVersion[[:space:]]*=[[:space:]]*'\([^']*\)'.*/\1/p" "$root/AwsCore.psd1")"
    [[ -n "$version" ]] || fail "no ModuleVersion in $root/AwsCore.psd1"
    zip="$out/AwsCore-$version.zip"
    rm -f "$zip"
    (cd "$out" && python3 -m zipfile -c "$zip" AwsCore)
    echo "package: $zip"
}

import_models() {
    require dotnet "Install the .NET SDK 10 (https://dot.net/download)."
    cd "$root"
    if [[ -n "${AWSCORE_BOTOCORE_DATA:-}" ]]; then
        dotnet run --project "$root/tools/ImportModels" -c "$configuration" -- "$AWSCORE_BOTOCORE_DATA" "$root/models"
    else
        dotnet run --project "$root/tools/ImportModels" -c "$configuration"
    fi
}

case "$task" in
    Build) build ;;
    Test) run_tests ;;
    Package) package ;;
    ImportModels) import_models ;;
    Help | Demo) fail "$task imports the module, so it needs PowerShell 7.4+: ./build.ps1 -Task $task" ;;
    *) fail "unknown task '$task' (tasks: Build, Test, Package, ImportModels; Help and Demo are in build.ps1)" ;;
esac
