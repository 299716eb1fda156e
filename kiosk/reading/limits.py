"""What one file in the content folder may cost: its size, the work of reading it, the page it makes.

The content folder is untrusted input: several people, and whatever reaches a network share, can
write it. Every limit here is many times what the shipped content needs (the numbers beside each
were measured on the development machine) and small enough that a file at the limit costs a
patient no wait they would notice. Past one the file is refused with a message naming it, like
any other content mistake. docs/clinic-guide.md gives staff the same numbers. No Qt here.
"""

from __future__ import annotations

from pathlib import Path

import yaml

from kiosk.model.problems import ContentError, Problem, display_path

# --- YAML files ----------------------------------------------------------------------------
# The largest shipped file is 9 KB: 173 parts (keys, values, list items), 6 levels deep.
# 320 KB of plain list items parses in ~35 ms.
MAX_YAML_BYTES = 256 * 1024
# Parts counted as what they expand to: an alias (*name) counts the whole part it repeats,
# every time, so a small file can't stand for a billion parts ("billion laughs").
MAX_YAML_PARTS = 20_000
MAX_YAML_DEPTH = 20
# A number written with more digits than this is a slip: YAML's 1:2:3 "base 60" numbers take
# seconds to read at a few hundred KB, and Python refuses integers over 4300 digits.
MAX_NUMBER_CHARS = 100

# --- templates -----------------------------------------------------------------------------
# The largest shipped template is 3.2 KB; the folder holds 5. Jinja compiles a template the first
# time a page needs it, before the page's budget starts: 31 KB compiles in 0.12 s.
MAX_TEMPLATE_BYTES = 32 * 1024
MAX_TEMPLATE_FILES = 50

# --- one rendered page ---------------------------------------------------------------------
# A step is a loop turn, a call, a look-up, or 64 characters of text read or made (kiosk.pages.sandbox):
# a count, not a clock, so a page that passes `kiosk --check-content` on a laptop passes on a
# slower tablet too. The shipped pages take at most 321 steps and 11 KB of text, in 0.25 ms
# (median; 18 ms for the first, while Jinja compiles). 50,000 of the costliest steps (splitting
# a 256 KB passage into words, again and again) take 66 ms.
MAX_PAGE_STEPS = 50_000
MAX_PAGE_CHARS = 512 * 1024  # also the most any one piece of text a template makes may be
# The clock behind the count, for whatever costs more than its steps say.
MAX_PAGE_SECONDS = 1.0
MAX_RANGE = 10_000  # range() in a template; Jinja's own sandbox allows 100,000
# What Qt's rich text is slow to lay out (kiosk.pages.htmlcost), at 1000 px wide: tables inside tables
# double the time with each one (12: 43 ms, 16: 0.8 s, 20: 10 s); 2,000 table cells take 70 ms,
# 50,000 5 s; a word of 20,000 letters 28 ms, of 500,000 11 s; 1,000 parts inside each other
# 16 ms. The shipped pages have at most 2 tables inside each other, 9 cells, 9 parts inside
# each other, and no word longer than 34 letters.
MAX_TABLE_NESTING = 8
MAX_PAGE_CELLS = 1_000
MAX_PAGE_NESTING = 100
MAX_WORD_CHARS = 2_000  # in a content file's text too
MAX_NUMBER_BITS = 4096  # about 1,200 digits: no page needs more, and big numbers are slow to make

# --- pictures ------------------------------------------------------------------------------
# The largest shipped picture is 5.6 KB, drawn at most 1100 x 225 (the soreness chart).
MAX_PICTURE_BYTES = 1024 * 1024
MAX_PICTURE_SIDE = 4096  # the size a picture (or a photo inside it) says it is, in pixels, each way
# The parts a picture draws, each <use> counted as what it repeats: 2 KB of <use> inside <use>
# stands for a million rectangles and took 1 s to draw (each level more, ten times as long). The
# shipped pictures have at most 46 parts (the body map 59); 50,000 small ones draw in ~65 ms.
MAX_PICTURE_PARTS = 50_000
# Drawn pictures are made no larger than this many pixels (16 MB of memory), whatever size
# they say they are: the largest the kiosk shows is the chart at twice its size, 1 million.
MAX_DRAWN_PIXELS = 4_000_000

# --- new content, checked in a child process before the running kiosk takes it --------------
# The whole check of the shipped content takes 0.3 s here (median of 15; 1.4 s at most), the
# child's start-up included, and 30 MB; a slow tablet reading a network share, a few seconds.
# A folder of files each just inside the limits above takes a few seconds more.
CHECK_SECONDS = 30
CHECK_MEMORY_BYTES = 1024 * 1024 * 1024  # the child's address space, where the system can limit it


def kb(size: int) -> str:
    """A size for staff; rounded up, so a file just over a limit never reads as the limit."""
    if size >= 1024 * 1024 and size % (1024 * 1024) == 0:
        return f"{size // (1024 * 1024)} MB"
    return f"{-(-size // 1024):,} KB" if size >= 1024 else f"{size} bytes"


def read_bounded(path: Path, limit: int) -> bytes:
    """A file's bytes, or ContentError naming it: missing, unreadable, or larger than ``limit``."""
    source = display_path(path)
    try:
        with path.open("rb") as file:
            data = file.read(limit + 1)  # no more, even if the file grows while it is read
    except FileNotFoundError:
        raise ContentError([Problem(source, None, "this file is missing")]) from None
    except OSError as exc:
        raise ContentError([Problem(source, None, f"this file can't be opened ({exc.strerror})")]) from None
    except ValueError:  # a name with a character no file name can have
        raise ContentError([Problem(source, None, "this file name can't be used")]) from None
    if len(data) > limit:
        raise ContentError([Problem(source, None, too_large(path, limit))])
    return data


def too_large(path: Path, limit: int, what: str = "this file", kind: str = "a content file") -> str:
    try:
        size = f" ({kb(path.stat().st_size)})"
    except (OSError, ValueError):
        size = ""
    return (f"{what} is too large to use{size}: the most {kind} may be is {kb(limit)}. "
            "Check it is the file you meant to save here")


def check_yaml_cost(document: yaml.Node, source: str) -> None:
    """ContentError for a YAML document with more parts than MAX_YAML_PARTS, aliases counted as
    what they stand for each time they are used, or nested deeper than MAX_YAML_DEPTH (an alias
    inside its own anchor is endlessly deep). Each part is looked at once, however often used."""
    known: dict[int, tuple[int, int]] = {}  # a part (by id) -> the parts it stands for, its levels

    def cost(node: yaml.Node, depth: int) -> tuple[int, int]:
        if id(node) not in known:
            if depth > MAX_YAML_DEPTH:
                raise ContentError([Problem(source, node.start_mark.line + 1, (
                    f"this is nested more than {MAX_YAML_DEPTH} levels deep; content files need 6 at most"))])
            children = ([part for pair in node.value for part in pair] if isinstance(node, yaml.MappingNode)
                        else node.value if isinstance(node, yaml.SequenceNode) else [])
            costs = [cost(child, depth + 1) for child in children]
            known[id(node)] = (1 + sum(c[0] for c in costs), 1 + max((c[1] for c in costs), default=0))
        parts, levels = known[id(node)]
        if depth + levels - 1 > MAX_YAML_DEPTH:  # a part used again, deeper down
            raise ContentError([Problem(source, node.start_mark.line + 1, (
                f"this is nested more than {MAX_YAML_DEPTH} levels deep; content files need 6 at most"))])
        return parts, levels

    parts = cost(document, 1)[0]
    if parts > MAX_YAML_PARTS:
        raise ContentError([Problem(source, None, (
            f"this file has too many parts to use ({parts:,} keys, values and list items, each *alias "
            f"counted as what it repeats); the most a content file may have is {MAX_YAML_PARTS:,}"))])
