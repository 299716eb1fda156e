"""What every screen is made with besides its own pages: the words in the visit's language, the
look and the patient's choices, and what the screen offers. Small and typed, so a screen can be
made alone, without a window: by a test, the content editor's preview, or a check that lays out
every screen offscreen."""

from __future__ import annotations

from dataclasses import dataclass

from kiosk.model.clinic import Colours
from kiosk.model.words import UiText
from kiosk.pages.palette import theme_colours
from kiosk.ui.input.therapisthold import TherapistHold
from kiosk.ui.speech.offer import SpeechOffer
from kiosk.visit.scene import Scene


@dataclass(frozen=True)
class ScreenContext:
    ui: UiText
    colours: Colours  # the visit's: the clinic's, or high contrast's
    text_scale: float = 1.0
    calm: bool = False
    high_contrast: bool = False
    questions: bool = False  # the clinic has questions for the therapist card: screens offer them
    speech: SpeechOffer | None = None  # what Read aloud offers now; None: no Read aloud
    therapist: TherapistHold | None = None  # therapist mode's hold; None: no therapist mode offered


def screen_context(scene: Scene, speech: SpeechOffer | None,
                   therapist: TherapistHold | None = None) -> ScreenContext:
    """The context for the scene's visit."""
    visit, language = scene.visit, scene.language
    colours = theme_colours(scene.book.content.clinic.colours, visit.high_contrast)
    return ScreenContext(language.ui, colours, visit.text_scale, visit.calm, visit.high_contrast,
                         language.questions is not None, speech, therapist)
