"""The content the tests read and break: the shipped folder, the regions on the body map, and
edits to a private copy, failing loudly when the text to change isn't there."""

from __future__ import annotations

import shutil
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
SHIPPED_CONTENT = REPO / "kiosk" / "content"  # package data: kiosk/system/resources.py finds it
REGIONS = ("quads", "hamstrings", "calves", "foot")  # the body map's regions, in button order


def copy_content(folder: Path) -> Path:
    """A private copy of the shipped content in ``folder``, for a test to break."""
    return Path(shutil.copytree(SHIPPED_CONTENT, folder / "content"))


def edit(path: Path, old: str, new: str) -> None:
    """Replace one exact piece of text in a content file, failing loudly if it isn't there."""
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {path}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def line_of(path: Path, needle: str) -> int:
    """1-based line number of the first line containing ``needle``."""
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if needle in line:
            return number
    raise AssertionError(f"{needle!r} not in {path}")


def add_long_spanish_tip(content: Path) -> Path:
    """Two long tips before the last one on the Spanish calves' "Qué puede ayudar": a clinic's edit
    that no longer fits one screen at normal text. Returns the file edited."""
    path = content / "lang" / "es" / "regions" / "calves.yaml"
    edit(path, "    - El calor, beber agua y pasear con calma pueden sentarte bien.",
         "    - Después de la sesión, muchos corredores notan que les sienta bien darse una ducha templada, "
         "ponerse ropa cómoda, beber agua, pasear con calma por el barrio y dormir un poco más de lo normal. "
         "Nada de esto está demostrado, pero tampoco hace daño, y a muchos les ayuda a estar tranquilos.\n"
         "    - Si al día siguiente sigues con molestias, puedes aplicar calor suave durante unos minutos, "
         "moverte con tranquilidad y evitar correr fuerte hasta que la pierna se sienta normal otra vez.\n"
         "    - El calor, beber agua y pasear con calma pueden sentarte bien.")
    return path

