"""Every word the screens and the staff's menu show that is not about one page (ui.yaml, staff.yaml). No Qt."""

from __future__ import annotations

from dataclasses import dataclass, field

from kiosk.model.parts import Checks


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
    # The body map for fingertips and the attract screen:
    soles_label: str
    # The calves page is about calves and shins: the map says which it is, front and back.
    shins_label: str
    calves_label: str
    map_hint: str
    tap_to_start: str
    checked_by: str = field(metadata={"placeholders": ("name", "date")})  # the sources page's sign-off
    # The review pack (kiosk --export-pages), read by the clinician who signs the content
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
    # Region pages and walkthrough: the text-size control names the size that is on,
    # and the walkthrough's last step ends with a way out.
    text_size_normal: str
    text_size_large: str
    text_size_extra_large: str
    done_button: str
    # The card a patient shows their therapist, and what the kiosk keeps
    card_button: str
    card_title: str
    card_private: str
    card_empty: str
    card_clear: str
    card_base_language: str = field(metadata={"placeholders": ("language",)})
    tick_heading: str
    questions_button: str
    usage_note: str
    # Read aloud: the control, and the soreness chart spoken as a sentence.
    read_aloud: str
    stop_reading: str
    audio_mode: str
    audio_mode_hint: str
    spoken_chart: str = field(metadata={"placeholders": ("peak", "mostly_gone", "gone")})
    # A clinic's bad day. Optional, so a clinic's older ui.yaml still loads.
    ask_reception: str | None = None  # where the phone number would be when clinic.yaml is broken
    not_translated: str | None = None  # above a page shown in the base language instead of this one
    # reading: the way back on the questions and card screens, to whatever screen opened them
    # ("Volver" reads better than the step button's "Anterior"). Optional; else previous_button.
    go_back: str | None = None
    # Home's way to the card, shown once something is ticked. Optional; else card_button.
    card_from_home: str | None = None
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
    # Therapist mode: the screen held while a therapist talks a patient through it. Defaults, so
    # a clinic's older ui.yaml still loads.
    therapist_mode: str = "Therapist mode"
    therapist_minutes_left: str = field(default="Therapist mode: {minutes} min",
                                        metadata={"placeholders": ("minutes",)})
    # Said, never shown, as "Still reading?" opens: by a screen reader, and by audio mode's voice.
    idle_spoken_time: str = field(default="The screen starts again for the next patient in {seconds} seconds.",
                                  metadata={"placeholders": ("seconds",)})
    idle_spoken_keep: str = "To keep reading, press any key or touch the screen."
    # Under a step in therapist mode: the step's words for the therapist (walkthrough.yaml).
    therapist_notes: str = "For the therapist"
    therapist_look_for: str = field(default="Check: {what}", metadata={"placeholders": ("what",)})
    therapist_ask: str = field(default="Ask them: \u201c{question}\u201d", metadata={"placeholders": ("question",)})
    # The overview of every step ("Step 3 of 8" opens it), and the pause the stop line opens.
    all_steps: str = "All the steps: tap one to go there"
    pause_title: str = "Take a pause"
    pause_now: str = "Nothing happens until you are ready. You can carry on, ask a question, or stop altogether."
    pause_therapist: str = "In your session, say stop or use your stop signal, and your therapist stops straight away."
    pause_breathe: str = ("Breathe slowly: in through your nose, then a long, slow breath out. "
                          "Slow breathing can help you feel calmer.")
    pause_faint: str = "If you feel faint or light-headed, tell your therapist or our team. Lying down usually helps."
    pause_back: str = field(default="Carry on at step {number}", metadata={"placeholders": ("number",)})
    # The slow breathing the pause opens: paced by a circle that grows and shrinks.
    breathing_open: str = "Breathe with me"
    breathing_title: str = "Breathe with me"
    breathing_note: str = ("Many people find slow breathing calming. It is common advice in clinics, "
                           "not a treatment.")
    breathing_ready: str = "Get comfortable. Breathe in as the circle grows, and out as it shrinks."
    breathe_in: str = "Breathe in slowly"
    breathe_out: str = "And breathe out, slower still"
    breathing_count: str = field(default="Breath {number} of {total}", metadata={"placeholders": ("number", "total")})
    breathing_done: str = "Well done. Carry on when you are ready."
    breathing_again: str = "Breathe again"
    # The card's two groups: what the therapist must know first, then the patient's questions.
    card_safety: str = "Safety first"
    card_questions: str = "My questions"
    # Which way the language is written: "rtl" (Arabic, Hebrew, ...) mirrors the screens and pages.
    direction: str = field(default="ltr", metadata={"choices": ("ltr", "rtl")})

    @property
    def right_to_left(self) -> bool:
        return self.direction == "rtl"


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
    # A clinic's bad day: exit on purpose, the PIN, defaults, what went wrong.
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

    # "How the kiosk is used": the staff's usage charts
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

    # Read aloud: its settings, and which languages lack a voice on this machine.
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
    # How many digits are on the PIN pad, for a screen reader (never which).
    pin_digits: str = field(default="Digits entered: {count}", metadata={"placeholders": ("count",)})
    # The longer wait while a patient listens (a default, so an older staff.yaml still loads).
    listening_idle_time: str = field(default="With audio mode or a screen reader: reset after {seconds} seconds",
                                     metadata={"placeholders": ("seconds",)})
    # How long therapist mode may hold the screen (a default, so a clinic's older staff.yaml still loads).
    therapist_time: str = field(default="Therapist mode holds the screen for up to {minutes} minutes",
                                metadata={"placeholders": ("minutes",)})

    def check(self) -> Checks:
        if len(self.text_sizes) != 3:
            return [("text_sizes", "'text_sizes' needs three names: normal, large, extra large")]
        return []
