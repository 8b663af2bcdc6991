@echo off
rem Runs the xent CLI on Windows (cmd.exe), built in Release: the twin of ./xent. Delegates to xent.ps1, which rebuilds
rem when a source or project file under src\ (outside obj\ and bin\) is newer than the build.
powershell -NoProfile -ExecutionPolicy Bypass -File "%~dp0xent.ps1" %*
exit /b %ERRORLEVEL%
