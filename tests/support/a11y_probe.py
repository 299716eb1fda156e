"""Run by the system Python (with pyatspi) against a running kiosk: what a screen reader sees.

Prints one JSON line: the body-map regions found by name, their actions, and whether
pressing one through the accessibility interface opened it. Not a pytest module.
"""

import json
import sys
import time

import pyatspi

REGIONS = ["Quads", "Hamstrings", "Calves and shins", "Foot"]


def app_named(part, timeout=30):
    end = time.time() + timeout
    while time.time() < end:
        for app in pyatspi.Registry.getDesktop(0):
            if app is not None and part.lower() in (app.name or "").lower():
                return app
        time.sleep(0.3)
    return None


def nodes(node):
    yield node
    for child in node:
        if child is not None:
            yield from nodes(child)


def body_map(app, name):
    """The group whose children are exactly the region buttons: the map, not the button row."""
    for node in nodes(app):
        if node.name == name:
            return node
    return None


def shown_tabs(app, timeout=10):
    """The region screen's tabs on screen now (kept screens are in the tree too, not showing):
    each one's name, role and whether it is selected or checked."""
    tab_roles = ("page tab", "check box", "toggle button", "push button")
    end = time.time() + timeout
    while True:
        found = []
        for node in nodes(app):
            if node.getRoleName() not in tab_roles:
                continue
            states = node.getState()
            if not states.contains(pyatspi.STATE_SHOWING):
                continue
            parent = node.parent
            found.append({"name": node.name, "role": node.getRoleName(),
                          "parent_role": parent.getRoleName() if parent is not None else None,
                          "selected": states.contains(pyatspi.STATE_SELECTED),
                          "checked": states.contains(pyatspi.STATE_CHECKED)})
        if any(t["role"] == "page tab" for t in found) or time.time() > end:
            return found
        time.sleep(0.3)


def main():
    map_name = sys.argv[1]
    result = {"app": None, "regions": {}, "pressed": None, "opened": False, "tabs": []}
    app = app_named("needling")
    if app is None:
        print(json.dumps(result))
        return 1
    result["app"] = app.name
    group = body_map(app, map_name)
    result["map_found"] = group is not None
    if group is not None:
        for child in group:
            if child is not None and child.getRoleName() == "push button":
                action = child.queryAction()
                names = [action.getName(i) for i in range(action.nActions)]
                result["regions"][child.name] = names
        calves = next((c for c in group if c is not None and c.name == "Calves and shins"), None)
        if calves is not None:
            action = calves.queryAction()
            index = next(i for i in range(action.nActions) if action.getName(i).lower() == "press")
            result["pressed"] = action.doAction(index)
            end = time.time() + 15
            while time.time() < end and not result["opened"]:
                # The window is titled by the screen shown (region screens made ahead are in the tree too).
                result["opened"] = any(n.getRoleName() == "frame" and (n.name or "").startswith("Calves")
                                       for n in app if n is not None)
                time.sleep(0.3)
            frames = [n for n in app if n is not None and n.getRoleName() == "frame"]
            result["window_title"] = frames[0].name if frames else None
            if result["opened"]:
                result["tabs"] = shown_tabs(app)
    print(json.dumps(result))
    return 0


if __name__ == "__main__":
    sys.exit(main())
