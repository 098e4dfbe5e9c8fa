# Helpers shared by the Pester tests: import the built module, and run moto_server on a free loopback port.
# Dot-source in BeforeAll. Works in PowerShell 7.4+.

function Import-AwsCoreUnderTest {
    # build.sh/build.ps1 lay the module out in out/AwsCore; CI passes the manifest in AWSCORE_MODULE_PATH.
    $manifest = if ($env:AWSCORE_MODULE_PATH) { $env:AWSCORE_MODULE_PATH } else { Join-Path $PSScriptRoot '../../out/AwsCore/AwsCore.psd1' }
    if (-not (Test-Path $manifest)) {
        throw "The built module was not found at $manifest. Run ./build.sh Build (or ./build.ps1) first."
    }
    Import-Module $manifest -Force -ErrorAction Stop
}

function Get-FreeLoopbackPort {
    $listener = [System.Net.Sockets.TcpListener]::new([System.Net.IPAddress]::Loopback, 0)
    $listener.Start()
    try { $listener.LocalEndpoint.Port } finally { $listener.Stop() }
}

function Start-MotoServer {
    # Starts moto_server on 127.0.0.1 and returns @{ Process; Port; Endpoint; Log }. Its request log goes to Log,
    # which the pagination tests read to count the requests made.
    $command = Get-Command moto_server -CommandType Application -ErrorAction SilentlyContinue | Select-Object -First 1
    if (-not $command) {
        throw 'moto_server is not on PATH. Install it with: python3 -m pip install "moto[server]"'
    }
    $port = Get-FreeLoopbackPort
    $log = Join-Path ([System.IO.Path]::GetTempPath()) "awscore-moto-$port.log"
    $process = Start-Process -FilePath $command.Source -ArgumentList '-H', '127.0.0.1', '-p', $port `
        -RedirectStandardError $log -RedirectStandardOutput "$log.out" -PassThru
    $deadline = [DateTime]::UtcNow.AddSeconds(30)
    while ($true) {
        if ($process.HasExited) { throw "moto_server exited with code $($process.ExitCode) before listening on port $port (log: $log)" }
        $client = [System.Net.Sockets.TcpClient]::new()
        try { $client.Connect('127.0.0.1', $port); break } catch { Start-Sleep -Milliseconds 200 } finally { $client.Dispose() }
        if ([DateTime]::UtcNow -gt $deadline) { throw "moto_server did not listen on 127.0.0.1:$port within 30 s (log: $log)" }
    }
    @{ Process = $process; Port = $port; Endpoint = "http://127.0.0.1:$port"; Log = $log }
}

function Stop-MotoServer {
    param($Server)
    if ($Server -and $Server.Process -and -not $Server.Process.HasExited) {
        $Server.Process.Kill()
        $Server.Process.WaitForExit(10000) | Out-Null
    }
}

function Get-MotoRequestCount {
    # Request lines moto (werkzeug) logged so far that contain $Pattern.
    param($Server, [string] $Pattern)
    @(Get-Content -Path $Server.Log -ErrorAction SilentlyContinue | Where-Object { $_ -like "*$Pattern*" }).Count
}

function Set-TestAwsEnvironment {
    # Fake credentials and region; the user's own config files are hidden so nothing on the machine leaks in.
    $saved = @{}
    $values = @{
        AWS_ACCESS_KEY_ID           = 'testing'
        AWS_SECRET_ACCESS_KEY       = 'testing'
        AWS_SESSION_TOKEN           = $null
        AWS_DEFAULT_REGION          = 'us-east-1'
        AWS_REGION                  = $null
        AWS_PROFILE                 = $null
        AWS_CONFIG_FILE             = (Join-Path ([System.IO.Path]::GetTempPath()) 'awscore-pester-no-config')
        AWS_SHARED_CREDENTIALS_FILE = (Join-Path ([System.IO.Path]::GetTempPath()) 'awscore-pester-no-credentials')
    }
    foreach ($name in $values.Keys) {
        $saved[$name] = [Environment]::GetEnvironmentVariable($name)
        [Environment]::SetEnvironmentVariable($name, $values[$name])
    }
    $saved
}

function Restore-TestAwsEnvironment {
    param([hashtable] $Saved)
    foreach ($name in $Saved.Keys) { [Environment]::SetEnvironmentVariable($name, $Saved[$name]) }
}
