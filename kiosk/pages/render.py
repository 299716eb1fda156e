"""Jinja rendering of the clinic's templates. The only place jinja2 is set up.

Autoescape is on (content text can't inject markup) and undefined names are errors
(a typo in a template fails loudly in --check-content instead of showing blank). Templates
run in kiosk.pages.sandbox: they can't run code, and each page has a budget of steps, text and time.
"""

from __future__ import annotations

import traceback
from collections.abc import Callable, Iterator
from itertools import islice
from pathlib import Path
from typing import TYPE_CHECKING

from kiosk.model.problems import ContentError, Problem, display_path
from kiosk.pages.htmlcost import layout_trouble
from kiosk.reading.limits import MAX_PAGE_CHARS, MAX_TEMPLATE_BYTES, MAX_TEMPLATE_FILES, kb, read_bounded

if TYPE_CHECKING:
    from kiosk.pages.sandbox import ClinicSandbox


class Renderer:
    def __init__(self, templates_dir: Path, kept: dict[str, bytes | Problem] | None = None):
        self.templates_dir = templates_dir
        # Read now, with the rest of the content: a content folder on a network share that
        # drops later must not take pages not yet shown with it. A file too large
        # to use is kept as its problem.
        self.kept: dict[str, bytes | Problem] = kept if kept is not None else _read_templates(templates_dir)
        # A template that went over its page's budget once would again on the next page: it is
        # refused from then on, so a bad template costs one budget, not one per page.
        self._refused: dict[str, Problem] = {}
        self._jinja: ClinicSandbox | None = None  # made on the first page: jinja is not needed to paint home

    def __getstate__(self) -> dict[str, object]:
        # Pickled with checked content (kiosk.checks.child): the sandbox is made again where it is used.
        return {**self.__dict__, "_jinja": None}

    @property
    def _env(self) -> ClinicSandbox:
        if self._jinja is None:
            import jinja2

            from kiosk.pages.sandbox import ClinicSandbox

            self._jinja = ClinicSandbox(
                loader=jinja2.FunctionLoader(self._kept_template),
                autoescape=True,
                undefined=jinja2.StrictUndefined,
                trim_blocks=True,
                lstrip_blocks=True,
                # Templates change only when staff reload content; don't stat files on every render.
                auto_reload=False,
            )
        return self._jinja

    def _kept_template(self, name: str) -> tuple[str, str, Callable[[], bool]] | None:
        data = self.kept.get(name)
        if data is None:
            return None
        if isinstance(data, Problem):
            raise ContentError([data])
        return data.decode("utf-8"), str(self.templates_dir / name), lambda: True

    def render(self, template: str, **context: object) -> str:
        """Render one template; any failure becomes a ContentError naming the template file and line."""
        if template in self._refused:
            raise ContentError([self._refused[template]])
        import jinja2
        from jinja2.exceptions import SecurityError

        from kiosk.pages.sandbox import TooCostly

        env = self._env
        try:
            try:
                compiled = env.get_template(template)
            except RecursionError:
                raise ContentError([Problem(self._source(template), None, "this template can't be read: it "
                                            "has too many ifs, loops or brackets inside each other")]) from None
            env.budget.start()
            try:
                html = self._page(compiled.generate(**context))
            finally:
                env.budget.stop()
            trouble = layout_trouble(html)
            if trouble:  # the page would hold a screen for seconds
                raise TooCostly(trouble)
            return html
        except ContentError:
            raise
        except jinja2.TemplateNotFound as exc:
            missing = str(exc.name or template)  # a name, never jinja's Undefined, when a loader raises this
            raise ContentError([Problem(self._source(missing), None, "this template file is missing")]) from None
        except jinja2.TemplateSyntaxError as exc:
            raise ContentError(
                [Problem(self._source(exc.name or template), exc.lineno, f"template mistake: {exc.message}")]
            ) from None
        except UnicodeDecodeError:
            raise ContentError([Problem(self._source(template), None,
                                        "this template is not saved as UTF-8 text")]) from None
        except (TooCostly, RecursionError) as exc:
            name, line = self._template_frame(exc, template)
            said = (str(exc) if isinstance(exc, TooCostly)
                    else "a macro or include in the template calls itself without end")
            problem = Problem(self._source(name), line, f"{said}; the template is not used until it is fixed")
            self._refused[template] = problem
            raise ContentError([problem]) from None
        except Exception as exc:  # noqa: BLE001 - any error inside a template is the template's problem
            name, line = self._template_frame(exc, template)
            if isinstance(exc, SecurityError):
                message = f"the template reaches for something templates may not use ({exc}); remove it"
            elif isinstance(exc, jinja2.UndefinedError):
                message = f"{exc.message}; check the spelling of the name in the template"
            else:
                message = f"the template failed: {exc}"
            raise ContentError([Problem(self._source(name), line, message)]) from None

    def _page(self, pieces: Iterator[str]) -> str:
        from kiosk.pages.sandbox import TooCostly

        page: list[str] = []
        total = 0
        for piece in pieces:
            total += len(piece)
            if total > MAX_PAGE_CHARS:
                raise TooCostly(f"this page would be more than {kb(MAX_PAGE_CHARS)} of text, the most a page may be")
            page.append(piece)
        return "".join(page)

    def _source(self, name: str) -> str:
        return display_path(self.templates_dir / name)

    def _template_frame(self, exc: BaseException, default: str) -> tuple[str, int | None]:
        # Jinja rewrites tracebacks so template code shows its own file and line.
        root = str(self.templates_dir.resolve())
        for frame in reversed(traceback.extract_tb(exc.__traceback__)):
            filename = str(Path(frame.filename).resolve()) if frame.filename else ""
            if filename.startswith(root):
                return str(Path(filename).relative_to(root)), frame.lineno
        return default, None


def _read_templates(folder: Path) -> dict[str, bytes | Problem]:
    """Every file under ``folder`` (at most MAX_TEMPLATE_FILES), by its name there."""
    kept: dict[str, bytes | Problem] = {}
    if not folder.is_dir():
        return kept
    for path in islice((p for p in folder.rglob("*") if p.is_file()), MAX_TEMPLATE_FILES):
        name = path.relative_to(folder).as_posix()
        try:
            kept[name] = read_bounded(path, MAX_TEMPLATE_BYTES)
        except ContentError as exc:  # too large, or unreadable: said when a page asks for it
            kept[name] = exc.problems[0]
    return kept
