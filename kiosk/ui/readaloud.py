"""Read aloud: the kiosk speaks the shown page in the patient's language, sentence by sentence.

``ReadAloudButton`` and ``AudioModeToggle`` are the controls a screen puts in its header (one
line each); ``ReadAloud`` finds them on each shown screen and does the rest: it shows them only
where the machine has a voice for the visit's language, reads the page (``kiosk.speech`` says
what), highlights the sentence being read, stops on navigation, and carries on reading when the
walkthrough turns a page. ``Narrator`` owns Qt's text-to-speech, which is imported only after
home is painted (it is in PySide6-Addons, an optional install: without it the controls stay
hidden and the kiosk works as before).
"""

from __future__ import annotations

import contextlib
import logging
import os
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QEvent, QLocale, QLoggingCategory, QObject, QTimer, Signal
from PySide6.QtGui import QPalette, QTextCharFormat, QTextCursor, QTextDocument
from PySide6.QtWidgets import QAbstractButton, QCheckBox, QLabel, QPushButton, QTextEdit, QWidget

from kiosk.content import UiText
from kiosk.speech import Sentence, chart_sentence, sentences, split

if TYPE_CHECKING:
    from kiosk.ui.audiomode import AudioMode
    from kiosk.ui.pageview import PageView

log = logging.getLogger(__name__)

# The text-to-speech engine: empty for the system's own (SAPI or OneCore on Windows,
# speech-dispatcher on Linux), "mock" in the tests (Qt's deterministic engine), "none" for none.
ENGINE_VARIABLE = "KIOSK_SPEECH_ENGINE"
LOAD_AFTER_PAINT_MS = 300  # after home's first frame and the first region screens made ahead
LONG_PRESS_MS = 1500  # a long press on Read aloud turns audio mode on or off


class ReadAloudButton(QPushButton):
    """"Read aloud" / "Stop reading". Hidden until ``ReadAloud`` knows a voice for the language."""

    longPressed = Signal()

    def __init__(self, ui: UiText, parent: QWidget | None = None):
        super().__init__(ui.read_aloud, parent)
        self.setObjectName("languageButton")
        self._words = (ui.read_aloud, ui.stop_reading)
        self.setAccessibleName(ui.read_aloud)
        self.setVisible(False)
        self._held = QTimer(self, singleShot=True, interval=LONG_PRESS_MS)
        self._held.timeout.connect(self._long_press)
        self._was_long = False
        self.pressed.connect(self._start_hold)
        self.released.connect(self._held.stop)

    def set_reading(self, reading: bool) -> None:
        self.setText(self._words[1] if reading else self._words[0])
        self.setAccessibleName(self.text())

    def _start_hold(self) -> None:
        self._was_long = False
        self._held.start()

    def _long_press(self) -> None:
        self._was_long = True
        self.longPressed.emit()

    def was_long_press(self) -> bool:
        """The click that ends a long press is not a click on Read aloud."""
        was, self._was_long = self._was_long, False
        return was


class AudioModeToggle(QCheckBox):
    """Audio mode on home: every touch speaks what it touched; a second touch chooses it."""

    def __init__(self, ui: UiText, parent: QWidget | None = None):
        super().__init__(ui.audio_mode, parent)
        self.setObjectName("calmToggle")
        self.setVisible(False)


@dataclass(frozen=True)
class Voice:
    """The voice chosen for one language, or the reason there is none."""

    locale: QLocale | None
    name: str = ""


class Narrator(QObject):
    """Qt's text-to-speech, one sentence at a time so the sentence being read is known.

    ``sentenceStarted(index)`` as each sentence begins; ``finished`` after the last one or a stop.
    """

    sentenceStarted = Signal(int)
    finished = Signal()

    def __init__(self, engine: str = "", parent: QObject | None = None):
        super().__init__(parent)
        self._tts: Any = None
        self._voices: dict[str, Voice] = {}
        self._script: list[str] = []
        self._index = -1
        self._active = False
        self.problem = ""  # why there is no speech at all, for the log and the staff menu
        self._load(engine)

    def _load(self, engine: str) -> None:
        if engine == "none":
            self.problem = "turned off"
            return
        # QtMultimedia, which text-to-speech loads, looks for PipeWire on Linux and warns where it
        # is missing; speech doesn't go through it (the engines have their own audio).
        QLoggingCategory.setFilterRules("qt.multimedia.symbolsresolver.warning=false")
        try:
            from PySide6.QtTextToSpeech import QTextToSpeech
        except ImportError as exc:  # PySide6-Addons not installed: the kiosk works without speech
            self.problem = f"Qt's text-to-speech is not installed ({exc})"
            log.info("read aloud: %s", self.problem)
            return
        try:
            tts = QTextToSpeech(engine, self) if engine else QTextToSpeech(self)
        except Exception as exc:  # noqa: BLE001  (a broken engine must not stop the kiosk)
            self.problem = f"the text-to-speech engine could not start ({exc})"
            log.warning("read aloud: %s", self.problem)
            return
        if tts.state() == QTextToSpeech.State.Error:
            self.problem = f"the text-to-speech engine {tts.engine()!r} reports: {tts.errorString()}"
            log.warning("read aloud: %s", self.problem)
            return
        tts.stateChanged.connect(self._state_changed)
        self._tts = tts
        self._ready = QTextToSpeech.State.Ready
        self._error = QTextToSpeech.State.Error
        log.info("read aloud: engine %s", tts.engine())

    @property
    def available(self) -> bool:
        return self._tts is not None

    @property
    def engine(self) -> Any:
        """The QTextToSpeech object (None without speech), for the tests to listen to."""
        return self._tts

    @property
    def script(self) -> list[str]:
        """What is being read now, sentence by sentence."""
        return list(self._script)

    @property
    def speaking(self) -> bool:
        return self._active

    def voice(self, language: str) -> Voice:
        """The voice for a language code ("en", "es"): the language's main country first."""
        if language not in self._voices:
            self._voices[language] = self._find_voice(language)
        return self._voices[language]

    def has_voice(self, language: str) -> bool:
        return self.available and self.voice(language).locale is not None

    def _find_voice(self, language: str) -> Voice:
        if self._tts is None:
            return Voice(None)
        wanted = QLocale(language)
        locales = [loc for loc in self._tts.availableLocales() if loc.language() == wanted.language()]
        locales.sort(key=lambda loc: (loc.territory() != wanted.territory(), loc.name()))
        for locale in locales:
            if self._tts.setLocale(locale) is False:
                continue
            voices = [v for v in self._tts.availableVoices()
                      if v.locale().language() in (wanted.language(), QLocale.Language.C)]
            if voices:
                return Voice(locale, voices[0].name())
        return Voice(None)

    def set_rate_and_volume(self, rate: float, volume: float) -> None:
        if self._tts is not None:
            self._tts.setRate(max(-1.0, min(1.0, rate)))
            self._tts.setVolume(max(0.0, min(1.0, volume)))

    def say(self, script: list[str], language: str) -> bool:
        """Speak ``script`` in ``language``, replacing anything being spoken. False if it can't."""
        self.stop()
        voice = self.voice(language) if self._tts is not None else Voice(None)
        if voice.locale is None or not script:
            return False
        self._tts.setLocale(voice.locale)
        for candidate in self._tts.availableVoices():
            if candidate.name() == voice.name:
                self._tts.setVoice(candidate)
                break
        self._script = script
        self._index = -1
        self._active = True
        self._next()
        return True

    def stop(self) -> None:
        if not self._active:
            return
        self._active = False  # first: the engine's "ready" after stop() must not start the next
        self._script = []
        self._tts.stop()
        self.finished.emit()

    def _next(self) -> None:
        self._index += 1
        if self._index >= len(self._script):
            self._active = False
            self.finished.emit()
            return
        self.sentenceStarted.emit(self._index)
        self._tts.say(self._script[self._index])

    def _state_changed(self, state: object) -> None:
        if not self._active:
            return
        if state == self._ready:
            QTimer.singleShot(0, self._continue)  # not from inside the engine's own signal
        elif state == self._error:
            log.warning("read aloud: the engine stopped: %s", self._tts.errorString())
            self.stop()

    def _continue(self) -> None:
        if self._active and self._tts.state() == self._ready:
            self._next()


class ReadAloud(QObject):
    """Read aloud and audio mode for the window's screens (see the module's docstring).

    ``speaking`` is emitted as each sentence starts: a patient listening is not idle.
    """

    speaking = Signal()
    loaded = Signal()

    def __init__(self, window: QWidget, language: Callable[[], str], ui: Callable[[], UiText],
                 enabled: bool = True, rate: float = 0.0, volume: float = 1.0):
        super().__init__(window)
        self._language = language
        self._ui = ui
        self.enabled = enabled
        self._rate, self._volume = rate, volume
        self.narrator: Narrator | None = None
        self.audio: AudioMode | None = None
        self.audio_on = False
        self._screen: QWidget | None = None
        self._reading: list[Sentence] = []
        self._reading_view: PageView | None = None
        self._found_from = 0
        self._load_timer = QTimer(self, singleShot=True, interval=LOAD_AFTER_PAINT_MS)
        self._load_timer.timeout.connect(self.load)

    # --- loading, after home is painted -------------------------------------------------

    def load_after_paint(self, home: QWidget) -> None:
        """Load the speech engine shortly after ``home`` is first painted (not before: start-up)."""
        if self.narrator is None:
            home.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint and self.narrator is None and not self._load_timer.isActive():
            watched.removeEventFilter(self)
            self._load_timer.start()
        return False

    def load(self) -> None:
        if self.narrator is not None:
            return
        from kiosk.ui.audiomode import AudioMode

        self.narrator = Narrator(os.environ.get(ENGINE_VARIABLE, ""), self)
        self.narrator.set_rate_and_volume(self._rate, self._volume)
        self.narrator.sentenceStarted.connect(self._sentence_started)
        self.narrator.finished.connect(self._finished)
        self.audio = AudioMode(self.narrator, self._language, self)
        if self._screen is not None:
            self._wire(self._screen)
        self.loaded.emit()

    def missing_voices(self, languages: dict[str, str]) -> list[str] | None:
        """The names of the languages without a voice; None when there is no speech at all."""
        if self.narrator is None:
            self.load()
        assert self.narrator is not None
        if not self.narrator.available:
            return None
        return [name for code, name in languages.items() if not self.narrator.has_voice(code)]

    def apply_settings(self, enabled: bool, rate: float, volume: float) -> None:
        self.enabled, self._rate, self._volume = enabled, rate, volume
        if self.narrator is not None:
            self.narrator.set_rate_and_volume(rate, volume)
        if not enabled:
            self.set_audio_mode(False)
            self.stop()
        if self._screen is not None:
            self._wire(self._screen)

    # --- what the window tells it -----------------------------------------------------------

    def screen_shown(self, screen: QWidget | None, fresh_visit: bool = False) -> None:
        """A screen is shown (or the walkthrough turned a page: the same screen, a new page)."""
        same = screen is not None and screen is self._screen
        reading = self.reading
        self.stop()
        if fresh_visit:
            self.set_audio_mode(False)
        self._screen = screen
        if screen is None:
            return
        self._wire(screen)
        if self.audio is not None:
            self.audio.forget_touch()
        if (same and reading) or (self.audio_on and self.can_speak()):
            self.read(screen)

    def can_speak(self) -> bool:
        return (self.enabled and self.narrator is not None
                and self.narrator.has_voice(self._language()))

    @property
    def reading(self) -> bool:
        return self.narrator is not None and self.narrator.speaking and bool(self._reading)

    def stop(self) -> None:
        if self.narrator is not None:
            self.narrator.stop()
        self._clear_highlight()
        self._reading = []

    def set_audio_mode(self, on: bool) -> None:
        on = on and self.can_speak()
        if on == self.audio_on:
            return
        self.audio_on = on
        if self.audio is not None:
            self.audio.enabled = on
        if self._screen is not None:
            for toggle in self._screen.findChildren(AudioModeToggle):
                toggle.setChecked(on)
        if on and self.narrator is not None:
            self.narrator.say([self._ui().audio_mode], self._language())  # the toggle's own words
        elif not on:
            self.stop()

    # --- reading a screen ---------------------------------------------------------------------

    def read(self, screen: QWidget) -> None:
        view = _page_view(screen)
        html = view.page.html if view is not None else None
        if view is not None and html is not None:
            page = view.page
            chart = chart_sentence(page.soreness, self._ui()) if page.soreness is not None else None
            script = sentences(html, chart)
        elif view is not None:
            script = [Sentence(s, s) for s in split(view.toPlainText())]
        else:
            script = [Sentence(s, None) for s in _words_on(screen)]
        self.stop()
        self._reading, self._reading_view, self._found_from = script, view, 0
        if self.narrator is None or not self.narrator.say([s.text for s in script], self._language()):
            self._reading = []
        self._show_state()

    def _sentence_started(self, index: int) -> None:
        self.speaking.emit()
        if self._reading and index < len(self._reading):
            self._highlight(self._reading[index])

    def _finished(self) -> None:
        self._reading = []
        self._clear_highlight()
        self._show_state()

    def _highlight(self, sentence: Sentence) -> None:
        view = self._reading_view
        if view is None or sentence.shown is None:
            return
        document = view.document()
        found = document.find(sentence.shown, self._found_from, QTextDocument.FindFlag.FindCaseSensitively)
        if found.isNull():
            found = document.find(sentence.shown, 0, QTextDocument.FindFlag.FindCaseSensitively)
        if found.isNull():
            return
        self._found_from = found.selectionEnd()
        selection = QTextEdit.ExtraSelection()
        selection.cursor = found
        marked = QTextCharFormat()
        palette = view.palette()
        marked.setBackground(palette.color(QPalette.ColorRole.Highlight))
        marked.setForeground(palette.color(QPalette.ColorRole.HighlightedText))
        selection.format = marked
        view.setExtraSelections([selection])
        # Keep the sentence being read on screen, a third of the way down.
        at = QTextCursor(found)
        rect = view.cursorRect(at)
        bar = view.verticalScrollBar()
        if rect.top() < 0 or rect.bottom() > view.viewport().height():
            bar.setValue(bar.value() + rect.top() - view.viewport().height() // 3)

    def _clear_highlight(self) -> None:
        view = self._reading_view
        self._reading_view = None
        if view is not None:
            with contextlib.suppress(RuntimeError):  # the screen was deleted (kept screens are let go of)
                view.setExtraSelections([])
        self._show_state()

    def highlighted(self) -> str:
        """The text highlighted now, for tests: empty when none."""
        view = self._reading_view
        selections = view.extraSelections() if view is not None else []
        if not selections:
            return ""
        cursor = QTextCursor(selections[0].cursor)  # a copy: the list's own goes with the list
        return cursor.selectedText()

    # --- the controls on each screen ---------------------------------------------------------

    def _wire(self, screen: QWidget) -> None:
        speakable = self.can_speak()
        for button in screen.findChildren(ReadAloudButton):
            if not button.property("readAloudWired"):
                button.setProperty("readAloudWired", True)
                button.clicked.connect(lambda _=False, b=button: self._clicked(b))
                button.longPressed.connect(lambda: self.set_audio_mode(not self.audio_on))
            button.setVisible(speakable)
        for toggle in screen.findChildren(AudioModeToggle):
            if not toggle.property("readAloudWired"):
                toggle.setProperty("readAloudWired", True)
                toggle.toggled.connect(self.set_audio_mode)
            toggle.setChecked(self.audio_on)
            toggle.setVisible(speakable)
        self._show_state()

    def _clicked(self, button: ReadAloudButton) -> None:
        if button.was_long_press():
            return
        if self.reading:
            self.stop()
        elif self._screen is not None:
            self.read(self._screen)

    def _show_state(self) -> None:
        if self._screen is None:
            return
        try:
            buttons = self._screen.findChildren(ReadAloudButton)
        except RuntimeError:
            return
        for button in buttons:
            button.set_reading(self.reading)


def _page_view(screen: QWidget) -> PageView | None:
    from kiosk.ui.screen import Screen

    return screen.page_view() if isinstance(screen, Screen) else None


def _words_on(screen: QWidget) -> list[str]:
    """A screen without a page (home): its words and controls, in the order they were made."""
    said: list[str] = []
    for widget in screen.findChildren(QWidget):
        if not widget.isVisibleTo(screen) or isinstance(widget, ReadAloudButton):
            continue
        if isinstance(widget, QLabel) and not isinstance(widget.parent(), QAbstractButton):
            words = widget.text()
        elif isinstance(widget, QAbstractButton):
            words = widget.accessibleName() or widget.text()
        else:
            continue
        words = " ".join(words.split())
        if words and words not in said:
            said.append(words)
    return said
