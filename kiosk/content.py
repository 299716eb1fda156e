"""The clinic's content: typed, immutable objects made from its YAML files.

Each dataclass below is the schema of its part of a YAML file (see ``kiosk.schema``).
Parsing is pure (``parse_*``: text to objects); ``load_content`` is the only part that
reads files. No Qt here.

Layout of a content folder::

    clinic.yaml                 the clinic: name, phone, colours, logo, after-care page
    staff.yaml                  words on the staff PIN pad and menu
    ui.yaml, walkthrough.yaml,  the base language (English), and
    precautions.yaml,
    sources.yaml, regions/*.yaml
    lang/<code>/...             the same files in another language: adding a folder adds a language
    templates/*.html.j2         page layouts shared by every language
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Concatenate, ParamSpec, Protocol, TypeVar

from kiosk import schema
from kiosk.limits import MAX_YAML_BYTES, read_bounded
from kiosk.pictures import PictureTrouble, read_picture
from kiosk.problems import ContentError, Problem, display_path
from kiosk.wording import mend_placeholders

if TYPE_CHECKING:
    from _typeshed import DataclassInstance

BASE_LANGUAGE = "en"
HOURS: schema.Rules = {"min": 0, "max": 72, "unit": "hours"}
LEVEL: schema.Rules = {"min": 0, "max": 10, "unit": ""}

T = TypeVar("T")
D = TypeVar("D", bound="DataclassInstance")
P = ParamSpec("P")

# What a ``check()`` method returns: (the key to point at, the message) for each problem.
Checks = list[tuple[str, str]]


@dataclass(frozen=True)
class Passage:
    """A paragraph. ``graphic`` ones (vivid needle talk) are hidden in calm mode, or replaced by ``calm``."""

    shorthand = "text"  # a passage may be written as plain text

    text: str
    graphic: bool = False
    calm: str | None = None
    line: int = field(default=0, compare=False, metadata={"yaml": False, "line": True})  # for --check-content

    def shown(self, calm_mode: bool) -> str | None:
        if calm_mode and self.graphic:
            return self.calm
        return self.text


@dataclass(frozen=True)
class Picture:
    """An illustration under ``assets/``; a ``graphic`` one shows ``calm_file`` (or nothing) in calm mode."""

    file: str = field(metadata={"kind": "asset"})
    alt: str
    graphic: bool = False
    calm_file: str | None = field(default=None, metadata={"kind": "asset"})
    calm_alt: str | None = None  # what calm_file shows, for screen readers (else ``alt``)
    line: int = field(default=0, compare=False, metadata={"yaml": False, "line": True})

    def files(self) -> tuple[str, ...]:
        return (self.file, self.calm_file) if self.calm_file else (self.file,)

    def shown(self, calm_mode: bool) -> str | None:
        if calm_mode and self.graphic:
            return self.calm_file
        return self.file

    def shown_alt(self, calm_mode: bool) -> str:
        return self.calm_alt if calm_mode and self.graphic and self.calm_alt else self.alt

    def check(self) -> Checks:
        if self.calm_file and not self.graphic:
            return [("calm_file", "'calm_file' is only used when 'graphic' is true; set graphic: true or remove it")]
        if self.calm_alt and not self.calm_file:
            return [("calm_alt", "'calm_alt' describes the calm_file picture; add calm_file or remove it")]
        return []


@dataclass(frozen=True)
class Review:
    """issue 14: who checked a content file against the facts sheet, on which date, and what they saw.

    ``fingerprint`` is a hash of the file's words when it was checked (``kiosk.check`` prints the
    current one). A hash, not the file's modification time: copying, unzipping, an installer or a
    git checkout changes the time without changing a word, and an edit can keep it.
    """

    by: str
    date: str = field(metadata={"kind": "date"})  # not "on": YAML reads a key "on" as yes/true
    fingerprint: str | None = None


@dataclass(frozen=True)
class Evidence:
    can: tuple[str, ...]
    cannot: tuple[str, ...]


@dataclass(frozen=True)
class SessionFeel:
    position: str
    paragraphs: tuple[Passage, ...]


@dataclass(frozen=True)
class SorenessPoint:
    hours: float = field(metadata=HOURS)
    level: float = field(metadata=LEVEL)


@dataclass(frozen=True)
class SorenessCurve:
    """Typical soreness after needling: level 0 (none) to 10 over the hours after the session."""

    summary: tuple[Passage, ...]
    curve: tuple[SorenessPoint, ...]
    tips: tuple[str, ...]

    def check(self) -> Checks:
        hours = [p.hours for p in self.curve]
        if len(hours) < 3:
            return [("curve", "'soreness.curve' needs at least 3 points to draw the chart")]
        if any(b <= a for a, b in zip(hours, hours[1:])):
            return [("curve", "the hours in 'soreness.curve' must go up, each later than the one before "
                              f"(got {', '.join(schema.number(h) for h in hours)})")]
        if hours[0] != 0:
            return [("curve", "'soreness.curve' must start at hours: 0 (right after the session)")]
        return []

    @property
    def peak_hours(self) -> float:
        return max(self.curve, key=lambda p: p.level).hours

    @property
    def peaks_early(self) -> bool:
        """Strongest within the first hours: said as "in the first few hours" (``UiText.first_hours``),
        because the studies give no exact hour, and a chart's peak at 6 hours is only its drawing."""
        return self.peak_hours < 12

    @property
    def mostly_gone_hours(self) -> float:
        """The first time after the peak that soreness is down to a quarter of it."""
        peak = max(p.level for p in self.curve)
        after = [p for p in self.curve if p.hours > self.peak_hours]
        return next((p.hours for p in after if p.level <= peak / 4), self.curve[-1].hours)

    @property
    def gone_hours(self) -> float:
        return next((p.hours for p in self.curve if p.hours > self.peak_hours and p.level == 0),
                    self.curve[-1].hours)


@dataclass(frozen=True)
class StepExtra:
    """What one walkthrough step adds for a particular region."""

    passages: tuple[Passage, ...]
    picture: Picture | None = None


@dataclass(frozen=True)
class Region:
    """One part of the leg a runner can tap, and what the kiosk says about it."""

    id: str = field(metadata={"yaml": False})
    name: str
    muscles: str
    helps_with: tuple[str, ...]
    does_here: tuple[Passage, ...]
    evidence: Evidence
    feels_like: SessionFeel
    soreness: SorenessCurve
    session_steps: dict[str, StepExtra] = field(default_factory=dict)
    # The sources.yaml ids behind each part of the page, by this file's own keys ("evidence": [...]),
    # for the review pack; kiosk.pagesources checks them.
    sources: dict[str, tuple[str, ...]] = field(default_factory=dict)
    reviewed: Review | None = None  # issue 14


@dataclass(frozen=True)
class WalkthroughStep:
    id: str
    title: str
    passages: tuple[Passage, ...]
    picture: Picture | None = None
    chart: bool = False  # show the region's soreness chart here
    calm_title: str | None = None  # the title in calm mode, when the title itself names the needle
    sources: tuple[str, ...] = ()  # the sources.yaml ids behind this step, for the review pack

    def shown_title(self, calm_mode: bool) -> str:
        return self.calm_title if calm_mode and self.calm_title else self.title


@dataclass(frozen=True)
class Walkthrough:
    title: str
    steps: tuple[WalkthroughStep, ...]
    reviewed: Review | None = None  # issue 14

    def check(self) -> Checks:
        ids = [s.id for s in self.steps]
        twice = sorted({i for i in ids if ids.count(i) > 1})
        if twice:
            return [("steps", f"each step needs its own id; used more than once: {', '.join(twice)}")]
        return []

    def step_ids(self) -> tuple[str, ...]:
        return tuple(s.id for s in self.steps)


@dataclass(frozen=True)
class Precaution:
    heading: str
    text: Passage  # plain text, or graphic with calm wording like any passage
    card: str | None = None  # issue #17: the patient's own words for the therapist card ("I take...")


@dataclass(frozen=True)
class Precautions:
    title: str
    intro: tuple[Passage, ...]
    items: tuple[Precaution, ...]
    closing: tuple[Passage, ...]
    sources: tuple[str, ...] = ()  # the sources.yaml ids behind this page, for the review pack
    reviewed: Review | None = None  # issue 14


@dataclass(frozen=True)
class Source:
    reference: str
    supports: Passage
    id: str | None = None  # the same in every language; pages name their sources by it
    note: str | None = None  # for the clinician checking the content (the review pack), never for patients


@dataclass(frozen=True)
class Sources:
    title: str
    intro: tuple[Passage, ...]
    sources: tuple[Source, ...]
    reviewed: Review | None = None  # issue 14: shown as "Checked by ... on ..."

    def check(self) -> Checks:
        ids = [s.id for s in self.sources if s.id]
        twice = sorted({i for i in ids if ids.count(i) > 1})
        if twice:
            return [("sources", f"each source needs its own id; used more than once: {', '.join(twice)}")]
        return []

    def by_id(self, source_id: str) -> Source | None:
        return next((s for s in self.sources if s.id == source_id), None)


# --- issue #17, the therapist card: the questions a patient may add to it -----------------


@dataclass(frozen=True)
class Question:
    """One question a patient can add to the card they show their therapist. The ``id`` is the
    same in every language, so the card can show the clinic's own wording beneath."""

    id: str
    text: str


@dataclass(frozen=True)
class Questions:
    title: str
    intro: str
    items: tuple[Question, ...]

    def check(self) -> Checks:
        ids = [q.id for q in self.items]
        twice = sorted({i for i in ids if ids.count(i) > 1})
        if twice:
            return [("items", f"each question needs its own id; used more than once: {', '.join(twice)}")]
        return []


@dataclass(frozen=True)
class Colours:
    primary: str = field(metadata={"kind": "colour"})
    background: str = field(metadata={"kind": "colour"})
    text: str = field(metadata={"kind": "colour"})
    highlight: str = field(metadata={"kind": "colour"})


@dataclass(frozen=True)
class Clinic:
    name: str
    phone: str
    colours: Colours
    logo: str | None = field(default=None, metadata={"kind": "asset"})
    # Shown as a QR code on region screens when set; nothing about the patient is in it.
    aftercare_url: str | None = field(default=None, metadata={"kind": "url"})
    # The after-care page in another language, by language code (es: https://...); a language
    # not named here gets aftercare_url (issue #15).
    aftercare_urls: dict[str, str] = field(default_factory=dict, metadata={"kind": "url"})

    def aftercare_for(self, language: str) -> str | None:
        return self.aftercare_urls.get(language, self.aftercare_url)


@dataclass(frozen=True)
class UiText:
    """Every word the screens show that isn't about one region, in one language."""

    language_name: str  # the language's name in itself: "English", "Español"
    title: str
    home_prompt: str
    front_label: str
    back_label: str
    choose_heading: str
    back_button: str
    home_button: str
    section_does: str
    section_feels: str
    section_soreness: str
    helps_with_heading: str
    can_heading: str
    cannot_heading: str
    position_heading: str
    soreness_timeline: str
    soreness_peak: str
    first_hours: str  # when soreness is strongest: the facts give "in the first hours", not an hour
    soreness_mostly_gone: str
    soreness_gone: str
    right_after: str
    hours_after: str
    days_after: str
    soreness_caption: str
    tips_heading: str
    chart_title: str
    chart_right_after: str
    chart_tonight: str
    chart_tomorrow: str
    chart_day_3: str
    chart_none: str
    chart_strong: str
    walkthrough_button: str
    precautions_button: str
    sources_button: str
    calm_toggle: str
    contrast_toggle: str
    text_size: str
    language_heading: str
    next_button: str
    previous_button: str
    step_of: str = field(metadata={"placeholders": ("number", "total")})
    stop_any_time: str
    qr_caption: str
    picture_hidden: str
    call_us: str = field(metadata={"placeholders": ("phone",)})
    unavailable: str
    idle_question: str
    idle_countdown: str = field(metadata={"placeholders": ("seconds",)})
    keep_reading: str
    attract: str
    # The body map for fingertips and the attract screen (issue 13, bodymap):
    soles_label: str
    # The calves page is about calves and shins: the map says which it is, front and back.
    shins_label: str
    calves_label: str
    map_hint: str
    tap_to_start: str
    checked_by: str = field(metadata={"placeholders": ("name", "date")})  # issue 14: the sources page's sign-off
    # issue 14: the review pack (kiosk --export-pages), read by the clinician who signs the content
    pack_title: str
    pack_made: str = field(metadata={"placeholders": ("date", "folder")})
    pack_intro: str
    pack_contents: str
    pack_signoff: str
    pack_files: str
    pack_changed: str
    pack_sources: str  # under each page of the pack: the sources its file names
    pack_no_sources: str
    pack_note: str  # before a source's note for the reviewer
    pack_name: str
    pack_role: str
    pack_date: str
    pack_signature: str
    # Region pages and walkthrough (issue 13): the text-size control names the size that is on,
    # and the walkthrough's last step ends with a way out.
    text_size_normal: str
    text_size_large: str
    text_size_extra_large: str
    done_button: str
    # issue #17: the card a patient shows their therapist, and what the kiosk keeps
    card_button: str
    card_title: str
    card_private: str
    card_empty: str
    card_clear: str
    card_base_language: str = field(metadata={"placeholders": ("language",)})
    tick_heading: str
    questions_button: str
    usage_note: str
    # Read aloud (issue 16): the control, and the soreness chart spoken as a sentence.
    read_aloud: str
    stop_reading: str
    audio_mode: str
    audio_mode_hint: str
    spoken_chart: str = field(metadata={"placeholders": ("peak", "mostly_gone", "gone")})
    # A clinic's bad day (issue #15). Optional, so a clinic's older ui.yaml still loads.
    ask_reception: str | None = None  # where the phone number would be when clinic.yaml is broken
    not_translated: str | None = None  # above a page shown in the base language instead of this one
    # reading: the way back on the questions and card screens, to whatever screen opened them
    # ("Volver" reads better than the step button's "Anterior"). Optional; else previous_button.
    go_back: str | None = None
    # The review pack's screen headings and sign-off. Defaults, so a clinic's older ui.yaml still loads.
    pack_calm: str = field(
        default="{language}, calm mode (needle pictures hidden, gentler words; what it changes is highlighted)",
        metadata={"placeholders": ("language",)})
    pack_general_step: str = field(default="General walkthrough, step {number} of {total}: {title}",
                                   metadata={"placeholders": ("number", "total", "title")})
    pack_region_step: str = field(default="{region} walkthrough, step {number} of {total}: {title}",
                                  metadata={"placeholders": ("region", "number", "total", "title")})
    pack_same_step: str = field(default="The same words and pictures as the general walkthrough, step {number}.",
                                metadata={"placeholders": ("number",)})
    pack_checked_by: str = "Checked by"
    pack_review_by: str = "Review again by"
    pack_sources_list: str = "The sources list"


@dataclass(frozen=True)
class StaffText:
    """Words on the staff PIN pad and menu (content/staff.yaml, one language)."""

    pin_title: str
    pin_not_set: str = field(metadata={"placeholders": ("command",)})  # the command for this tablet
    pin_wrong: str = field(metadata={"placeholders": ("tries",)})
    pin_locked: str = field(metadata={"placeholders": ("minutes",)})
    clear: str
    ok: str
    cancel: str
    menu_title: str
    exit: str
    reload: str
    reload_done: str
    reload_failed: str
    default_language: str
    calm_default: str
    idle_time: str = field(metadata={"placeholders": ("seconds",)})
    problems_title: str
    no_problems: str
    close: str
    # A clinic's bad day (issue #15): exit on purpose, the PIN, defaults, what went wrong.
    clinic_broken: str
    exit_question: str
    exit_confirm: str
    exit_stay: str
    change_pin: str
    pin_old: str
    pin_new: str
    pin_again: str
    pin_changed: str
    pin_different: str
    pin_too_easy: str
    contrast_default: str
    text_size_default: str
    text_sizes: tuple[str, ...]  # normal, large, extra large
    log_title: str
    no_log_problems: str

    # issue #17: "How the kiosk is used"
    insights_button: str
    insights_title: str
    insights_visits: str
    insights_regions: str
    insights_walkthrough: str
    insights_started: str
    insights_finished: str
    insights_languages: str
    insights_empty: str
    insights_kept: str = field(metadata={"placeholders": ("days",)})

    # Read aloud (issue 16): its settings, and which languages lack a voice on this machine.
    read_aloud_on: str
    speech_rate: str
    speech_slower: str
    speech_normal: str
    speech_faster: str
    speech_volume: str
    voice_missing: str = field(metadata={"placeholders": ("language",)})
    speech_unavailable: str
    # The last run stopped without closing (a crash, a kill, a power cut): when, and what to do.
    restarted: str = field(metadata={"placeholders": ("time",)})

    def check(self) -> Checks:
        if len(self.text_sizes) != 3:
            return [("text_sizes", "'text_sizes' needs three names: normal, large, extra large")]
        return []


@dataclass(frozen=True)
class Language:
    """Everything the kiosk says in one language. A missing page is None (shown as 'being updated')."""

    code: str
    ui: UiText
    regions: dict[str, Region]
    walkthrough: Walkthrough | None
    precautions: Precautions | None
    sources: Sources | None
    # Pages shown from the base language because this one's are missing or broken: "walkthrough",
    # "precautions", "sources" or a region id. They are shown whole in the base language (issue #15).
    untranslated: frozenset[str] = frozenset()
    questions: Questions | None = None  # issue #17: none offered when the clinic has no questions.yaml

    @property
    def name(self) -> str:
        return self.ui.language_name


@dataclass(frozen=True)
class Content:
    """Everything the kiosk shows, loaded from one content folder."""

    folder: Path
    clinic: Clinic
    staff: StaffText
    languages: dict[str, Language]  # base language first
    region_ids: tuple[str, ...]  # every region on the body map, in button order
    problems: tuple[Problem, ...]
    # clinic.yaml could not be read (issue #15): ``clinic`` is NO_CLINIC, never another clinic's details.
    clinic_broken: bool = False
    # Read with the content and shown from memory: a folder that vanishes keeps them (kiosk.pictures).
    pictures: dict[str, str] = field(default_factory=dict)  # SVG text by the name content files use
    logo: str | None = None  # the clinic's own logo (SVG text), from its own folder only

    @property
    def base(self) -> Language:
        return self.languages[BASE_LANGUAGE]

    def language(self, code: str) -> Language:
        return self.languages.get(code, self.base)

    def region_problems(self, region_id: str) -> tuple[Problem, ...]:
        path = display_path(region_path(self.folder, region_id))
        return tuple(p for p in self.problems if p.path == path)


# A clinic whose own file can't be read: no name, phone, logo or QR code, and plain colours.
# Never the shipped example's: a patient calling the example's number after a bad reaction
# reaches nobody (issue #15). The pages say "please ask at reception" instead of a phone number.
NO_CLINIC = Clinic(name="", phone="", colours=Colours(primary="#1f4e66", background="#ffffff",
                                                      text="#1f2933", highlight="#b8561f"))

# The shipped example's details: --check-content warns while a clinic still shows them.
EXAMPLE_PHONE = "0123 456 7890"
EXAMPLE_WEB_ADDRESS = "example.com"


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
        from kiosk import yamltext

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


def region_path(folder: Path, region_id: str) -> Path:
    return folder / "regions" / f"{region_id}.yaml"


def read_file(path: Path, parse: Callable[Concatenate[str, str, P], T], *args: P.args, **kwargs: P.kwargs) -> T:
    """Read one file and parse it; every failure becomes a ContentError naming the file."""
    from kiosk import yamltext

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
    # issue #17: questions.yaml is new, so a clinic's older content folder without one is not wrong.
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


def parts(value: object) -> Iterator[object]:
    """Every content object inside ``value`` (itself included), however deeply nested."""
    if isinstance(value, (tuple, list)):
        for item in value:
            yield from parts(item)
    elif isinstance(value, dict):
        for item in value.values():
            yield from parts(item)
    elif hasattr(value, "__dataclass_fields__"):
        yield value
        for name in value.__dataclass_fields__:
            yield from parts(getattr(value, name))


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
