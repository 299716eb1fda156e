"""Jinja rendering of the clinic's templates. The only place jinja2 is set up.

Autoescape is on (content text can't inject markup) and undefined names are errors
(a typo in a template fails loudly in --check-content instead of showing blank).
"""

from __future__ import annotations

import traceback
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from kiosk.problems import ContentError, Problem, display_path

if TYPE_CHECKING:
    import jinja2


class Renderer:
    def __init__(self, templates_dir: Path):
        self.templates_dir = templates_dir
        # Read now, with the rest of the content: a content folder on a network share that
        # drops later must not take pages not yet shown with it (issue #15).
        self._kept: dict[str, bytes] = {}
        if templates_dir.is_dir():
            for path in templates_dir.rglob("*"):
                try:
                    if path.is_file():
                        self._kept[path.relative_to(templates_dir).as_posix()] = path.read_bytes()
                except OSError:
                    continue  # reported as missing when a page asks for it
        self._jinja: jinja2.Environment | None = None  # made on the first page: jinja is not needed to paint home

    @property
    def _env(self) -> jinja2.Environment:
        if self._jinja is None:
            import jinja2

            self._jinja = jinja2.Environment(
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
        data = self._kept.get(name)
        if data is None:
            return None
        return data.decode("utf-8"), str(self.templates_dir / name), lambda: True

    def render(self, template: str, **context: object) -> str:
        """Render one template; any failure becomes a ContentError naming the template file and line."""
        import jinja2

        try:
            return self._env.get_template(template).render(**context)
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
        except Exception as exc:  # noqa: BLE001 - any error inside a template is the template's problem
            name, line = self._template_frame(exc, template)
            if isinstance(exc, jinja2.UndefinedError):
                message = f"{exc.message}; check the spelling of the name in the template"
            else:
                message = f"the template failed: {exc}"
            raise ContentError([Problem(self._source(name), line, message)]) from None

    def _source(self, name: str) -> str:
        return display_path(self.templates_dir / name)

    def _template_frame(self, exc: Exception, default: str) -> tuple[str, int | None]:
        # Jinja rewrites tracebacks so template code shows its own file and line.
        root = str(self.templates_dir.resolve())
        for frame in reversed(traceback.extract_tb(exc.__traceback__)):
            filename = str(Path(frame.filename).resolve()) if frame.filename else ""
            if filename.startswith(root):
                return str(Path(filename).relative_to(root)), frame.lineno
        return default, None
