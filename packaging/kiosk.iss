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
; Close a running kiosk before upgrading it.
CloseApplications=yes

[Files]
; "\content\*" (leading backslash) matches only the top-level content folder: without it the
; pattern also matched _internal\content, the bundled fallback for a clinic's broken file.
Source: "..\dist\kiosk\*"; DestDir: "{app}"; Excludes: "\content\*"; Flags: ignoreversion recursesubdirs createallsubdirs
; The clinic's editable content: installed on first install, never overwritten on upgrade,
; so the clinic's own wording survives a new version.
Source: "..\dist\kiosk\content\*"; DestDir: "{app}\content"; Flags: onlyifdoesntexist uninsneveruninstall recursesubdirs createallsubdirs

[Dirs]
; Staff (members of Users) may edit the content folder without admin rights.
Name: "{app}\content"; Permissions: users-modify

[Icons]
Name: "{group}\Dry Needling Kiosk"; Filename: "{app}\kiosk.exe"
Name: "{group}\Dry Needling Kiosk (window, for staff)"; Filename: "{app}\kiosk.exe"; Parameters: "--windowed"
Name: "{group}\Check the kiosk's content"; Filename: "{cmd}"; Parameters: "/k ""{app}\kiosk-console.exe"" --check-content"
Name: "{group}\Uninstall Dry Needling Kiosk"; Filename: "{uninstallexe}"

[Run]
Filename: "{app}\kiosk.exe"; Parameters: "--windowed"; Description: "Start the kiosk in a window now"; Flags: nowait postinstall skipifsilent
