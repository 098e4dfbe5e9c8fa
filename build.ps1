#Requires -Version 7.4
<#
.SYNOPSIS
    Builds, tests, documents, packages and demonstrates the AwsCore module.

.DESCRIPTION
    Build         dotnet build Module.sln, then lays out the module folder out/AwsCore (manifest, assemblies, models).
    Test          every test: ./test.sh (xunit, then Pester); on Windows, dotnet test and Invoke-Pester directly.
    Help          docs/help (PlatyPS markdown) -> out/AwsCore/en-US/AwsCore.dll-Help.xml. Needs the platyPS module.
    Package       out/AwsCore-<version>.zip of out/AwsCore (builds first).
    Demo          builds, starts moto_server on a free loopback port, calls S3, DynamoDB and STS through it, stops it.
    ImportModels  regenerates models/ from the botocore installed for python3 (or from -DataPath).

.EXAMPLE
    ./build.ps1                        # Build
    ./build.ps1 -Task Test
    ./build.ps1 -Task ImportModels -DataPath ~/.venv/lib/python3.12/site-packages/botocore/data
#>
[CmdletBinding()]
param(
    [ValidateSet('Build', 'Test', 'Help', 'Package', 'Demo', 'ImportModels')]
    [string] $Task = 'Build',

    [ValidateSet('Release', 'Debug')]
    [string] $Configuration = 'Release',

    # ImportModels only: a botocore data directory to import instead of the one python3 finds.
    [string] $DataPath
)

Set-StrictMode -Version 3.0
$ErrorActionPreference = 'Stop'

$Root = $PSScriptRoot
$Out = Join-Path $Root 'out'
$ModuleFolder = Join-Path $Out 'AwsCore'

function Invoke-Native {
    # Runs a native command and stops the build when it fails, naming the command.
    param([Parameter(Mandatory)] [string] $Command, [string[]] $Arguments = @())
    Write-Host "> $Command $($Arguments -join ' ')" -ForegroundColor DarkGray
    & $Command @Arguments
    if ($LASTEXITCODE -ne 0) { throw "'$Command $($Arguments -join ' ')' failed with exit code $LASTEXITCODE" }
}

function Assert-Command {
    param([Parameter(Mandatory)] [string] $Name, [Parameter(Mandatory)] [string] $Hint)
    if (-not (Get-Command $Name -ErrorAction SilentlyContinue)) { throw "$Name was not found on PATH. $Hint" }
}

function Invoke-Build {
    Assert-Command dotnet 'Install the .NET SDK 10 (https://dot.net/download).'
    Invoke-Native dotnet @('build', (Join-Path $Root 'Module.sln'), '-c', $Configuration, '--nologo')

    if (Test-Path $ModuleFolder) { Remove-Item $ModuleFolder -Recurse -Force }
    New-Item -ItemType Directory -Path $ModuleFolder | Out-Null

    # AwsCore.dll, AwsCore.Core.dll and the netstandard2.0 libraries they need on Windows PowerShell 5.1.
    # System.Management.Automation comes from the host, never from the module folder.
    $binaries = Join-Path $Root "src/Module/bin/$Configuration/netstandard2.0"
    Get-ChildItem $binaries -Filter '*.dll' |
        Where-Object Name -NE 'System.Management.Automation.dll' |
        Copy-Item -Destination $ModuleFolder
    Copy-Item (Join-Path $Root 'AwsCore.psd1') $ModuleFolder
    Copy-Item (Join-Path $Root 'models') (Join-Path $ModuleFolder 'models') -Recurse

    foreach ($required in 'AwsCore.psd1', 'AwsCore.dll', 'AwsCore.Core.dll', 'models/partitions.json.gz') {
        if (-not (Test-Path (Join-Path $ModuleFolder $required))) { throw "module layout is missing $required (looked in $binaries)" }
    }
    if (Get-Module -ListAvailable platyPS) { Invoke-Help } else { Write-Host 'platyPS is not installed: external help skipped (./build.ps1 -Task Help says how to add it).' }
    $version = (Import-PowerShellDataFile (Join-Path $Root 'AwsCore.psd1')).ModuleVersion
    # One small autoloading module per bundled service (AwsCore.S3, ...) listing its command names.
    Invoke-Native dotnet @((Join-Path $Root "tools/ServiceModules/bin/$Configuration/net10.0/AwsCore.ServiceModules.dll"), $Out, $version)
    Write-Host "module laid out in $ModuleFolder (with per-service modules beside it in $Out)"
}

function Invoke-Test {
    # The README's test command is ./test.sh (xunit, then Pester where pwsh is, one totals line). Where bash is
    # missing, and on Windows (where bash may be WSL's), the same two steps run from here.
    $bash = Get-Command bash -ErrorAction SilentlyContinue
    if (-not $IsWindows -and $bash -and (Test-Path (Join-Path $Root 'test.sh'))) {
        Invoke-Native $bash.Source @((Join-Path $Root 'test.sh'))
        return
    }
    Assert-Command dotnet 'Install the .NET SDK 10 (https://dot.net/download).'
    Invoke-Native dotnet @('test', (Join-Path $Root 'Module.sln'), '-c', $Configuration, '--nologo')

    $pesterTests = @(Get-ChildItem (Join-Path $Root 'tests/Pester') -Filter '*.Tests.ps1' -Recurse -ErrorAction SilentlyContinue)
    if ($pesterTests.Count -eq 0) { Write-Host 'tests/Pester holds no *.Tests.ps1 yet.'; return }

    Invoke-Build
    if (-not (Get-Module -ListAvailable Pester | Where-Object Version -GE ([version]'5.0'))) {
        Write-Host 'Pester 5 is not installed; installing it for the current user from the PowerShell Gallery.'
        Install-Module Pester -MinimumVersion 5.0 -Scope CurrentUser -Force -SkipPublisherCheck
    }
    Import-Module Pester -MinimumVersion 5.0
    $result = Invoke-Pester -Path (Join-Path $Root 'tests/Pester') -PassThru -Output Detailed
    if ($result.FailedCount -gt 0) { throw "Pester: $($result.FailedCount) failed, $($result.PassedCount) passed" }
}

function Invoke-Help {
    $helpSource = Join-Path $Root 'docs/help'
    if (-not (Get-Module -ListAvailable platyPS)) {
        throw 'platyPS is not installed, so the external help was not built. Install it with: Install-Module platyPS -Scope CurrentUser'
    }
    if (-not (Get-ChildItem $helpSource -Filter '*.md' -ErrorAction SilentlyContinue)) {
        Write-Host "no PlatyPS markdown in $helpSource yet: no external help to build"
        return
    }
    Import-Module platyPS
    New-Item -ItemType Directory -Path (Join-Path $ModuleFolder 'en-US') -Force | Out-Null
    New-ExternalHelp -Path $helpSource -OutputPath (Join-Path $ModuleFolder 'en-US') -Force | Out-Null
    Write-Host "external help written to $(Join-Path $ModuleFolder 'en-US')"
}

function Invoke-Package {
    Invoke-Build
    $version = (Import-PowerShellDataFile (Join-Path $Root 'AwsCore.psd1')).ModuleVersion
    $zip = Join-Path $Out "AwsCore-$version.zip"
    if (Test-Path $zip) { Remove-Item $zip -Force }
    Compress-Archive -Path $ModuleFolder -DestinationPath $zip
    Write-Host "package: $zip"
}

function Get-FreeLoopbackPort {
    $listener = [System.Net.Sockets.TcpListener]::new([System.Net.IPAddress]::Loopback, 0)
    $listener.Start()
    try { $listener.LocalEndpoint.Port } finally { $listener.Stop() }
}

function Wait-Port {
    param([int] $Port, [System.Diagnostics.Process] $Process, [int] $TimeoutSeconds = 30)
    $deadline = [DateTime]::UtcNow.AddSeconds($TimeoutSeconds)
    while ([DateTime]::UtcNow -lt $deadline) {
        if ($Process.HasExited) { throw "moto_server exited with code $($Process.ExitCode) before listening on port $Port" }
        $client = [System.Net.Sockets.TcpClient]::new()
        try { $client.Connect('127.0.0.1', $Port); return } catch { Start-Sleep -Milliseconds 200 } finally { $client.Dispose() }
    }
    throw "moto_server did not listen on 127.0.0.1:$Port within $TimeoutSeconds s"
}

function Invoke-Demo {
    Assert-Command moto_server 'Install it with: python3 -m pip install "moto[server]"'
    Invoke-Build

    $port = Get-FreeLoopbackPort
    $log = Join-Path $Out 'moto_server.log'
    $server = Start-Process moto_server -ArgumentList '-H', '127.0.0.1', '-p', $port -PassThru -NoNewWindow -RedirectStandardOutput $log -RedirectStandardError "$log.err"
    $saved = @{}
    $demoEnvironment = @{
        AWS_ACCESS_KEY_ID     = 'testing'
        AWS_SECRET_ACCESS_KEY = 'testing'
        AWS_DEFAULT_REGION    = 'us-east-1'
        AWS_CONFIG_FILE       = (Join-Path $Out 'demo-config-absent')
        AWS_SHARED_CREDENTIALS_FILE = (Join-Path $Out 'demo-credentials-absent')
    }
    try {
        Wait-Port -Port $port -Process $server
        foreach ($name in $demoEnvironment.Keys) {
            $saved[$name] = [Environment]::GetEnvironmentVariable($name)
            [Environment]::SetEnvironmentVariable($name, $demoEnvironment[$name])
        }
        $endpoint = "http://127.0.0.1:$port"
        Write-Host "moto_server on $endpoint (pid $($server.Id))"

        Import-Module (Join-Path $ModuleFolder 'AwsCore.psd1') -Force
        Get-Command -Module AwsCore | Format-Table -AutoSize | Out-Host

        $bucket = "awscore-demo-$port"
        Invoke-AwsOperation -Service s3 -Operation CreateBucket -Parameter @{ Bucket = $bucket } -EndpointUrl $endpoint | Out-Host
        Invoke-AwsOperation -Service s3 -Operation PutObject -Parameter @{ Bucket = $bucket; Key = 'hello.txt'; Body = 'Hello from AwsCore' } -EndpointUrl $endpoint | Out-Host
        $listing = Invoke-AwsOperation -Service s3 -Operation ListObjectsV2 -Parameter @{ Bucket = $bucket } -EndpointUrl $endpoint
        $listing | Out-Host

        $table = @{
            TableName            = 'awscore-demo'
            AttributeDefinitions = @(@{ AttributeName = 'id'; AttributeType = 'S' })
            KeySchema            = @(@{ AttributeName = 'id'; KeyType = 'HASH' })
            BillingMode          = 'PAY_PER_REQUEST'
        }
        Invoke-AwsOperation -Service dynamodb -Operation CreateTable -Parameter $table -EndpointUrl $endpoint | Out-Host
        Invoke-AwsOperation -Service dynamodb -Operation PutItem -Parameter @{ TableName = 'awscore-demo'; Item = @{ id = @{ S = '1' }; greeting = @{ S = 'hello' } } } -EndpointUrl $endpoint | Out-Host
        Invoke-AwsOperation -Service dynamodb -Operation Scan -Parameter @{ TableName = 'awscore-demo' } -EndpointUrl $endpoint | Out-Host
        Invoke-AwsOperation -Service sts -Operation GetCallerIdentity -Parameter @{} -EndpointUrl $endpoint | Out-Host
        Write-Host 'demo finished'
    }
    finally {
        foreach ($name in $saved.Keys) { [Environment]::SetEnvironmentVariable($name, $saved[$name]) }
        if (-not $server.HasExited) { Stop-Process -Id $server.Id -Force }
        Write-Host "moto_server stopped (log: $log)"
    }
}

function Invoke-ImportModels {
    Assert-Command dotnet 'Install the .NET SDK 10 (https://dot.net/download).'
    $arguments = @('run', '--project', (Join-Path $Root 'tools/ImportModels'), '-c', $Configuration, '--')
    # Without -DataPath the tool asks python3 where botocore lives.
    if ($DataPath) { $arguments += @((Resolve-Path $DataPath).Path, (Join-Path $Root 'models')) }
    Invoke-Native dotnet $arguments
}

Push-Location $Root
try {
    switch ($Task) {
        'Build' { Invoke-Build }
        'Test' { Invoke-Test }
        'Help' { Invoke-Help }
        'Package' { Invoke-Package }
        'Demo' { Invoke-Demo }
        'ImportModels' { Invoke-ImportModels }
    }
}
finally {
    Pop-Location
}
