"""The computer's voice: Qt's text-to-speech (PySide6-Addons), one sentence at a time.

Imported only when Read aloud is first wanted, after home is painted: loading QtTextToSpeech and
QtMultimedia costs start-up time, and without PySide6-Addons ``Narrator.available`` is False and
the kiosk simply has no Read aloud.

An engine that talks to a daemon (speech-dispatcher on Linux) is first tried in a child process
(kiosk.ui.speech.probe): the narrator is then ``pending`` and says ``settled`` when it knows.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QLocale, QLoggingCategory, QObject, QTimer, Signal

if TYPE_CHECKING:  # made only where an engine needs trying first
    from kiosk.ui.speech.probe import SpeechProbe

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Voice:
    """The voice chosen for one language, or the reason there is none."""

    locale: QLocale | None
    name: str = ""


class Narrator(QObject):
    """Qt's text-to-speech, one sentence at a time so the sentence being read is known.

    ``sentenceStarted(index)`` as each sentence begins; ``finished`` after the last one or a stop.
    """

    settled = Signal()  # when it was pending: the engine has been built, or is known not to work
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
        self.installed = True  # False without PySide6-Addons: no speech, and nothing wrong
        self.pending = False  # True while a child process tries the engine first
        self._probe: SpeechProbe | None = None
        self._load(engine)

    def _load(self, engine: str) -> None:
        if engine == "none":
            self.problem = "turned off"
            return
        # QtMultimedia, which text-to-speech loads, looks for PipeWire on Linux and warns where it
        # is missing; speech doesn't go through it (the engines have their own audio).
        QLoggingCategory.setFilterRules("qt.multimedia.symbolsresolver.warning=false")
        try:
            from PySide6.QtTextToSpeech import QTextToSpeech  # noqa: F401  (can it load at all?)
        except ImportError as exc:  # PySide6-Addons not installed: the kiosk works without speech
            from importlib.util import find_spec

            # Installed but broken (a library missing from a packaged build) is a fault the
            # self-test reports; not installed at all is a choice.
            self.installed = _spec_exists("PySide6.QtTextToSpeech", find_spec)
            self.problem = f"Qt's text-to-speech is not installed or can't load ({exc})"
            log.info("read aloud: %s", self.problem)
            return
        from kiosk.ui.speech.probe import SpeechProbe, needs_probe

        if needs_probe(engine):
            self.pending = True
            self._probe = probe = SpeechProbe(engine, self)
            probe.answered.connect(lambda problem: self._probed(engine, problem))
            probe.start()
            return
        self._build(engine)

    def _probed(self, engine: str, problem: str) -> None:
        if problem:
            self.problem = problem
        else:
            self._build(engine)
        self.pending = False
        self.settled.emit()

    def _build(self, engine: str) -> None:
        from PySide6.QtTextToSpeech import QTextToSpeech

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
        """The first voice of the best locale for ``language``; none if the engine has none."""
        if self._tts is None:
            return Voice(None)
        wanted = QLocale(language)
        # The country the computer is set to first (a British clinic's English), else the
        # language's main one (QLocale("es") is Spain's Spanish).
        system = QLocale.system()
        country = system.territory() if system.language() == wanted.language() else wanted.territory()
        locales = [loc for loc in self._tts.availableLocales() if loc.language() == wanted.language()]
        locales.sort(key=lambda loc: (loc.territory() != country, loc.name()))
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

    def close(self) -> None:
        """The kiosk is closing: a probe of the engine still running is ended."""
        if self._probe is not None:
            self._probe.cancel()

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


def _spec_exists(module: str, find_spec: Any) -> bool:
    try:
        return find_spec(module) is not None
    except (ImportError, ValueError):  # a module made None in sys.modules (the tests) says ValueError
        return False
