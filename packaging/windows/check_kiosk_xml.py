"""Check the kiosk-mode XML files against the structure Microsoft documents for them.

    python packaging/windows/check_kiosk_xml.py packaging/windows/kiosk-*.xml

Microsoft publishes the Assigned Access and Shell Launcher schemas as XSD text inside its
documentation pages ("Assigned Access XML Schema Definition", "Shell Launcher XML Schema
Definition"); they are not shipped as files under a licence that lets us vendor them here. So
this is a check written from that documented structure, element by element: which elements may
appear where and in which order, how often, which attributes each takes (no others), their types
(GUIDs in braces, booleans, the action names, integers), and the schemas' uniqueness rules (one
auto-launched app, no duplicate profile ids or return codes, an app names a UWP app or a desktop
path, never both). It adds what the schemas leave to prose: a config's profile id must name a
profile in the file, and Shell Launcher takes at most four return codes. Exit 0 when every file
passes, 1 with one line per mistake otherwise.
"""

from __future__ import annotations

import re
import sys
import xml.etree.ElementTree as ET
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

AA = "http://schemas.microsoft.com/AssignedAccess/2017/config"
RS5 = "http://schemas.microsoft.com/AssignedAccess/201810/config"
V3 = "http://schemas.microsoft.com/AssignedAccess/2020/config"
V4 = "http://schemas.microsoft.com/AssignedAccess/2021/config"
V5 = "http://schemas.microsoft.com/AssignedAccess/2022/config"
SL = "http://schemas.microsoft.com/ShellLauncher/2018/Configuration"
SL2 = "http://schemas.microsoft.com/ShellLauncher/2019/Configuration"

GUID = re.compile(r"\{[0-9a-fA-F]{8}-([0-9a-fA-F]{4}-){3}[0-9a-fA-F]{12}\}\Z")
ACTIONS = ("RestartShell", "RestartDevice", "ShutdownDevice", "DoNothing")
MOST_RETURN_CODES = 4  # "at most four custom actions mapping to four exit codes"

Check = Callable[[str], bool]


def text(_: str) -> bool:
    return True


def guid(value: str) -> bool:
    return bool(GUID.match(value))


def boolean(value: str) -> bool:
    return value in ("true", "false", "1", "0")


def integer(value: str) -> bool:
    return bool(re.fullmatch(r"[+-]?[0-9]+", value.strip()))


def one_of(*choices: str) -> Check:
    return lambda value: value in choices


@dataclass(frozen=True)
class Element:
    """An element's attributes ({name: (check, required)}) and its children: a sequence of
    (names, least, most), where ``names`` are the elements that may stand at that place."""

    attributes: dict[str, tuple[Check, bool]] = field(default_factory=dict)
    children: tuple[tuple[tuple[str, ...], int, int], ...] = ()
    any_order: bool = False  # xs:all
    text: bool = False  # character data allowed (a CDATA layout)


def q(namespace: str, name: str) -> str:
    return f"{{{namespace}}}{name}"


MANY = 10_000
ASSIGNED_ACCESS: dict[str, Element] = {
    q(AA, "AssignedAccessConfiguration"): Element(
        children=(((q(AA, "Profiles"),), 1, 1), ((q(AA, "Configs"),), 1, 1)), any_order=True),
    q(AA, "Profiles"): Element(children=(((q(AA, "Profile"),), 1, MANY),)),
    q(AA, "Profile"): Element(
        attributes={"Id": (guid, True), "Name": (text, False)},
        # The restricted user experience; the other choice (KioskModeApp) is a one-app kiosk for
        # UWP apps and Edge, which a desktop program can't be.
        children=(((q(AA, "AllAppsList"),), 1, 1), ((q(RS5, "FileExplorerNamespaceRestrictions"),), 0, 1),
                  ((q(AA, "StartLayout"),), 0, 1), ((q(V5, "StartPins"),), 0, 1), ((q(AA, "Taskbar"),), 1, 1),
                  ((q(V5, "TaskbarLayout"),), 0, 1))),
    q(AA, "AllAppsList"): Element(children=(((q(AA, "AllowedApps"),), 1, 1),)),
    q(AA, "AllowedApps"): Element(children=(((q(AA, "App"),), 1, MANY),)),
    q(AA, "App"): Element(attributes={"AppUserModelId": (text, False), "DesktopAppPath": (text, False),
                                      q(RS5, "AutoLaunch"): (boolean, False),
                                      q(RS5, "AutoLaunchArguments"): (text, False)}),
    q(RS5, "FileExplorerNamespaceRestrictions"): Element(
        children=(((q(RS5, "AllowedNamespace"), q(V3, "AllowRemovableDrives"), q(V3, "NoRestriction")), 0, 2),)),
    q(RS5, "AllowedNamespace"): Element(attributes={"Name": (one_of("Downloads"), True)}),
    q(V3, "AllowRemovableDrives"): Element(),
    q(V3, "NoRestriction"): Element(),
    q(AA, "StartLayout"): Element(text=True),
    q(V5, "StartPins"): Element(text=True),
    q(V5, "TaskbarLayout"): Element(text=True),
    q(AA, "Taskbar"): Element(attributes={"ShowTaskbar": (boolean, True)}),
    q(AA, "Configs"): Element(children=(((q(V3, "GlobalProfile"),), 0, 1), ((q(AA, "Config"),), 0, MANY))),
    q(V3, "GlobalProfile"): Element(attributes={"Id": (guid, False)}),
    q(AA, "Config"): Element(children=(
        ((q(AA, "Account"), q(AA, "AutoLogonAccount"), q(AA, "UserGroup"), q(AA, "SpecialGroup")), 1, 1),
        ((q(AA, "DefaultProfile"),), 1, 1))),
    q(AA, "Account"): Element(text=True),
    q(AA, "AutoLogonAccount"): Element(attributes={
        "HiddenId": (one_of("{74331115-F68A-4DF9-8D2C-52BA2CE2ADB1}"), False), q(RS5, "DisplayName"): (text, False)}),
    q(AA, "UserGroup"): Element(attributes={
        "Name": (text, True),
        "Type": (one_of("LocalGroup", "ActiveDirectoryGroup", "AzureActiveDirectoryGroup"), True)}),
    q(AA, "SpecialGroup"): Element(attributes={"Name": (one_of("Visitor", "DeviceOwner"), True)}),
    q(AA, "DefaultProfile"): Element(attributes={"Id": (guid, True)}),
}

SHELL_ATTRIBUTES: dict[str, tuple[Check, bool]] = {
    q(SL2, "AppType"): (one_of("UWP", "Desktop"), False), q(SL2, "AllAppsFullScreen"): (boolean, False)}
SHELL_LAUNCHER: dict[str, Element] = {
    q(SL, "ShellLauncherConfiguration"): Element(
        children=(((q(SL, "Profiles"),), 1, 1), ((q(SL, "Configs"),), 0, 1))),
    q(SL, "Profiles"): Element(children=(((q(SL, "DefaultProfile"), q(SL, "Profile")), 1, 1),
                                         ((q(SL, "Profile"),), 0, MANY))),
    q(SL, "DefaultProfile"): Element(children=(((q(SL, "Shell"),), 1, 1),)),
    q(SL, "Profile"): Element(attributes={"Id": (guid, True), "Name": (text, False)},
                              children=(((q(SL, "Shell"),), 1, 1),)),
    q(SL, "Shell"): Element(attributes={"Shell": (text, True), **SHELL_ATTRIBUTES},
                            children=(((q(SL, "ReturnCodeActions"),), 0, 1), ((q(SL, "DefaultAction"),), 0, 1)),
                            any_order=True),
    q(SL, "ReturnCodeActions"): Element(children=(((q(SL, "ReturnCodeAction"),), 1, MOST_RETURN_CODES),)),
    q(SL, "ReturnCodeAction"): Element(attributes={"ReturnCode": (integer, True), "Action": (one_of(*ACTIONS), True)}),
    q(SL, "DefaultAction"): Element(attributes={"Action": (one_of(*ACTIONS), True)}),
    q(SL, "Configs"): Element(children=(((q(SL, "Config"),), 0, MANY),)),
    q(SL, "Config"): Element(children=(((q(SL, "Account"), q(SL, "AutoLogonAccount")), 1, 1),
                                       ((q(SL, "Profile"),), 1, 1))),
    q(SL, "Account"): Element(attributes={"Name": (text, False), "Sid": (text, False)}),
    q(SL, "AutoLogonAccount"): Element(attributes={
        "HiddenId": (one_of("{50021E57-1CE4-49DF-99A9-8DB659E2C2DD}"), False)}),
}
# Inside Config, Shell Launcher's Profile is a reference: an Id and nothing else.
SHELL_LAUNCHER_PROFILE_REFERENCE = Element(attributes={"Id": (guid, True)})


def short(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


class Checker:
    def __init__(self, source: str, rules: dict[str, Element]):
        self.source = source
        self.rules = rules
        self.mistakes: list[str] = []

    def fail(self, where: str, message: str) -> None:
        self.mistakes.append(f"{self.source}: {where}: {message}")

    def element(self, node: ET.Element, path: str, rule: Element) -> None:
        for name, value in node.attrib.items():
            if name not in rule.attributes:
                self.fail(path, f"attribute {short(name)!r} is not allowed here")
            elif not rule.attributes[name][0](value):
                self.fail(path, f"attribute {short(name)}={value!r} is not a valid value")
        for name, (_, required) in rule.attributes.items():
            if required and name not in node.attrib:
                self.fail(path, f"attribute {short(name)!r} is required")
        if not rule.text and (node.text or "").strip():
            self.fail(path, "text is not allowed here")
        children = list(node)
        for child in children:
            if (child.tail or "").strip():
                self.fail(path, "text is not allowed between elements")
        self.sequence(children, path, rule)
        for child in children:
            child_rule = self.rules.get(child.tag)
            if node.tag == q(SL, "Config") and child.tag == q(SL, "Profile"):
                child_rule = SHELL_LAUNCHER_PROFILE_REFERENCE
            if child_rule is not None:
                self.element(child, f"{path}/{short(child.tag)}", child_rule)

    def sequence(self, children: Sequence[ET.Element], path: str, rule: Element) -> None:
        allowed = {name for names, _, _ in rule.children for name in names}
        for child in children:
            if child.tag not in allowed:
                self.fail(path, f"element {child.tag} is not allowed here")
        known = [child for child in children if child.tag in allowed]
        if rule.any_order:
            for names, least, most in rule.children:
                count = sum(1 for child in known if child.tag in names)
                if not least <= count <= most:
                    self.fail(path, f"{'/'.join(map(short, names))} must appear {_times(least, most)}, not {count}")
            return
        position = 0
        for names, least, most in rule.children:
            count = 0
            while position < len(known) and known[position].tag in names and count < most:
                position += 1
                count += 1
            if count < least:
                self.fail(path, f"{'/'.join(map(short, names))} must appear {_times(least, most)} at this place")
        for child in known[position:]:
            self.fail(path, f"element {short(child.tag)} is out of order or appears too often")


def _times(least: int, most: int) -> str:
    if most >= MANY:
        return f"at least {least} time(s)"
    return f"exactly {least} time(s)" if least == most else f"{least} to {most} time(s)"


def check_file(path: Path) -> list[str]:
    try:
        root = ET.parse(path).getroot()
    except ET.ParseError as exc:
        return [f"{path}: not well-formed XML ({exc})"]
    if root.tag == q(AA, "AssignedAccessConfiguration"):
        checker = Checker(str(path), ASSIGNED_ACCESS)
        checker.element(root, short(root.tag), ASSIGNED_ACCESS[root.tag])
        _assigned_access_rules(checker, root)
    elif root.tag == q(SL, "ShellLauncherConfiguration"):
        checker = Checker(str(path), SHELL_LAUNCHER)
        checker.element(root, short(root.tag), SHELL_LAUNCHER[root.tag])
        _shell_launcher_rules(checker, root)
    else:
        return [f"{path}: the root element {root.tag} is neither Assigned Access's nor Shell Launcher's"]
    return checker.mistakes


def _assigned_access_rules(checker: Checker, root: ET.Element) -> None:
    ids = [profile.get("Id", "") for profile in root.iter(q(AA, "Profile"))]
    if len(set(map(str.upper, ids))) != len(ids):
        checker.fail("Profiles", "two profiles have the same Id")
    for apps in root.iter(q(AA, "AllowedApps")):
        launched = [app for app in apps if app.get(q(RS5, "AutoLaunch")) in ("true", "1")]
        if len(launched) > 1:
            checker.fail("AllowedApps", "only one app may have AutoLaunch")
        seen: set[str] = set()
        for app in apps:
            named = [app.get(name) for name in ("AppUserModelId", "DesktopAppPath") if app.get(name) is not None]
            if len(named) != 1:
                checker.fail("App", "an App needs exactly one of AppUserModelId and DesktopAppPath")
            elif named[0] in seen:
                checker.fail("App", f"{named[0]} is allowed twice")
            else:
                seen.add(str(named[0]))
            if app.get(q(RS5, "AutoLaunchArguments")) is not None and app not in launched:
                checker.fail("App", "AutoLaunchArguments without AutoLaunch")
    for reference in root.iter(q(AA, "DefaultProfile")):
        if reference.get("Id", "").upper() not in map(str.upper, ids):
            checker.fail("Config/DefaultProfile", f"Id {reference.get('Id')} names no profile in this file")


def _shell_launcher_rules(checker: Checker, root: ET.Element) -> None:
    profiles = root.find(q(SL, "Profiles"))
    ids = [profile.get("Id", "") for profile in (profiles if profiles is not None else [])
           if profile.tag == q(SL, "Profile")]
    if len(set(map(str.upper, ids))) != len(ids):
        checker.fail("Profiles", "two profiles have the same Id")
    for actions in root.iter(q(SL, "ReturnCodeActions")):
        codes = [action.get("ReturnCode", "") for action in actions]
        if len({int(code) for code in codes if integer(code)}) != len(codes):
            checker.fail("ReturnCodeActions", "a return code appears twice")
    for config in root.iter(q(SL, "Config")):
        reference = config.find(q(SL, "Profile"))
        if reference is not None and reference.get("Id", "").upper() not in map(str.upper, ids):
            checker.fail("Config/Profile", f"Id {reference.get('Id')} names no profile in this file")


def main(paths: Sequence[str]) -> int:
    mistakes = [mistake for path in paths for mistake in check_file(Path(path))]
    for mistake in mistakes:
        print(mistake)
    if not paths:
        print("usage: check_kiosk_xml.py FILE.xml ...", file=sys.stderr)
        return 2
    if not mistakes:
        print(f"kiosk XML OK: {len(paths)} file(s) match the documented Assigned Access and Shell Launcher structure")
    return 1 if mistakes else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
