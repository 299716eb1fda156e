; Inno Setup script: installs dist\kiosk for all users, with a Start-menu entry and an uninstaller.
; Build: ISCC.exe /DAppVersion=0.1.0 packaging\kiosk.iss   (after `pyinstaller build.spec`)

#ifndef AppVersion
  #define AppVersion "0.0.0"
#endif

[Setup]
AppId={{6E0F4C2B-8B1D-4B7E-9C4E-2F5A0D7C1E93}
AppName=Dry Needling Kiosk
AppVersion={#AppVersion}
AppPublisher=Dry Needling Kiosk
DefaultDirName={autopf}\Dry Needling Kiosk
DefaultGroupName=Dry Needling Kiosk
; All users: the kiosk runs under a locked-down standard account, installed by IT as admin.
PrivilegesRequired=admin
; Qt 6.10+ (PySide6) uses Windows' own ICU (icuuc.dll), which Windows 10 1809 (build 17763)
; brought: refuse older Windows with a message rather than install a kiosk that can't start.
MinVersion=10.0.17763
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
OutputDir=..\dist\installer
OutputBaseFilename=DryNeedlingKiosk-{#AppVersion}-setup
SetupIconFile=..\kiosk\assets\kiosk.ico
UninstallDisplayIcon={app}\kiosk.exe
Compression=lzma2
SolidCompression=yes
WizardStyle=modern
#ifdef SignWith
; Sign the installer and its uninstaller with the tool ISCC is given as /S<SignWith>=... (the
; Windows workflow does, when a certificate is configured).
SignTool={#SignWith}
SignedUninstaller=yes
#endif
; Close a running kiosk before upgrading it, forcibly if it doesn't close (a silent upgrade
; from Intune has nobody to ask); its supervisor lets it stay closed (see [Code]).
CloseApplications=force
; Deployment tools read the exit code; Setup never restarts Windows itself.
RestartIfNeededByRun=no

[Files]
; "\content\*" (leading backslash) matches only the top-level content folder: without it the
; pattern also matched _internal\content, the bundled fallback for a clinic's broken file.
Source: "..\dist\kiosk\*"; DestDir: "{app}"; Excludes: "\content\*"; Flags: ignoreversion recursesubdirs createallsubdirs
; The clinic's editable content: installed on first install, never overwritten on upgrade,
; so the clinic's own wording survives a new version.
Source: "..\dist\kiosk\content\*"; DestDir: "{app}\content"; Flags: onlyifdoesntexist uninsneveruninstall recursesubdirs createallsubdirs

; The kiosk-mode script and its Assigned Access and Shell Launcher files, for IT (docs/windows-it.md).
Source: "windows\kiosk-mode.ps1"; DestDir: "{app}\kiosk-mode"; Flags: ignoreversion
Source: "windows\kiosk-pro-windows11.xml"; DestDir: "{app}\kiosk-mode"; Flags: ignoreversion
Source: "windows\kiosk-pro-windows10.xml"; DestDir: "{app}\kiosk-mode"; Flags: ignoreversion
Source: "windows\kiosk-enterprise.xml"; DestDir: "{app}\kiosk-mode"; Flags: ignoreversion

[Dirs]
; Staff (members of Users) may edit the content folder without admin rights.
Name: "{app}\content"; Permissions: users-modify

[Icons]
; Full screen, started again after a crash or a kill (never after the staff exit): the entry the
; Assigned Access configuration pins for the kiosk account.
Name: "{group}\Dry Needling Kiosk"; Filename: "{app}\kiosk.exe"; Parameters: "--supervise"
Name: "{group}\Dry Needling Kiosk (window, for staff)"; Filename: "{app}\kiosk.exe"; Parameters: "--windowed"
Name: "{group}\Check the kiosk's content"; Filename: "{cmd}"; Parameters: "/k ""{app}\kiosk-console.exe"" --check-content"
Name: "{group}\Set the staff PIN"; Filename: "{cmd}"; Parameters: "/k ""{app}\kiosk-console.exe"" --set-pin"
Name: "{group}\Make a support bundle (on the desktop)"; Filename: "{cmd}"; Parameters: "/k ""{app}\kiosk-console.exe"" --support-bundle ""%USERPROFILE%\Desktop\kiosk-support.zip"""
Name: "{group}\Uninstall Dry Needling Kiosk"; Filename: "{uninstallexe}"

[Registry]
; Windows Error Reporting keeps the three newest minidumps of a crashed kiosk in the log folder of
; the account it ran under (WER expands %LOCALAPPDATA% for that account: written literally here,
; not as Setup's {localappdata}, which would be the administrator's). Removed on uninstall.
Root: HKLM; Subkey: "SOFTWARE\Microsoft\Windows\Windows Error Reporting\LocalDumps\kiosk.exe"; ValueType: expandsz; ValueName: "DumpFolder"; ValueData: "%LOCALAPPDATA%\dry-needling-kiosk\Logs\dumps"; Flags: uninsdeletekey
Root: HKLM; Subkey: "SOFTWARE\Microsoft\Windows\Windows Error Reporting\LocalDumps\kiosk.exe"; ValueType: dword; ValueName: "DumpCount"; ValueData: "3"
Root: HKLM; Subkey: "SOFTWARE\Microsoft\Windows\Windows Error Reporting\LocalDumps\kiosk.exe"; ValueType: dword; ValueName: "DumpType"; ValueData: "1"
Root: HKLM; Subkey: "SOFTWARE\Microsoft\Windows\Windows Error Reporting\LocalDumps\kiosk-console.exe"; ValueType: expandsz; ValueName: "DumpFolder"; ValueData: "%LOCALAPPDATA%\dry-needling-kiosk\Logs\dumps"; Flags: uninsdeletekey
Root: HKLM; Subkey: "SOFTWARE\Microsoft\Windows\Windows Error Reporting\LocalDumps\kiosk-console.exe"; ValueType: dword; ValueName: "DumpCount"; ValueData: "3"
Root: HKLM; Subkey: "SOFTWARE\Microsoft\Windows\Windows Error Reporting\LocalDumps\kiosk-console.exe"; ValueType: dword; ValueName: "DumpType"; ValueData: "1"
; What a deployment tool's detection rule reads (Intune: registry, version comparison).
Root: HKLM; Subkey: "SOFTWARE\Dry Needling Kiosk"; ValueType: string; ValueName: "Version"; ValueData: "{#AppVersion}"; Flags: uninsdeletekey
Root: HKLM; Subkey: "SOFTWARE\Dry Needling Kiosk"; ValueType: string; ValueName: "InstallFolder"; ValueData: "{app}"

[INI]
; /CONTENT=\\server\share\kiosk points every account on this tablet at a content folder on a share
; (machine.ini, read by kiosk/system/machinesettings.py); without it, an earlier setting is kept.
Filename: "{commonappdata}\dry-needling-kiosk\machine.ini"; Section: "kiosk"; Key: "content"; String: "{param:CONTENT}"; Check: ContentGiven; Flags: uninsdeleteentry uninsdeletesectionifempty

[Run]
Filename: "{app}\kiosk.exe"; Parameters: "--windowed"; Description: "Start the kiosk in a window now"; Flags: nowait postinstall skipifsilent

[Code]
function ContentGiven: Boolean;
begin
  Result := ExpandConstant('{param:CONTENT|}') <> '';
end;

{ While the program's files are replaced, a running supervisor (kiosk.exe --supervise) must not
  start the old kiosk again: this file beside kiosk.exe tells it to let the kiosk stay closed. }
function PrepareToInstall(var NeedsRestart: Boolean): String;
begin
  if DirExists(ExpandConstant('{app}')) then
    SaveStringToFile(ExpandConstant('{app}\upgrading'), 'Setup is replacing the kiosk''s files.', False);
  Result := '';
end;

procedure CurStepChanged(CurStep: TSetupStep);
begin
  if CurStep = ssPostInstall then
    DeleteFile(ExpandConstant('{app}\upgrading'));
end;
