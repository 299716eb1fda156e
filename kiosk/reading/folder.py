"""Reading a content folder into the model: every file read, bounded and checked; nothing broken
stops the kiosk, and every problem is named for staff by file and line. No Qt.

Parsing is pure (``parse_*``: text to objects); ``load_content`` is the only part that reads files.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Concatenate, ParamSpec, Protocol, TypeVar

from kiosk.model.clinic import NO_CLINIC, Clinic
from kiosk.model.content import BASE_LANGUAGE, Content, Language, region_path
from kiosk.model.parts import Picture, parts
from kiosk.model.precautions import Precautions
from kiosk.model.problems import ContentError, Problem, display_path
from kiosk.model.questions import Questions
from kiosk.model.regions import Region
from kiosk.model.sources import Sources
from kiosk.model.walkthrough import Walkthrough
from kiosk.model.wording import mend_placeholders
from kiosk.model.words import StaffText, UiText
from kiosk.reading import schema
from kiosk.reading.limits import MAX_YAML_BYTES, read_bounded
from kiosk.reading.pictures import PictureTrouble, read_picture

if TYPE_CHECKING:
    from _typeshed import DataclassInstance

T = TypeVar("T")
D = TypeVar("D", bound="DataclassInstance")
P = ParamSpec("P")


# --- parsing: text to objects -------------------------------------------------------


def parser(cls: type[D], **extra: object) -> Callable[[str, str], D]:
    def parse(text: str, source: str) -> D:
        return schema.parse(cls, text, source, **extra)

    return parse


def parse_region(text: str, source: str, region_id: str) -> Region:
    return parser(Region, id=region_id)(text, source)


def parse_clinic(text: str, source: str) -> Clinic:
    return parser(Clinic)(text, source)


def _with_shipped_words(kind: type[D], shipped_path: Path | None,
                        problems: list[Problem]) -> Callable[[str, str], D]:
    """A words file (staff.yaml, a ui.yaml), with words it lacks taken from the shipped one and a
    warning each: an upgrade keeps a clinic's edited files, which won't have the words newer
    screens need. Without this a kept Spanish ui.yaml would take Spanish off the kiosk."""
    def parse(text: str, source: str) -> D:
        from kiosk.reading import yamltext

        value = yamltext.parse(text, source)
        if not isinstance(value, yamltext.YamlMapping) or shipped_path is None or not shipped_path.is_file():
            return schema.build(kind, value, source)
        shipped = yamltext.parse(yamltext.decode(shipped_path.read_bytes(), str(shipped_path)), str(shipped_path))
        if not isinstance(shipped, yamltext.YamlMapping):
            return schema.build(kind, value, source)
        problems.extend(mend_placeholders(kind, value, shipped, source))
        added = [key for key in shipped if key not in value]
        for key in added:
            value[key] = shipped[key]
            value.key_lines[key] = value.line
        built = schema.build(kind, value, source)
        problems.extend(Problem(source, None, f"'{key}' is missing; the shipped words are used "
                                f"({_short(shipped[key])})", warning=True) for key in added)
        return built

    return parse


def _short(value: object) -> str:
    text = " ".join(str(value).split())
    return f'"{text[:60]}..."' if len(text) > 60 else f'"{text}"'


# --- loading: files to objects ------------------------------------------------------


def read_file(path: Path, parse: Callable[Concatenate[str, str, P], T], *args: P.args, **kwargs: P.kwargs) -> T:
    """Read one file and parse it; every failure becomes a ContentError naming the file."""
    from kiosk.reading import yamltext

    source = display_path(path)
    return parse(yamltext.decode(read_bounded(path, MAX_YAML_BYTES), source), source, *args, **kwargs)


def load_content(folder: Path, region_ids: tuple[str, ...], fallback: Path | None = None) -> Content:
    """Load a content folder; nothing broken stops the kiosk, and every problem is reported.

    - A broken region in the base language is left out (its screen says "being updated").
    - Another language falls back to the base language, page by page, with a warning.
    - ``fallback`` is the shipped default folder: if the clinic's staff.yaml or base ui.yaml
      (words only) is broken the shipped one is used so the kiosk always starts. Without a
      fallback those files are fatal (ContentError).
    - A broken clinic.yaml is never replaced by the shipped example's: with a fallback the
      kiosk starts as NO_CLINIC (``clinic_broken``); without one it is fatal.
    """
    problems: list[Problem] = []
    pictures: dict[str, str] = {}

    def essential(path: Path, parse: Callable[[str, str], T]) -> T:
        try:
            return read_file(path, parse)
        except ContentError as exc:
            problems.extend(exc.problems)
            if fallback is None or fallback.resolve() == folder.resolve():
                raise ContentError(problems) from None
            return read_file(fallback / path.relative_to(folder), parse)

    def optional(path: Path, parse: Callable[Concatenate[str, str, P], T], *args: P.args,
                 **kwargs: P.kwargs) -> T | None:
        try:
            loaded = read_file(path, parse, *args, **kwargs)
        except ContentError as exc:
            problems.extend(exc.problems)
            return None
        problems.extend(keep_pictures(loaded, path, folder, pictures))
        return loaded

    clinic_broken = False
    try:
        clinic = read_file(folder / "clinic.yaml", parse_clinic)
    except ContentError as exc:
        problems.extend(exc.problems)
        if fallback is None or fallback.resolve() == folder.resolve():
            raise ContentError(problems) from None
        clinic, clinic_broken = NO_CLINIC, True
    shipped = fallback if fallback is not None and fallback.resolve() != folder.resolve() else None
    staff = essential(folder / "staff.yaml",
                      _with_shipped_words(StaffText, shipped / "staff.yaml" if shipped else None, problems))
    logo = None
    try:  # the clinic's own logo or none, never the shipped example's
        logo = read_picture(clinic.logo, folder, own_only=True) if clinic.logo else None
    except PictureTrouble as exc:
        problems.append(Problem(display_path(folder / "clinic.yaml"), key_line(folder / "clinic.yaml", "logo"),
                                f"'logo': {exc}"))
    base_ui = essential(folder / "ui.yaml",
                        _with_shipped_words(UiText, shipped / "ui.yaml" if shipped else None, problems))
    base = _load_language(folder, BASE_LANGUAGE, region_ids, base_ui,
                          optional, problems, None)
    languages = {BASE_LANGUAGE: base}
    lang_dir = folder / "lang"
    if lang_dir.is_dir():
        for sub in sorted(p for p in lang_dir.iterdir() if p.is_dir()):
            shipped_ui = shipped / "lang" / sub.name / "ui.yaml" if shipped else None
            ui = optional(sub / "ui.yaml", _with_shipped_words(UiText, shipped_ui, problems))
            if ui is None:
                problems.append(Problem(display_path(sub), None, "this language is not offered until its "
                                        "ui.yaml can be read", warning=True))
                continue
            languages[sub.name] = _load_language(sub, sub.name, region_ids, ui, optional, problems, base)

    for path in _stray_region_files(folder, languages, region_ids):
        problems.append(Problem(display_path(path), None,
                                f"there is no '{path.stem}' on the body map, so this file is not shown "
                                f"(the regions are: {', '.join(region_ids)})", warning=True))
    return Content(folder, clinic, staff, languages, tuple(region_ids), tuple(problems), clinic_broken,
                   pictures, logo)


class _ReadOptional(Protocol):
    """``optional`` in load_content: a file's object, or None with its problems recorded."""

    def __call__(self, path: Path, parse: Callable[Concatenate[str, str, P], T], *args: P.args,
                 **kwargs: P.kwargs) -> T | None: ...


def _load_language(folder: Path, code: str, region_ids: tuple[str, ...], ui: UiText, optional: _ReadOptional,
                   problems: list[Problem], base: Language | None) -> Language:
    untranslated: set[str] = set()

    def page(name: str, cls: type[D], in_base: Callable[[Language], D | None]) -> D | None:
        path = folder / name
        if base is not None and not path.exists():
            problems.append(Problem(display_path(path), None,
                                    f"missing in this language; the {base.ui.language_name} page is shown",
                                    warning=True))
            untranslated.add(path.stem)
            return in_base(base)
        loaded = optional(path, parser(cls))
        if loaded is None and base is not None:
            untranslated.add(path.stem)
            return in_base(base)
        return loaded

    walkthrough = page("walkthrough.yaml", Walkthrough, lambda language: language.walkthrough)
    regions: dict[str, Region] = {}
    for region_id in region_ids:
        path = region_path(folder, region_id)
        if base is not None and not path.exists():
            problems.append(Problem(display_path(path), None,
                                    f"missing in this language; the {base.ui.language_name} page is shown",
                                    warning=True))
            region = base.regions.get(region_id)
            untranslated.add(region_id)
        else:
            region = optional(path, parse_region, region_id=region_id)
            if region is None and base is not None:
                region = base.regions.get(region_id)
                untranslated.add(region_id)
        if region is not None:
            if walkthrough is not None:
                problems.extend(_unknown_steps(region, path, walkthrough))
            regions[region_id] = region
    precautions = page("precautions.yaml", Precautions, lambda language: language.precautions)
    sources = page("sources.yaml", Sources, lambda language: language.sources)
    # questions.yaml is new, so a clinic's older content folder without one is not wrong.
    has_questions = (folder / "questions.yaml").exists() or (base is not None and base.questions is not None)
    questions = page("questions.yaml", Questions, lambda language: language.questions) if has_questions else None
    return Language(code, ui, regions, walkthrough, precautions, sources, frozenset(untranslated), questions)


def key_line(path: Path, key: str) -> int | None:
    """The line a top-level ``key:`` starts on in a YAML file, for a message to staff; None if unread."""
    try:
        lines = read_bounded(path, MAX_YAML_BYTES).decode("utf-8-sig").splitlines()
    except (ContentError, UnicodeDecodeError):
        return None
    return next((n for n, line in enumerate(lines, 1) if line.startswith(f"{key}:")), None)


def keep_pictures(value: object, path: Path, folder: Path, kept: dict[str, str]) -> list[Problem]:
    """Each picture ``value`` names, read into ``kept``. One that can't be shown is reported with
    the line of the YAML that names it, and the page shows without it."""
    problems = []
    for picture in (part for part in parts(value) if isinstance(part, Picture)):
        for name in (name for name in picture.files() if name not in kept):
            try:
                kept[name] = read_picture(name, folder)
            except PictureTrouble as exc:
                problems.append(Problem(display_path(path), picture.line, str(exc)))
    return problems


def _unknown_steps(region: Region, path: Path, walkthrough: Walkthrough) -> list[Problem]:
    known = walkthrough.step_ids()
    return [Problem(display_path(path), None,
                    f"'session_steps.{step}' is not a step of the walkthrough (the steps are: {', '.join(known)})")
            for step in region.session_steps if step not in known]


def _stray_region_files(folder: Path, languages: Iterable[str], region_ids: tuple[str, ...]) -> Iterator[Path]:
    for code in languages:
        regions_dir = (folder if code == BASE_LANGUAGE else folder / "lang" / code) / "regions"
        if regions_dir.is_dir():
            yield from (p for p in sorted(regions_dir.glob("*.yaml")) if p.stem not in region_ids)
