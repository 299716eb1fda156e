"""Read aloud: the kiosk speaks the shown page in the patient's language, sentence by sentence.

The screens' controls (``kiosk.ui.speech.controls``) follow what Read aloud offers now
(``SpeechOffer``): shown only where the machine has a voice for the visit's language, and the
wiring passes on what the patient asks of them. ``ReadAloud`` reads the page (``kiosk.pages.speech``
says what), highlights the sentence being read, stops on navigation, and carries on reading when
the walkthrough turns a page. ``kiosk.ui.speech.narrator`` owns Qt's text-to-speech and is imported
only after home is painted (it is in PySide6-Addons, an optional install: without it the controls
stay hidden and the kiosk works as before).
"""

from __future__ import annotations

import contextlib
import logging
import os
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtWidgets import QWidget

from kiosk.model.content import Language
from kiosk.ui.firstpaint import after_first_paint
from kiosk.ui.screens.screen import Screen
from kiosk.ui.speech.offer import SpeechOffer
from kiosk.ui.widgets import announce

if TYPE_CHECKING:  # loaded when Read aloud is first wanted, after home is painted (start-up time)
    from kiosk.pages.speech import Sentence
    from kiosk.ui.speech.audiomode import AudioMode
    from kiosk.ui.speech.narrator import Narrator
    from kiosk.ui.widgets.pageview import PageView

log = logging.getLogger(__name__)

# The text-to-speech engine: empty for the system's own (SAPI or OneCore on Windows,
# speech-dispatcher on Linux), "mock" in the tests (Qt's deterministic engine), "none" for none.
ENGINE_VARIABLE = "KIOSK_SPEECH_ENGINE"
LOAD_AFTER_PAINT_MS = 300  # after home's first frame and the first region screens made ahead


class ReadAloud(QObject):
    """Read aloud and audio mode for the window's screens (see the module's docstring); ``offer``
    is what it offers them now. ``use`` tells it the visit's language whenever that changes.

    ``speaking`` is emitted as each sentence starts: a patient listening is not idle.
    """

    speaking = Signal()
    loaded = Signal()

    def __init__(self, window: QWidget, language: Language, enabled: bool = True, rate: float = 0.0,
                 volume: float = 1.0):
        super().__init__(window)
        self.offer = SpeechOffer(self)
        self._language = language
        self.enabled = enabled
        self._rate, self._volume = rate, volume
        self.narrator: Narrator | None = None
        self.audio: AudioMode | None = None
        self.audio_on = False
        self._screen: Screen | None = None
        self._reading: list[Sentence] = []
        self._reading_view: PageView | None = None
        self._found_from = 0
        self._load_timer = QTimer(self, singleShot=True, interval=LOAD_AFTER_PAINT_MS)
        self._load_timer.timeout.connect(self.load)
        self._never_load = False

    # --- loading, after home is painted -------------------------------------------------

    def load_after_paint(self, home: QWidget) -> None:
        """Load the speech engine shortly after ``home`` is first painted (not before: start-up)."""
        if self.narrator is None:
            after_first_paint(home, self._load_soon)

    def never_load(self) -> None:
        """Not after home's paint either: a run that only times the start quits then, and a
        slow machine (or callgrind) would otherwise count the speech engine as start-up."""
        self._never_load = True
        self._load_timer.stop()

    def _load_soon(self) -> None:
        if self.narrator is None and not self._never_load:
            self._load_timer.start()

    def load(self) -> None:
        if self.narrator is not None:
            return
        from kiosk.ui.speech.audiomode import AudioMode
        from kiosk.ui.speech.narrator import Narrator

        self.narrator = Narrator(os.environ.get(ENGINE_VARIABLE, ""), self)
        self.narrator.set_rate_and_volume(self._rate, self._volume)
        self.narrator.sentenceStarted.connect(self._sentence_started)
        self.narrator.finished.connect(self._finished)
        self.audio = AudioMode(self.narrator, lambda: self._language.code, self, gives_way=self._reader_speaks)
        if self.narrator.pending:  # the engine is still being asked whether it answers
            self.narrator.settled.connect(self._settled)
        else:
            self._settled()

    def load_and_wait(self) -> None:
        """Load the speech engine and wait until it is known to work or not (the offscreen tour)."""
        from PySide6.QtCore import QEventLoop

        self.load()
        assert self.narrator is not None
        if self.narrator.pending:
            loop = QEventLoop()
            self.narrator.settled.connect(loop.quit)
            loop.exec()  # the probe's deadline ends the wait if the engine never answers

    def _settled(self) -> None:
        self._show_state()
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
        self._show_state()

    def use(self, language: Language) -> None:
        """The visit's language now (a voice may exist for one language and not another)."""
        self._language = language
        self._show_state()

    # --- what the kiosk tells it ------------------------------------------------------------

    def screen_shown(self, screen: Screen | None, fresh_visit: bool = False) -> None:
        """A screen is shown (or the walkthrough turned a page: the same screen, a new page)."""
        same = screen is not None and screen is self._screen
        reading = self.reading
        self.stop()
        if fresh_visit:
            self.set_audio_mode(False)
        self._screen = screen
        if screen is None:
            return
        self._show_state()
        if self.audio is not None:
            self.audio.forget_touch()
        if (same and reading) or (self.audio_on and self.can_speak() and not self._reader_speaks()):
            self.read(screen)

    def announce(self, words: list[str]) -> None:
        """In audio mode, say what has just appeared over the screen (the idle question)."""
        if self.audio_on and self.narrator is not None and not self._reader_speaks():
            self.stop()
            self.narrator.say(words, self._language.code)

    @staticmethod
    def _reader_speaks() -> bool:
        """A screen reader is running: it says new screens, what appears over them and what a
        finger or the keyboard reaches, so audio mode's voice gives way (Read aloud still reads
        when asked). One voice at a time: two at once are heard as neither."""
        return announce.screen_reader_running()

    def can_speak(self) -> bool:
        return (self.enabled and self.narrator is not None
                and self.narrator.has_voice(self._language.code))

    @property
    def reading(self) -> bool:
        return self.narrator is not None and self.narrator.speaking and bool(self._reading)

    def close(self) -> None:
        """The kiosk is closing: nothing it started to try the speech engine outlives it."""
        if self.narrator is not None:
            self.narrator.close()

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
        self._show_state()
        if on and self.narrator is not None:
            ui = self._language.ui
            self.narrator.say([ui.audio_mode, ui.audio_mode_hint], self._language.code)  # the toggle's own words
        elif not on:
            self.stop()

    # --- reading a screen ---------------------------------------------------------------------

    def read_or_stop(self) -> None:
        """Read aloud on the shown screen: read it, or stop reading."""
        if self.reading:
            self.stop()
        elif self._screen is not None:
            self.read(self._screen)

    def read(self, screen: Screen) -> None:
        from kiosk.pages.speech import Sentence, chart_sentence, sentences, split

        view = screen.page_view()
        html = view.page.html if view is not None else None
        if view is not None and html is not None:
            page = view.page
            chart = chart_sentence(page.soreness, self._language.ui) if page.soreness is not None else None
            script = sentences(html, chart)
        elif view is not None:
            script = [Sentence(s, s) for s in split(view.toPlainText())]
        else:
            script = [Sentence(s, None) for s in screen.words_shown()]
        self.stop()
        self._reading, self._reading_view, self._found_from = script, view, 0
        if self.narrator is None or not self.narrator.say([s.text for s in script], self._language.code):
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
        from PySide6.QtGui import QPalette, QTextCharFormat, QTextCursor, QTextDocument
        from PySide6.QtWidgets import QTextEdit

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
        from PySide6.QtGui import QTextCursor

        view = self._reading_view
        selections = view.extraSelections() if view is not None else []
        if not selections:
            return ""
        cursor = QTextCursor(selections[0].cursor)  # a copy: the list's own goes with the list
        return cursor.selectedText()

    def _show_state(self) -> None:
        """What the screens' controls show: offered, reading, audio mode."""
        self.offer.set(offered=self.can_speak(), reading=self.reading, audio_mode=self.audio_on)
