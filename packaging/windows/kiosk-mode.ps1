#Requires -Version 5.1
<#
.SYNOPSIS
    Locks a Windows tablet down to the dry needling kiosk, sets the staff PIN of its kiosk
    account, or undoes the lock-down.

.DESCRIPTION
    Run it in Windows PowerShell (5.1, the one every Windows 10 and 11 has) opened with
    "Run as administrator", from the folder it is in. Every change it makes is printed, and
    -WhatIf prints each one without making it. Running it twice changes nothing more: each
    setting already in place is said to be so and left alone.

    Windows 10/11 Pro: Assigned Access's restricted user experience (kiosk-pro-windows11.xml or
    kiosk-pro-windows10.xml): Windows makes and signs in a local standard account (kioskUser0)
    whose only app is the kiosk, started at sign-in with --supervise, which starts it again after
    a crash or a kill and never after "Exit the kiosk".
    Enterprise, Education, IoT Enterprise: Shell Launcher v2 (kiosk-enterprise.xml): the kiosk
    is the whole shell of a local standard account Windows makes and signs in (Kiosk), restarted
    whenever it ends except after the staff exit (exit code 10).
    Both: no edge swipes (Action Center, widgets, task view), no press-and-hold right click, no
    touch keyboard popping up by itself, no notifications over the kiosk, no Windows Error
    Reporting dialog waiting for a tap after a crash, and no Windows Update restarts in opening
    hours.

    Assigned Access and Shell Launcher are set through the MDM bridge, which only the SYSTEM
    account may use: the script hands that one step to a scheduled task that runs once as SYSTEM
    and is removed again (under Intune, which runs scripts as SYSTEM, it sets them directly).

.PARAMETER Edition
    Auto (the default) reads the edition from Windows. Pro uses Assigned Access; Enterprise
    uses Shell Launcher (also on Education and IoT Enterprise).

.PARAMETER OpensAt
    Hour (0-23) the waiting room opens: Windows Update doesn't restart the tablet from then...

.PARAMETER ClosesAt
    ...until this hour (at most 18 hours after OpensAt).

.PARAMETER Undo
    Removes everything the script set: Assigned Access or Shell Launcher, and the settings.

.PARAMETER SetStaffPin
    Sets the staff PIN of the kiosk account (asked twice in the console, never shown). The
    kiosk account must have signed in once (restart the tablet after locking it down).

.PARAMETER InstallFolder
    Where the kiosk is installed (the installer's default if not given).

.EXAMPLE
    .\kiosk-mode.ps1 -WhatIf
    Prints every change it would make on this tablet, and makes none.

.EXAMPLE
    .\kiosk-mode.ps1
    Locks the tablet down for the edition it runs. Restart the tablet afterwards.

.EXAMPLE
    .\kiosk-mode.ps1 -SetStaffPin

.EXAMPLE
    .\kiosk-mode.ps1 -Undo
#>
[CmdletBinding(SupportsShouldProcess = $true, DefaultParameterSetName = 'Apply')]
param(
    [ValidateSet('Auto', 'Pro', 'Enterprise')]
    [string]$Edition = 'Auto',

    [Parameter(ParameterSetName = 'Apply')]
    [ValidateRange(0, 23)]
    [int]$OpensAt = 7,

    [Parameter(ParameterSetName = 'Apply')]
    [ValidateRange(0, 23)]
    [int]$ClosesAt = 20,

    [Parameter(ParameterSetName = 'Undo', Mandatory = $true)]
    [switch]$Undo,

    [Parameter(ParameterSetName = 'Pin', Mandatory = $true)]
    [switch]$SetStaffPin,

    [string]$InstallFolder = (Join-Path $env:ProgramFiles 'Dry Needling Kiosk')
)

Set-StrictMode -Version 3.0
$ErrorActionPreference = 'Stop'

$ShippedFolder = '%ProgramFiles%\Dry Needling Kiosk'  # as the XML files name the kiosk
$ProAccount = 'kioskUser0'   # made by Assigned Access for <AutoLogonAccount>
$EnterpriseAccount = 'Kiosk' # made by Shell Launcher for <AutoLogonAccount>
$SettingsInProfile = 'AppData\Local\dry-needling-kiosk\settings.yaml'
$Bridge = @{ Namespace = 'root\cimv2\mdm\dmmap'; ClassName = 'MDM_AssignedAccess' }

# Machine-wide settings: path, name, value, what it does.
$MachineSettings = @(
    @('HKLM:\SOFTWARE\Policies\Microsoft\Windows\EdgeUI', 'AllowEdgeSwipe', 0,
      'no edge swipes (Action Center, widgets, task view) over the kiosk'),
    @('HKLM:\SOFTWARE\Microsoft\Windows\Windows Error Reporting', 'DontShowUI', 1,
      'no crash dialog waiting for a tap: the kiosk starts again at once, the minidump is still kept')
)
$UpdateSettings = @(
    @('HKLM:\SOFTWARE\Policies\Microsoft\Windows\WindowsUpdate', 'SetActiveHours', 1,
      'Windows Update keeps to active hours'),
    @('HKLM:\SOFTWARE\Policies\Microsoft\Windows\WindowsUpdate', 'ActiveHoursStart', $OpensAt,
      "no update restarts from $($OpensAt):00"),
    @('HKLM:\SOFTWARE\Policies\Microsoft\Windows\WindowsUpdate', 'ActiveHoursEnd', $ClosesAt,
      "until $($ClosesAt):00")
)
# The kiosk account's own settings (relative to its registry hive).
$AccountSettings = @(
    @('Software\Microsoft\Wisp\Touch', 'TouchMode_hold', 0,
      'no right click when a finger rests on the screen (press and hold)'),
    @('Software\Microsoft\TabletTip\1.7', 'EnableDesktopModeAutoInvoke', 0,
      "the touch keyboard doesn't open by itself: the kiosk has its own PIN pad"),
    @('Software\Policies\Microsoft\Windows\CurrentVersion\PushNotifications', 'NoToastApplicationNotification', 1,
      'no notifications over the kiosk')
)

function Invoke-Change {
    # Every change the script makes goes through here: -WhatIf prints it instead.
    param([string]$Target, [string]$Action, [scriptblock]$Change)
    if ($PSCmdlet.ShouldProcess($Target, $Action)) {
        & $Change
        Write-Host "done: $Action ($Target)"
    }
}

function Test-Administrator {
    $identity = [Security.Principal.WindowsIdentity]::GetCurrent()
    $principal = New-Object Security.Principal.WindowsPrincipal($identity)
    return $principal.IsInRole([Security.Principal.WindowsBuiltInRole]::Administrator)
}

function Get-KioskEdition {
    if ($Edition -ne 'Auto') { return $Edition }
    $id = (Get-ItemProperty -Path 'HKLM:\SOFTWARE\Microsoft\Windows NT\CurrentVersion' -Name EditionID).EditionID
    if ($id -like 'Enterprise*' -or $id -like 'Education*' -or $id -like 'IoTEnterprise*') { return 'Enterprise' }
    if ($id -like 'Professional*') { return 'Pro' }
    throw "This is Windows $id. The kiosk needs Windows 10 or 11 Pro (Assigned Access) or Enterprise, Education or IoT Enterprise (Shell Launcher); Home has neither."
}

function Get-KioskXml {
    param([string]$Name)
    $text = [IO.File]::ReadAllText((Join-Path $PSScriptRoot $Name))
    return $text.Replace($ShippedFolder, $InstallFolder)
}

function Write-RegistryValue {
    param([string]$Key, [string]$ValueName, [int]$Data, [string]$Why)
    $current = Get-ItemProperty -Path $Key -Name $ValueName -ErrorAction SilentlyContinue
    if ($null -ne $current -and $current.$ValueName -eq $Data) {
        Write-Host "already set: $Why ($Key\$ValueName = $Data)"
        return
    }
    Invoke-Change -Target "$Key\$ValueName" -Action "set to $($Data): $Why" -Change {
        if (-not (Test-Path -Path $Key)) { New-Item -Path $Key -Force | Out-Null }
        New-ItemProperty -Path $Key -Name $ValueName -Value $Data -PropertyType DWord -Force | Out-Null
    }
}

function Clear-RegistryValue {
    param([string]$Key, [string]$ValueName, [string]$Why)
    if ($null -eq (Get-ItemProperty -Path $Key -Name $ValueName -ErrorAction SilentlyContinue)) {
        Write-Host "already gone: $Why ($Key\$ValueName)"
        return
    }
    Invoke-Change -Target "$Key\$ValueName" -Action "remove: $Why" -Change {
        Remove-ItemProperty -Path $Key -Name $ValueName -Force
    }
}

function Invoke-AsSystem {
    # The MDM bridge answers only the SYSTEM account: run one command as SYSTEM, once.
    param([string]$Command)
    if ([Security.Principal.WindowsIdentity]::GetCurrent().IsSystem) {
        & ([scriptblock]::Create($Command))
        return
    }
    $work = Join-Path $env:ProgramData 'dry-needling-kiosk\kiosk-mode'
    New-Item -ItemType Directory -Path $work -Force | Out-Null
    $scriptFile = Join-Path $work 'as-system.ps1'
    $result = Join-Path $work 'as-system.result.txt'
    Remove-Item -Path $result -ErrorAction SilentlyContinue
    $body = "`$ErrorActionPreference = 'Stop'`r`ntry { $Command; 'ok' | Set-Content -Path '$result' } " +
            "catch { `$_.Exception.Message | Set-Content -Path '$result' }"
    Set-Content -Path $scriptFile -Value $body -Encoding UTF8
    $name = 'Dry Needling Kiosk - apply kiosk mode'
    $action = New-ScheduledTaskAction -Execute 'powershell.exe' -Argument "-NoProfile -ExecutionPolicy Bypass -File `"$scriptFile`""
    $principal = New-ScheduledTaskPrincipal -UserId 'SYSTEM' -LogonType ServiceAccount -RunLevel Highest
    Register-ScheduledTask -TaskName $name -Action $action -Principal $principal -Force | Out-Null
    try {
        Start-ScheduledTask -TaskName $name
        $deadline = (Get-Date).AddMinutes(3)
        while (-not (Test-Path -Path $result) -and (Get-Date) -lt $deadline) { Start-Sleep -Seconds 1 }
    } finally {
        Unregister-ScheduledTask -TaskName $name -Confirm:$false
    }
    $said = if (Test-Path -Path $result) { (Get-Content -Path $result -Raw).Trim() } else { 'no answer in 3 minutes' }
    Remove-Item -Path $work -Recurse -Force
    if ($said -ne 'ok') { throw "Windows refused the kiosk configuration: $said" }
}

function Write-BridgeProperty {
    # Property: Configuration (Assigned Access) or ShellLauncher; an empty Xml clears it.
    param([string]$Property, [string]$Xml)
    $file = Join-Path $env:ProgramData "dry-needling-kiosk\$Property.xml"
    New-Item -ItemType Directory -Path (Split-Path -Parent $file) -Force | Out-Null
    [IO.File]::WriteAllText($file, $Xml)
    $value = if ($Xml) { "[System.Net.WebUtility]::HtmlEncode([IO.File]::ReadAllText('$file'))" } else { '$null' }
    Invoke-AsSystem -Command ("`$o = Get-CimInstance -Namespace '$($Bridge.Namespace)' -ClassName '$($Bridge.ClassName)'; " +
                              "`$o.$Property = $value; Set-CimInstance -CimInstance `$o")
    Remove-Item -Path $file -Force
}

function Find-KioskProfile {
    foreach ($account in @($ProAccount, $EnterpriseAccount)) {
        $found = Get-CimInstance -ClassName Win32_UserProfile |
            Where-Object { $_.LocalPath -and (Split-Path -Leaf $_.LocalPath) -eq $account } |
            Select-Object -First 1
        if ($found) { return $found }
    }
    return $null
}

function Get-AccountHive {
    # The Default profile (accounts made later start from it) and the kiosk account's own, if made.
    $hives = @(@{ Label = 'the Default profile (new accounts start from it)'; Name = 'KioskDefaultProfile';
                  File = Join-Path $env:SystemDrive 'Users\Default\NTUSER.DAT'; Loaded = $null })
    $kiosk = Find-KioskProfile
    if ($kiosk) {
        $loaded = "Registry::HKEY_USERS\$($kiosk.SID)"
        $hives += @{ Label = "the kiosk account ($(Split-Path -Leaf $kiosk.LocalPath))"; Name = 'KioskAccount';
                     File = Join-Path $kiosk.LocalPath 'NTUSER.DAT'; Loaded = $(if (Test-Path $loaded) { $loaded }) }
    }
    return $hives
}

function Write-AccountSetting {
    param([bool]$Remove)
    foreach ($hive in Get-AccountHive) {
        $root = if ($hive.Loaded) { $hive.Loaded } else { "Registry::HKEY_USERS\$($hive.Name)" }
        foreach ($setting in $AccountSettings) {
            $what = if ($Remove) { "remove: $($setting[3])" } else { "set $($setting[1]) to $($setting[2]): $($setting[3])" }
            Invoke-Change -Target $hive.Label -Action $what -Change {
                Mount-Hive -Hive $hive
                $key = "$root\$($setting[0])"
                if ($Remove) {
                    Remove-ItemProperty -Path $key -Name $setting[1] -Force -ErrorAction SilentlyContinue
                } else {
                    if (-not (Test-Path -Path $key)) { New-Item -Path $key -Force | Out-Null }
                    New-ItemProperty -Path $key -Name $setting[1] -Value $setting[2] -PropertyType DWord -Force | Out-Null
                }
            }
        }
        Dismount-Hive -Hive $hive
    }
}

function Mount-Hive {
    param([hashtable]$Hive)
    if ($Hive.Loaded -or (Test-Path "Registry::HKEY_USERS\$($Hive.Name)")) { return }
    & reg.exe load "HKU\$($Hive.Name)" $Hive.File | Out-Null
    if ($LASTEXITCODE -ne 0) { throw "can't open the settings of $($Hive.Label) ($($Hive.File))" }
}

function Dismount-Hive {
    param([hashtable]$Hive)
    if ($Hive.Loaded -or -not (Test-Path "Registry::HKEY_USERS\$($Hive.Name)")) { return }
    [GC]::Collect()  # PowerShell's own handles on the hive go first, or it can't be unloaded
    [GC]::WaitForPendingFinalizers()
    Invoke-Change -Target $Hive.Label -Action 'close its settings again' -Change {
        & reg.exe unload "HKU\$($Hive.Name)" | Out-Null
    }
}

function Enable-Kiosk {
    $kioskExe = Join-Path $InstallFolder 'kiosk.exe'
    if (-not (Test-Path -Path $kioskExe)) {
        if (-not $WhatIfPreference) { throw "The kiosk isn't installed in $($InstallFolder): run its installer first." }
        Write-Warning "The kiosk isn't installed in $InstallFolder yet."
    }
    $kind = Get-KioskEdition
    $windows11 = [Environment]::OSVersion.Version.Build -ge 22000
    if ($kind -eq 'Pro') {
        $file = if ($windows11) { 'kiosk-pro-windows11.xml' } else { 'kiosk-pro-windows10.xml' }
        Invoke-Change -Target 'Assigned Access' -Action "apply $file (account $ProAccount, the kiosk its only app, restarted by --supervise)" -Change {
            Write-BridgeProperty -Property 'Configuration' -Xml (Get-KioskXml -Name $file)
        }
    } else {
        try {
            $state = (Get-WindowsOptionalFeature -Online -FeatureName 'Client-EmbeddedShellLauncher').State
        } catch {
            $state = 'unknown (reading Windows features needs administrator rights)'
        }
        if ($state -eq 'Enabled') {
            Write-Host 'already set: Shell Launcher is turned on'
        } else {
            Invoke-Change -Target 'Windows features' -Action 'turn on Shell Launcher (Client-EmbeddedShellLauncher)' -Change {
                Enable-WindowsOptionalFeature -Online -FeatureName 'Client-EmbeddedShellLauncher' -All -NoRestart | Out-Null
            }
        }
        Invoke-Change -Target 'Shell Launcher' -Action "apply kiosk-enterprise.xml (account $EnterpriseAccount, the kiosk as its shell, restarted unless exit code 10)" -Change {
            Write-BridgeProperty -Property 'ShellLauncher' -Xml (Get-KioskXml -Name 'kiosk-enterprise.xml')
        }
    }
    foreach ($setting in $MachineSettings + $UpdateSettings) {
        Write-RegistryValue -Key $setting[0] -ValueName $setting[1] -Data $setting[2] -Why $setting[3]
    }
    Write-AccountSetting -Remove $false
    Write-Host 'Restart the tablet: it signs the kiosk account in and starts the kiosk.'
    Write-Host 'Then set the staff PIN: .\kiosk-mode.ps1 -SetStaffPin'
}

function Disable-Kiosk {
    $kind = Get-KioskEdition
    $property = if ($kind -eq 'Pro') { 'Configuration' } else { 'ShellLauncher' }
    Invoke-Change -Target $(if ($kind -eq 'Pro') { 'Assigned Access' } else { 'Shell Launcher' }) -Action 'remove the kiosk configuration' -Change {
        Write-BridgeProperty -Property $property -Xml ''
    }
    foreach ($setting in $MachineSettings + $UpdateSettings) {
        Clear-RegistryValue -Key $setting[0] -ValueName $setting[1] -Why $setting[3]
    }
    Write-AccountSetting -Remove $true
    Write-Host 'Restart the tablet. If the kiosk account is still listed in Settings, Accounts, remove it there.'
}

function Invoke-StaffPinSetup {
    $kiosk = Find-KioskProfile
    if (-not $kiosk) {
        throw "The kiosk account hasn't signed in yet: restart the tablet once after locking it down, then run this again."
    }
    $settings = Join-Path $kiosk.LocalPath $SettingsInProfile
    $console = Join-Path $InstallFolder 'kiosk-console.exe'
    Invoke-Change -Target $settings -Action 'set the staff PIN (you are asked for it twice)' -Change {
        & $console --set-pin --config $settings
        if ($LASTEXITCODE -ne 0) { throw 'The staff PIN was not set (see the message above).' }
    }
}

if (-not $WhatIfPreference -and -not (Test-Administrator)) {
    throw 'Run this in Windows PowerShell opened with "Run as administrator".'
}
if ($Undo) {
    Disable-Kiosk
} elseif ($SetStaffPin) {
    Invoke-StaffPinSetup
} else {
    Enable-Kiosk
}
