"""The sandbox the clinic's templates run in: a template shows the content, never runs code or runs on.

Jinja's ImmutableSandboxedEnvironment keeps a template away from Python's insides (``__class__``,
``__globals__``) and from changing the content it is given. On top of that:

- a template reaches only the content it is given and ``range``: Jinja's ``lipsum``, ``cycler``,
  ``joiner``, ``namespace`` and ``dict`` are gone (no template needs them; an unsandboxed
  ``lipsum`` led to ``os``);
- text methods and filters are the ones that make text no larger than they are given, counted
  as they go (no ``format``, ``center``, ``ljust``, ``indent``, ``safe``...);
- each page has a budget (kiosk.reading.limits): steps, text, time. A step is a loop turn, a call, a
  look-up, or 64 characters of text made.

Past the budget the page stops with TooCostly; reaching for something unsafe stops it with
Jinja's SecurityError. kiosk.pages.render words both for staff. No Qt here.
"""

from __future__ import annotations

import functools
import math
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import fields, is_dataclass
from typing import Any

from jinja2 import nodes, pass_context
from jinja2.compiler import CodeGenerator, Frame
from jinja2.exceptions import SecurityError
from jinja2.runtime import Context
from jinja2.sandbox import ImmutableSandboxedEnvironment

from kiosk.reading.limits import MAX_NUMBER_BITS, MAX_PAGE_CHARS, MAX_PAGE_SECONDS, MAX_PAGE_STEPS, MAX_RANGE, kb

# Text methods a template may call: each gives back no more text than it is given (``replace``
# and ``join`` are measured before they run).
TEXT_METHODS = frozenset({
    "capitalize", "casefold", "count", "endswith", "find", "isalpha", "isdigit", "isspace", "join", "lower",
    "lstrip", "partition", "replace", "rfind", "rpartition", "rsplit", "rstrip", "split", "splitlines",
    "startswith", "strip", "swapcase", "title", "upper",
})
FILTERS = frozenset({
    "abs", "batch", "capitalize", "count", "d", "default", "dictsort", "e", "escape", "first", "float", "groupby",
    "int", "items", "join", "last", "length", "list", "lower", "map", "max", "min", "reject", "rejectattr",
    "replace", "reverse", "round", "select", "selectattr", "slice", "sort", "string", "striptags", "title",
    "trim", "truncate", "unique", "upper", "wordcount",
})
LOOP_FILTER = "kiosk_loop_steps"  # wraps every {% for %}'s items, so each turn is a step
CHARS_PER_STEP = 64
_DIGITS = round(MAX_NUMBER_BITS * math.log10(2))


class TooCostly(Exception):
    """A page that would cost more than its budget; the message is for staff."""


class Budget:
    """The steps, text and time one page may use. Outside a page (while Jinja compiles) nothing
    is counted, but no one piece may be too large."""

    def __init__(self) -> None:
        self.active = False
        self.steps = 0
        self._clock_at = 0
        self._deadline = 0.0

    def start(self) -> None:
        self.active, self.steps, self._clock_at = True, 0, 0
        self._deadline = time.perf_counter() + MAX_PAGE_SECONDS

    def stop(self) -> None:
        self.active = False

    def step(self, count: int = 1) -> None:
        if not self.active:
            return
        self.steps += count
        if self.steps > MAX_PAGE_STEPS:
            raise TooCostly(f"making this page took more than {MAX_PAGE_STEPS:,} steps: a loop in the template "
                            "that never ends, or goes round far too often")
        if self.steps >= self._clock_at:
            self._clock_at = self.steps + 64  # the clock is read every 64 steps
            if time.perf_counter() > self._deadline:
                raise TooCostly(f"making this page took longer than {MAX_PAGE_SECONDS:g} s: a loop in the "
                                "template that never ends, or goes round far too often")

    def made(self, value: object) -> object:
        """``value`` made by the template: text costs a step per 64 characters."""
        if isinstance(value, str):
            check_size(value)
            self.step(1 + len(value) // CHARS_PER_STEP)
        return value


def size(value: object, limit: int = MAX_PAGE_CHARS) -> int:
    """About how many characters ``value`` would be as text; stops counting past ``limit``."""
    if isinstance(value, str):
        return len(value)
    if isinstance(value, (list, tuple, set, frozenset, dict)):
        total = 0
        for item in (value.items() if isinstance(value, dict) else value):
            total += 2 + size(item, limit - total)
            if total > limit:
                break
        return total
    if is_dataclass(value) and not isinstance(value, type):
        return size(tuple(getattr(value, f.name) for f in fields(value)), limit)
    return 24


def check_size(value: object) -> None:
    if isinstance(value, bool):
        return
    if isinstance(value, int) and value.bit_length() > MAX_NUMBER_BITS:
        raise TooCostly(f"the template makes a number of more than {_DIGITS:,} digits")
    if size(value) > MAX_PAGE_CHARS:
        raise TooCostly(f"the template makes a piece of text larger than {kb(MAX_PAGE_CHARS)}, the most a page may be")


def _steps(*given: object) -> int:
    """What a call or filter costs: a step, and one per 64 characters of text it is given (a text
    method reads all of it). Each piece given is checked for size first."""
    for value in given:
        check_size(value)
    return 1 + sum(len(value) for value in given if isinstance(value, str)) // CHARS_PER_STEP


def _check_replace(text: str, old: str, new: str) -> None:
    times = len(text) + 1 if not old else text.count(old)
    if len(text) + times * (len(new) - len(old)) > MAX_PAGE_CHARS:
        raise TooCostly(f"replace() in the template would make text larger than {kb(MAX_PAGE_CHARS)}")


def _joined(separator: str, items: Iterable[object]) -> list[object]:
    """``items`` as a list, refused before it is joined if the text would be too large."""
    listed = list(items)
    total = sum(size(item) for item in listed) + len(separator) * max(0, len(listed) - 1)
    if total > MAX_PAGE_CHARS:
        raise TooCostly(f"the template joins text into a piece larger than {kb(MAX_PAGE_CHARS)}")
    return listed


def _join_pieces(pieces: Iterable[str]) -> str:
    """Jinja's join of a block's, macro's or loop's pieces, refused before it is made too large."""
    listed = list(pieces)
    if sum(len(piece) for piece in listed) > MAX_PAGE_CHARS:
        raise TooCostly(f"this page would be more than {kb(MAX_PAGE_CHARS)} of text, the most a page may be")
    return "".join(listed)


class _CountedLoops(CodeGenerator):
    """Every ``{% for %}`` goes round through LOOP_FILTER, so a loop's turns are steps."""

    def visit_Template(self, node: nodes.Template, frame: Frame | None = None) -> None:
        for loop in node.find_all(nodes.For):
            loop.iter = nodes.Filter(loop.iter, LOOP_FILTER, [], [], None, None, lineno=loop.iter.lineno)
        super().visit_Template(node, frame)


class ClinicSandbox(ImmutableSandboxedEnvironment):
    """The environment every clinic template runs in (see the module's docstring)."""

    code_generator_class = _CountedLoops
    intercepted_binops = frozenset({"*", "**", "%", "+"})

    def __init__(self, **options: Any) -> None:
        super().__init__(finalize=self._shown, **options)
        self.budget = budget = Budget()

        def bounded_range(*args: int) -> range:
            numbers = range(*args)
            if len(numbers) > MAX_RANGE:
                raise TooCostly(f"range() in a template may count at most {MAX_RANGE:,} numbers")
            return numbers  # each turn of a loop over it is a step (LOOP_FILTER)

        @pass_context
        def loop_steps(_context: Context, items: Iterable[object]) -> Iterator[object]:
            for item in items:
                budget.step()
                yield item

        self.globals.clear()
        self.globals["range"] = bounded_range
        self.filters = {name: self._guarded(self.filters[name], name) for name in FILTERS}
        self.filters[LOOP_FILTER] = loop_steps

    def _guarded(self, run: Callable[..., object], name: str) -> Callable[..., object]:
        budget = self.budget

        @functools.wraps(run)  # keeps Jinja's mark of what the filter is passed first
        def guarded(*args: Any, **kwargs: Any) -> object:
            budget.step(_steps(*args, *kwargs.values()))
            first = 1 if getattr(run, "jinja_pass_arg", None) else 0  # the context, before what a template gives
            given = args[first:]
            if name == "replace" and len(given) >= 3:
                _check_replace(str(given[0]), str(given[1]), str(given[2]))
            elif name == "join" and given:
                separator = str(given[1]) if len(given) > 1 else str(kwargs.get("d", ""))
                args = (*args[:first], _joined(separator, given[0]), *given[1:])
            return budget.made(run(*args, **kwargs))

        return guarded

    def _shown(self, value: object) -> object:
        """Each ``{{ ... }}``, before it is shown."""
        check_size(value)
        return self.budget.made(value)

    # --- what the sandbox hands a template ----------------------------------------------

    def is_safe_attribute(self, obj: Any, attr: str, value: Any) -> bool:
        if isinstance(obj, str) and callable(value):
            return attr in TEXT_METHODS
        return bool(super().is_safe_attribute(obj, attr, value))

    def unsafe_undefined(self, obj: Any, attribute: str) -> Any:
        # At once, naming the first unsafe step (Jinja's own waits until the result is used,
        # and then names whatever was reached for last).
        raise SecurityError(f"'{attribute}' of {type(obj).__name__!r}")

    def wrap_str_format(self, value: Any) -> None:
        return None  # format() is not among TEXT_METHODS: a template can't reach it to wrap

    def getattr(self, obj: Any, attribute: str) -> Any:
        self.budget.step()
        return super().getattr(obj, attribute)

    def getitem(self, obj: Any, argument: Any) -> Any:
        self.budget.step()
        return super().getitem(obj, argument)

    def call(__self, __context: Context, __obj: Any, *args: Any, **kwargs: Any) -> Any:  # Jinja's names
        text = getattr(__obj, "__self__", None)
        __self.budget.step(_steps(text if isinstance(text, str) else None, *args, *kwargs.values()))
        if isinstance(text, str):  # one of TEXT_METHODS
            if __obj.__name__ == "replace" and len(args) >= 2:
                _check_replace(text, str(args[0]), str(args[1]))
            elif __obj.__name__ == "join" and args:
                args = (_joined(text, args[0]), *args[1:])
        return __self.budget.made(super().call(__context, __obj, *args, **kwargs))

    def call_binop(self, context: Context, operator: str, left: Any, right: Any) -> Any:
        self.budget.step()
        if operator == "%" and isinstance(left, str):
            raise TooCostly("'%' with text is not for templates; write the words out")
        if operator == "*" and isinstance(right, (str, list, tuple)):
            left, right = right, left
        if operator == "*" and isinstance(left, (str, list, tuple)) and isinstance(right, int):
            if size(left) * right > MAX_PAGE_CHARS:
                raise TooCostly(f"the template makes a piece of text larger than {kb(MAX_PAGE_CHARS)}")
        elif operator in ("*", "**") and isinstance(left, int) and isinstance(right, int):
            bits = left.bit_length() * right if operator == "**" else left.bit_length() + right.bit_length()
            if bits > MAX_NUMBER_BITS:
                raise TooCostly(f"the template makes a number of more than {_DIGITS:,} digits")
        elif operator == "+" and size(left) + size(right) > MAX_PAGE_CHARS:
            raise TooCostly(f"the template makes a piece of text larger than {kb(MAX_PAGE_CHARS)}")
        return self.budget.made(super().call_binop(context, operator, left, right))

    concat = staticmethod(_join_pieces)  # a block's, macro's or loop's pieces
