@echo off
rem relais-admin of the installed Relais, always the same version as the app:
rem   "C:\Program Files\Relais\relais-admin.cmd" doctor
rem Relais.exe is a windowed program, so its output is captured in temporary files and printed
rem here; the exit code is kept (0 success, 1 failure, 2 partial). Commands that open the store
rem read the recovery passphrase from RELAIS_PASSPHRASE (no prompt through this wrapper).
setlocal
set "RELAIS_ADMIN_OUT=%TEMP%\relais-admin-%RANDOM%%RANDOM%.out"
set "RELAIS_ADMIN_ERR=%TEMP%\relais-admin-%RANDOM%%RANDOM%.err"
"%~dp0Relais.exe" --admin %* > "%RELAIS_ADMIN_OUT%" 2> "%RELAIS_ADMIN_ERR%"
set "RELAIS_ADMIN_RC=%ERRORLEVEL%"
type "%RELAIS_ADMIN_OUT%"
type "%RELAIS_ADMIN_ERR%" 1>&2
del "%RELAIS_ADMIN_OUT%" "%RELAIS_ADMIN_ERR%" >nul 2>&1
exit /b %RELAIS_ADMIN_RC%
