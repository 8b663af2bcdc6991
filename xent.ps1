# Runs the xent CLI, built in Release: the PowerShell twin of ./xent (Windows, or pwsh anywhere). Builds on first use and
# whenever a source or project file under src/ is newer than the build; obj/ and bin/ are skipped, since `dotnet build`
# and `dotnet test` rewrite generated files there without any source having changed. Like ./xent, the build is a
# ReadyToRun publish for this machine's runtime identifier where the tool has one (a plain build elsewhere).
$ErrorActionPreference = 'Stop'
$root = $PSScriptRoot
$out = Join-Path $root '.build/cli'
$dll = Join-Path $out 'Xent.Cli.dll'
$stamp = Join-Path $out '.stamp'

function Test-Stale {
    if (-not (Test-Path $dll) -or -not (Test-Path $stamp)) { return $true }
    $built = (Get-Item $stamp).LastWriteTimeUtc
    $sources = Get-ChildItem -Path (Join-Path $root 'src') -Recurse -File -Include *.cs, *.csproj, *.props, *.targets |
        Where-Object { $_.FullName -notmatch '[\\/](obj|bin)[\\/]' }
    $sources += Get-Item (Join-Path $root 'Directory.Build.props'), (Join-Path $root 'Directory.Packages.props'), $PSCommandPath
    return [bool]($sources | Where-Object { $_.LastWriteTimeUtc -gt $built } | Select-Object -First 1)
}

if (Test-Stale) {
    [Console]::Error.WriteLine('xent: building (Release)…')
    $info = [System.Runtime.InteropServices.RuntimeInformation]
    $os = if ($info::IsOSPlatform([System.Runtime.InteropServices.OSPlatform]::Windows)) { 'win' }
          elseif ($info::IsOSPlatform([System.Runtime.InteropServices.OSPlatform]::OSX)) { 'osx' }
          elseif ($info::IsOSPlatform([System.Runtime.InteropServices.OSPlatform]::Linux)) { 'linux' } else { '' }
    $rid = "$os-" + $info::OSArchitecture.ToString().ToLowerInvariant()
    $project = Join-Path $root 'src/Xent.Cli/Xent.Cli.csproj'
    if (Test-Path $out) { Remove-Item -Recurse -Force $out }
    if (@('win-x64', 'linux-x64', 'linux-arm64', 'osx-x64', 'osx-arm64') -contains $rid) {
        $log = & dotnet publish $project -c Release -r $rid --self-contained false -p:PublishReadyToRun=true -o $out -nologo -v q 2>&1
    } else {
        $log = & dotnet build $project -c Release -o $out -nologo -v q 2>&1
    }
    if ($LASTEXITCODE -ne 0) {
        $log | ForEach-Object { [Console]::Error.WriteLine($_) }
        [Console]::Error.WriteLine('xent: build failed')
        exit 1
    }
    New-Item -ItemType File -Force -Path $stamp | Out-Null
}
& dotnet $dll @args
exit $LASTEXITCODE
