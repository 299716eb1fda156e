"""The kiosk-mode files IT applies: both XML formats pass the check written from Microsoft's
documented structure (and the check catches what the schemas forbid), they agree with the
installer and the kiosk's exit codes, and the PowerShell script parses as Windows PowerShell 5.1
with every change under -WhatIf."""

import importlib.util
import json
import re
import sys
import xml.etree.ElementTree as ET

import pytest

from kiosk.system import exitcodes, supervisor
from tests.conftest import REPO

WINDOWS = REPO / "packaging" / "windows"
PRO = (WINDOWS / "kiosk-pro-windows11.xml", WINDOWS / "kiosk-pro-windows10.xml")
ENTERPRISE = WINDOWS / "kiosk-enterprise.xml"
SCRIPT = WINDOWS / "kiosk-mode.ps1"
AA = "{http://schemas.microsoft.com/AssignedAccess/2017/config}"
RS5 = "{http://schemas.microsoft.com/AssignedAccess/201810/config}"
SL = "{http://schemas.microsoft.com/ShellLauncher/2018/Configuration}"
CONSOLE_ONLY = {129, 130, 149}  # kiosk.exe, the shell, has no console or terminal to end it so


def load(name):
    spec = importlib.util.spec_from_file_location(name, WINDOWS / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module  # dataclasses look their module up there
    spec.loader.exec_module(module)
    return module


xml_check = load("check_kiosk_xml")
ps_check = load("check_powershell")


@pytest.mark.parametrize("path", [*PRO, ENTERPRISE], ids=lambda p: p.name)
def test_each_file_has_the_documented_structure(path):
    assert xml_check.check_file(path) == []


def broken(tmp_path, source, old, new):
    text = source.read_text(encoding="utf-8")
    assert old in text, old
    path = tmp_path / source.name
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return xml_check.check_file(path)


@pytest.mark.parametrize(("old", "new", "said"), [
    ('<Taskbar ShowTaskbar="true"/>', "", "Taskbar must appear"),
    ('<Taskbar ShowTaskbar="true"/>', '<Taskbar ShowTaskbar="yes"/>', "ShowTaskbar='yes' is not a valid value"),
    ('Id="{3B1F7C52-9E4A-4D2B-8A61-5C0E9F2D7B44}" Name', 'Id="3B1F7C52" Name', "Id='3B1F7C52' is not a valid value"),
    ('rs5:AutoLaunch="true"', 'rs5:AutoLaunch="true" Extra="1"', "'Extra' is not allowed"),
    ("</AllowedApps>", '<App DesktopAppPath="C:\\x.exe" rs5:AutoLaunch="true"/></AllowedApps>',
     "only one app may have"),
    ('<App DesktopAppPath=', '<App AppUserModelId="Some.App!App" DesktopAppPath=', "exactly one of"),
    ('<DefaultProfile Id="{3B1F7C52', '<DefaultProfile Id="{3B1F7C53', "names no profile"),
    ("<Configs>", "<Configs><Config/>", "must appear"),
])
def test_the_check_refuses_what_the_assigned_access_schema_forbids(tmp_path, old, new, said):
    mistakes = broken(tmp_path, PRO[0], old, new)
    assert any(said in mistake for mistake in mistakes), mistakes


def test_order_matters_where_the_schema_says_sequence(tmp_path):
    text = PRO[0].read_text(encoding="utf-8")
    pins = re.search(r"\s*<v5:StartPins>.*?</v5:StartPins>", text, re.DOTALL).group(0)
    path = tmp_path / "reordered.xml"
    path.write_text(text.replace(pins, "").replace('<Taskbar ShowTaskbar="true"/>',
                                                   '<Taskbar ShowTaskbar="true"/>' + pins), encoding="utf-8")
    assert any("out of order" in mistake for mistake in xml_check.check_file(path))


@pytest.mark.parametrize(("old", "new", "said"), [
    ('<DefaultAction Action="RestartShell"/>\n      </Shell>\n    </Profile>',
     '<DefaultAction Action="Restart"/>\n      </Shell>\n    </Profile>', "Action='Restart' is not a valid value"),
    ('<ReturnCodeAction ReturnCode="4"', '<ReturnCodeAction ReturnCode="10"', "appears twice"),
    ('ReturnCode="143"', 'ReturnCode="one"', "is not a valid value"),
    ("</ReturnCodeActions>", '<ReturnCodeAction ReturnCode="1" Action="DoNothing"/>'
                             '<ReturnCodeAction ReturnCode="2" Action="DoNothing"/></ReturnCodeActions>',
     "appears too often"),
    ("<AutoLogonAccount/>", '<AutoLogonAccount HiddenId="{00000000-0000-0000-0000-000000000000}"/>', "HiddenId"),
    ('<Profile Id="{8E2C4A17-6B3D-4F95-A0C8-1D7E5B9F3A62}"/>', '<Profile Id="{8E2C4A17-6B3D-4F95-A0C8-1D7E5B9F3A63}"/>',
     "names no profile"),
])
def test_the_check_refuses_what_the_shell_launcher_schema_forbids(tmp_path, old, new, said):
    mistakes = broken(tmp_path, ENTERPRISE, old, new)
    assert any(said in mistake for mistake in mistakes), mistakes


def test_not_well_formed_or_another_format_is_refused(tmp_path):
    (tmp_path / "half.xml").write_text("<AssignedAccessConfiguration>", encoding="utf-8")
    (tmp_path / "other.xml").write_text("<Something/>", encoding="utf-8")
    assert "not well-formed" in xml_check.check_file(tmp_path / "half.xml")[0]
    assert "neither" in xml_check.check_file(tmp_path / "other.xml")[0]


def test_shell_launcher_restarts_after_everything_but_the_codes_that_must_not_restart():
    shell = ET.parse(ENTERPRISE).getroot().find(f"{SL}Profiles/{SL}Profile/{SL}Shell")
    stays = {int(action.get("ReturnCode")) for action in shell.iter(f"{SL}ReturnCodeAction")
             if action.get("Action") == "DoNothing"}
    assert shell.find(f"{SL}DefaultAction").get("Action") == "RestartShell"
    assert {exitcodes.STAFF_EXIT, exitcodes.ALREADY_RUNNING} <= stays <= exitcodes.NO_RESTART
    assert exitcodes.NO_RESTART - stays <= CONSOLE_ONLY


def installed_kiosk():
    """Where the installer puts kiosk.exe, as the kiosk files write it (%ProgramFiles%)."""
    iss = (REPO / "packaging" / "kiosk.iss").read_text(encoding="utf-8")
    folder = re.search(r"^DefaultDirName=\{autopf\}\\(.+)$", iss, re.MULTILINE).group(1)
    group = re.search(r"^DefaultGroupName=(.+)$", iss, re.MULTILINE).group(1)
    supervised = re.search(r'^Name: "\{group\}\\([^"]+)"; Filename: "\{app\}\\kiosk.exe"; Parameters: "--supervise"',
                           iss, re.MULTILINE).group(1)
    return f"%ProgramFiles%\\{folder}\\kiosk.exe", f"{group}\\{supervised}.lnk"


@pytest.mark.parametrize("path", PRO, ids=lambda p: p.name)
def test_assigned_access_auto_launches_the_installed_kiosk_under_its_supervisor(path):
    kiosk, shortcut = installed_kiosk()
    root = ET.parse(path).getroot()
    (app,) = root.iter(f"{AA}App")
    assert app.get("DesktopAppPath") == kiosk
    assert app.get(f"{RS5}AutoLaunch") == "true" and app.get(f"{RS5}AutoLaunchArguments") == supervisor.FLAG
    assert root.find(f".//{AA}AutoLogonAccount") is not None, "Windows' own account: no password to keep"
    start = root.find(".//{http://schemas.microsoft.com/AssignedAccess/2022/config}StartPins")
    layout = root.find(f".//{AA}StartLayout")
    pinned = json.loads(start.text)["pinnedList"][0]["desktopAppLink"] if start is not None else layout.text
    assert shortcut in pinned, "the Start menu offers the supervised kiosk, the installer's shortcut"


def test_shell_launcher_runs_the_installed_kiosk():
    kiosk, _ = installed_kiosk()
    shell = ET.parse(ENTERPRISE).getroot().find(f"{SL}Profiles/{SL}Profile/{SL}Shell")
    assert shell.get("Shell") == kiosk, "Shell Launcher restarts it itself: no --supervise"


def test_the_script_parses_as_windows_powershell_and_covers_every_change_with_whatif():
    mistakes, changes = ps_check.check(SCRIPT)
    assert mistakes == []
    text = "\n".join(changes)
    for file in ("kiosk-pro-windows11.xml", "kiosk-enterprise.xml"):
        assert file in SCRIPT.read_text(encoding="ascii")
    assert "Assigned Access" in text and "Shell Launcher" in text and "staff PIN" in text
    settings = SCRIPT.read_text(encoding="ascii")
    for value in ("AllowEdgeSwipe", "TouchMode_hold", "EnableDesktopModeAutoInvoke", "DontShowUI", "ActiveHoursStart"):
        assert value in settings


@pytest.mark.parametrize(("old", "new", "said"), [
    ("Set-StrictMode -Version 3.0", "Set-StrictMode -Version 3.0; Get-Date && Get-Date", "'&&'"),
    ("Set-StrictMode -Version 3.0", "Set-StrictMode -Version 3.0; $a = $b ?? 1", "'??'"),
    ("Set-StrictMode -Version 3.0", 'Set-StrictMode -Version 3.0; Write-Host "at $InstallFolder: now"',
     'read as a drive'),
    ("Set-StrictMode -Version 3.0", "Set-StrictMode -Version 3.0 # caf\u00e9", "not ASCII"),
    ("Set-StrictMode -Version 3.0", "Set-StrictMode -Version 3.0\nfunction Broken { if ($x) {", "never closed"),
    ("    Enable-Kiosk\n}", "    Enable-Kiosk\n}\n$s = 'unended", "never closed"),
    ("Set-StrictMode -Version 3.0", "Set-StrictMode -Version 3.0\nfunction Do-Thing { }", "approved verbs"),
    ("Set-StrictMode -Version 3.0", "Set-StrictMode -Version 3.0\nfunction Set-Thing { }", "SupportsShouldProcess"),
    ("Set-StrictMode -Version 3.0", "Set-StrictMode -Version 3.0\nRemove-Item -Path C:\\x", "outside Invoke-Change"),
    ("    Invoke-Change -Target \"$Key\\$ValueName\" -Action \"remove: $Why\" -Change {\n"
     "        Remove-ItemProperty -Path $Key -Name $ValueName -Force\n    }",
     "    Remove-ItemProperty -Path $Key -Name $ValueName -Force", "outside Invoke-Change"),
    ("#Requires -Version 5.1", "", "#Requires"),
    ("[CmdletBinding(SupportsShouldProcess = $true, ", "[CmdletBinding(", "-WhatIf would not work"),
    ("Set-StrictMode -Version 3.0", "Set-StrictMode -Version 3.0\nEnable-Kiosk", "before it is defined"),
])
def test_the_powershell_check_catches_what_would_break_on_a_tablet(tmp_path, old, new, said):
    text = SCRIPT.read_text(encoding="ascii")
    assert old in text, old
    path = tmp_path / "kiosk-mode.ps1"
    path.write_bytes(text.replace(old, new, 1).encode("utf-8"))
    mistakes, _ = ps_check.check(path)
    assert any(said in mistake for mistake in mistakes), mistakes


def test_strings_comments_and_here_strings_are_not_read_as_code(tmp_path):
    path = tmp_path / "fine.ps1"
    path.write_text("#Requires -Version 5.1\n[CmdletBinding(SupportsShouldProcess = $true)]\nparam()\n"
                    "# a comment with && and { unbalanced\n<# block ?? comment ( #>\n"
                    "$a = 'it''s { fine'\n$b = \"a `\" quote and $($a.Length) and $env:TEMP\"\n"
                    "$c = @'\nhere { && \"\n'@\n$d = @\"\nvalue $($a)\n\"@\nWrite-Output $a $b $c $d\n",
                    encoding="ascii")
    assert ps_check.check(path) == ([], [])
