# Runs the xent CLI, built in Release: the PowerShell twin of ./xent (Windows, or pwsh anywhere). Builds on first use and
# whenever a source or project file under src/ is newer than the build; obj/ and bin/ are skipped, since `dotnet build`
# and `dotnet test` rewrite generated files there without any source having changed.
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
    $sources += Get-Item (Join-Path $root 'Directory.Build.props'), (Join-Path $root 'Directory.Packages.props')
    return [bool]($sources | Where-Object { $_.LastWriteTimeUtc -gt $built } | Select-Object -First 1)
}

if (Test-Stale) {
    [Console]::Error.WriteLine('xent: building (Release)…')
    $log = & dotnet build (Join-Path $root 'src/Xent.Cli/Xent.Cli.csproj') -c Release -o $out -nologo -v q 2>&1
    if ($LASTEXITCODE -ne 0) {
        $log | ForEach-Object { [Console]::Error.WriteLine($_) }
        [Console]::Error.WriteLine('xent: build failed')
        exit 1
    }
    New-Item -ItemType File -Force -Path $stamp | Out-Null
}
& dotnet $dll @args
exit $LASTEXITCODE
