"""Check the kiosk's PowerShell scripts where no PowerShell runs (this Linux machine and CI).

    python packaging/windows/check_powershell.py packaging/windows/*.ps1 [--list-changes]

PSScriptAnalyzer and the PowerShell parser need pwsh, which none of the package registries this
project may use serves (Debian has no PowerShell, npm's `pwsh` downloads it from elsewhere at
install time, PyPI's `pwsh` is a wrapper that needs it installed). So this is the floor: a
scanner written from the PowerShell language specification's lexical grammar (comments, block
comments, single- and double-quoted strings with their escapes, here-strings, subexpressions
inside strings) and these checks on the code it finds:

- the file is ASCII (Windows PowerShell 5.1 reads a file without a byte-order mark in the
  machine's ANSI code page, so any other character would change meaning);
- brackets, braces and parentheses pair up, and every string and comment ends;
- nothing of PowerShell 7 that 5.1 rejects (``&&``, ``||``, ``??``, ``?.``, the ternary ``? :``);
- ``"$name:"`` in a double-quoted string (5.1 reads it as a drive-qualified variable and refuses
  the script), unless the name is one of PowerShell's drives (``$env:``);
- ``#Requires -Version 5.1`` and ``[CmdletBinding(SupportsShouldProcess ...)]`` are there;
- functions use PowerShell's approved verbs, and none with a state-changing verb lacks
  ShouldProcess (two of PSScriptAnalyzer's rules);
- a function is defined before the script's own top-level code calls it;
- -WhatIf covers every change: each command that changes the machine (the registry, files,
  scheduled tasks, Windows features, the MDM bridge, the kiosk's --set-pin) runs only inside a
  ``-Change { ... }`` block given to ``Invoke-Change`` (which asks ShouldProcess), directly or in
  a function only ever called from such blocks.

``--list-changes`` prints what each Invoke-Change says it does: the lines -WhatIf prints. The
real -WhatIf run, and PSScriptAnalyzer itself, run on the Windows workflow's runner.
"""

from __future__ import annotations

import re
import sys
from dataclasses import dataclass, field
from pathlib import Path

DRIVES = {"env", "global", "script", "local", "private", "using", "function", "variable", "alias", "workflow"}
OPENERS = {"(": ")", "{": "}", "[": "]"}
CHANGES = ("New-Item", "New-ItemProperty", "Set-ItemProperty", "Remove-Item", "Remove-ItemProperty",
           "Set-Content", "Add-Content", "Out-File", "Set-CimInstance", "New-CimInstance", "Remove-CimInstance",
           "Register-ScheduledTask", "Unregister-ScheduledTask", "Start-ScheduledTask", "Enable-WindowsOptionalFeature",
           "Disable-WindowsOptionalFeature", "New-LocalUser", "Remove-LocalUser", "reg.exe", "WriteAllText",
           "--set-pin")
APPROVED_VERBS = {
    "Add", "Clear", "Close", "Copy", "Enter", "Exit", "Find", "Format", "Get", "Hide", "Join", "Lock", "Move",
    "New", "Open", "Optimize", "Pop", "Push", "Redo", "Remove", "Rename", "Reset", "Resize", "Search",
    "Select", "Set", "Show", "Skip", "Split", "Step", "Switch", "Undo", "Unlock", "Watch", "Connect",
    "Disconnect", "Read", "Receive", "Send", "Write", "Backup", "Checkpoint", "Compare", "Compress", "Convert",
    "ConvertFrom", "ConvertTo", "Dismount", "Edit", "Expand", "Export", "Group", "Import", "Initialize",
    "Limit", "Merge", "Mount", "Out", "Publish", "Restore", "Save", "Sync", "Unpublish", "Update", "Approve",
    "Assert", "Build", "Complete", "Confirm", "Deny", "Deploy", "Disable", "Enable", "Install", "Invoke",
    "Register", "Request", "Restart", "Resume", "Start", "Stop", "Submit", "Suspend", "Uninstall",
    "Unregister", "Wait", "Debug", "Measure", "Ping", "Repair", "Resolve", "Test", "Trace", "Block", "Grant",
    "Protect", "Revoke", "Unblock", "Unprotect", "Use",
}
STATE_CHANGING_VERBS = {"New", "Set", "Remove", "Start", "Stop", "Restart", "Reset", "Update"}


@dataclass
class Scan:
    text: str
    code: list[str]  # the text with comments and string contents blanked (newlines kept)
    pairs: dict[int, int] = field(default_factory=dict)  # opening bracket's index -> closing one's
    mistakes: list[str] = field(default_factory=list)
    strings: list[tuple[int, str]] = field(default_factory=list)  # double-quoted parts: index, text

    def line(self, index: int) -> int:
        return self.text.count("\n", 0, index) + 1

    def fail(self, index: int, message: str) -> None:
        self.mistakes.append(f"line {self.line(index)}: {message}")


class Scanner:
    def __init__(self, text: str):
        self.text = text
        self.scan = Scan(text, list(text))

    def blank(self, start: int, end: int) -> None:
        for index in range(start, min(end, len(self.text))):
            if self.text[index] != "\n":
                self.scan.code[index] = " "

    def run(self) -> Scan:
        end = self.code(0, None)
        if end < len(self.text):
            self.scan.fail(end, f"unexpected {self.text[end]!r}")
        return self.scan

    def code(self, index: int, closer: str | None) -> int:
        """Scan code from ``index`` until ``closer`` (returns the index after it) or the end."""
        text = self.text
        stack: list[tuple[str, int]] = []
        while index < len(text):
            char = text[index]
            if text.startswith("<#", index):
                end = text.find("#>", index + 2)
                if end < 0:
                    self.scan.fail(index, "a block comment <# is never closed")
                    return len(text)
                self.blank(index, end + 2)
                index = end + 2
            elif char == "#" and (index == 0 or text[index - 1] in " \t\r\n;({"):
                end = text.find("\n", index)
                end = len(text) if end < 0 else end
                self.blank(index, end)
                index = end
            elif char == "`":
                index += 2  # an escaped character (a line continuation, mostly)
            elif text.startswith(("@'", '@"'), index) and text[index + 2:index + 4].lstrip(" \t")[:1] in ("\n", "\r"):
                index = self.here_string(index)
            elif char == "'":
                index = self.single_quoted(index)
            elif char == '"':
                index = self.double_quoted(index)
            elif char in OPENERS:
                stack.append((char, index))
                index += 1
            elif char in ")}]":
                if not stack:
                    if closer == char:
                        return index + 1
                    self.scan.fail(index, f"{char!r} closes nothing")
                    return index
                opener, at = stack.pop()
                if OPENERS[opener] != char:
                    self.scan.fail(index, f"{char!r} closes {opener!r} from line {self.scan.line(at)}")
                self.scan.pairs[at] = index
                index += 1
            else:
                index += 1
        for opener, at in stack:
            self.scan.fail(at, f"{opener!r} is never closed")
        if closer is not None:
            self.scan.fail(len(text) - 1, f"a subexpression is never closed with {closer!r}")
        return index

    def single_quoted(self, index: int) -> int:
        text = self.text
        at = index + 1
        while at < len(text):
            if text[at] == "'" and text.startswith("''", at):
                at += 2
            elif text[at] == "'":
                self.blank(index + 1, at)
                return at + 1
            else:
                at += 1
        self.scan.fail(index, "a single-quoted string is never closed")
        return len(text)

    def double_quoted(self, index: int) -> int:
        text = self.text
        at = index + 1
        part_start = at
        while at < len(text):
            char = text[at]
            if char == "`" or text.startswith('""', at):
                at += 2
            elif char == '"':
                self.string_part(part_start, at)
                return at + 1
            elif text.startswith("$(", at):
                self.string_part(part_start, at)
                at = self.code(at + 2, ")")
                part_start = at
            else:
                at += 1
        self.scan.fail(index, "a double-quoted string is never closed")
        return len(text)

    def string_part(self, start: int, end: int) -> None:
        self.blank(start, end)
        self.scan.strings.append((start, self.text[start:end]))

    def here_string(self, index: int) -> int:
        quote = self.text[index + 1]
        closing = re.compile(rf"^{re.escape(quote)}@", re.MULTILINE)
        found = closing.search(self.text, index + 2)
        if found is None:
            self.scan.fail(index, f"a here-string @{quote} is never closed by {quote}@ at the start of a line")
            return len(self.text)
        body_start = self.text.index("\n", index) + 1
        if quote == '"':
            self.string_part(body_start, found.start())
        else:
            self.blank(body_start, found.start())
        return found.end()


def check(path: Path) -> tuple[list[str], list[str]]:
    """Mistakes, and what -WhatIf would print (one line per Invoke-Change)."""
    raw = path.read_bytes()
    name = str(path)
    try:
        text = raw.decode("ascii")
    except UnicodeDecodeError as exc:
        line = raw[:exc.start].count(b"\n") + 1
        return [f"{name}: line {line}: not ASCII (Windows PowerShell 5.1 would read it in the ANSI code page)"], []
    scan = Scanner(text).run()
    code = "".join(scan.code)
    for pattern, what in ((r"&&", "'&&' (PowerShell 7 only)"), (r"\|\|", "'||' (PowerShell 7 only)"),
                          (r"\?\?", "'??' (PowerShell 7 only)"), (r"\?\.", "'?.' (PowerShell 7 only)"),
                          (r"[\w)\]]\s+\?\s+[^{\s][^\n]*?\s:\s", "the ternary '? :' (PowerShell 7 only)")):
        for found in re.finditer(pattern, code):
            scan.fail(found.start(), f"{what}")
    for start, part in scan.strings:
        for found in re.finditer(r"(?<!`)\$([A-Za-z_]\w*):(?!:)", part):
            if found.group(1).lower() not in DRIVES:
                scan.fail(start + found.start(), f'"${found.group(1)}:" in a string is read as a drive; '
                                                 f'write "$({found.group(1)}):"')
    if not re.search(r"^#Requires -Version 5\.1\s*$", text, re.MULTILINE):
        scan.fail(0, "no '#Requires -Version 5.1' (the Windows PowerShell every tablet has)")
    if not re.search(r"\[CmdletBinding\(\s*SupportsShouldProcess", code):
        scan.fail(0, "no [CmdletBinding(SupportsShouldProcess = $true)]: -WhatIf would not work")
    functions = _functions(scan, code)
    _verbs(scan, functions)
    _defined_before_use(scan, code, functions)
    _changes_covered(scan, code, functions)
    listed = [f"What if: {m.group(2)} on {m.group(1)}" for m in re.finditer(
        r"Invoke-Change -Target (\S+(?: \S+)*?) -Action (\"[^\"\n]*\"|'[^'\n]*'|\S+)", text)]
    return [f"{name}: {mistake}" for mistake in scan.mistakes], listed


def _functions(scan: Scan, code: str) -> dict[str, tuple[int, int]]:
    found = {}
    for match in re.finditer(r"\bfunction\s+([\w-]+)\s*\{", code, re.IGNORECASE):
        brace = match.end() - 1
        found[match.group(1)] = (match.start(), scan.pairs.get(brace, len(code)))
    return found


def _verbs(scan: Scan, functions: dict[str, tuple[int, int]]) -> None:
    for name, (start, end) in functions.items():
        verb = name.split("-", 1)[0]
        if "-" not in name or verb not in APPROVED_VERBS:
            scan.fail(start, f"function {name}: '{verb}' is not one of PowerShell's approved verbs")
        elif verb in STATE_CHANGING_VERBS and "SupportsShouldProcess" not in "".join(scan.code[start:end]):
            scan.fail(start, f"function {name}: a state-changing verb without SupportsShouldProcess")


def _defined_before_use(scan: Scan, code: str, functions: dict[str, tuple[int, int]]) -> None:
    bodies = list(functions.values())
    for name, (start, _) in functions.items():
        for call in re.finditer(rf"(?<![\w-]){re.escape(name)}(?![\w-])", code):
            at = call.start()
            if at < start and not any(s <= at <= e for s, e in bodies):
                scan.fail(at, f"{name} is called before it is defined")


def _changes_covered(scan: Scan, code: str, functions: dict[str, tuple[int, int]]) -> None:
    blocks = []
    for match in re.finditer(r"-Change\s*\{", code):
        brace = match.end() - 1
        blocks.append((brace, scan.pairs.get(brace, len(code))))

    def in_block(at: int) -> bool:
        return any(start < at < end for start, end in blocks)

    def owner(at: int) -> str | None:
        inside = [(end - start, name) for name, (start, end) in functions.items() if start < at < end]
        return min(inside)[1] if inside else None

    changers: set[str] = set()
    uncovered: list[tuple[int, str]] = []
    for command in CHANGES:
        for found in re.finditer(rf"(?<![\w-]){re.escape(command)}(?![\w-])", code, re.IGNORECASE):
            if in_block(found.start()):
                continue
            function = owner(found.start())
            if function is None:
                uncovered.append((found.start(), command))
            else:
                changers.add(function)
    grown = True
    while grown:  # a function that calls a changer outside a -Change block is a changer too
        grown = False
        for name in sorted(changers):
            for call in re.finditer(rf"(?<![\w-]){re.escape(name)}(?![\w-])", code):
                at = call.start()
                if at == functions[name][0] + code[functions[name][0]:].index(name) or in_block(at):
                    continue
                function = owner(at)
                if function is None:
                    uncovered.append((at, name))
                elif function not in changers:
                    changers.add(function)
                    grown = True
    for at, what in sorted(set(uncovered)):
        scan.fail(at, f"{what} changes the machine outside Invoke-Change -Change {{ }}: -WhatIf would not cover it")


def main(arguments: list[str]) -> int:
    list_changes = "--list-changes" in arguments
    paths = [Path(argument) for argument in arguments if argument != "--list-changes"]
    if not paths:
        print("usage: check_powershell.py FILE.ps1 ... [--list-changes]", file=sys.stderr)
        return 2
    failed = False
    for path in paths:
        mistakes, changes = check(path)
        for mistake in mistakes:
            print(mistake)
        failed = failed or bool(mistakes)
        if list_changes:
            print(f"{path}: -WhatIf prints a line for each of these {len(changes)} changes:")
            for change in changes:
                print(f"  {change}")
    if not failed:
        print(f"PowerShell OK: {len(paths)} script(s) parse as Windows PowerShell 5.1, "
              "and every change is under -WhatIf")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
