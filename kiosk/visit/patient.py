"""One patient's visit: the choices they make, and the fresh start the next patient gets.

Plain Python: the window keeps a ``Visit`` and replaces it, never edits it, so a screen kept
for one set of choices can't be shown for another by accident.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass, replace

from kiosk.model.content import BASE_LANGUAGE
from kiosk.settings.values import Settings

# Text sizes a patient steps through with the "A A" control, and their names in the settings.
TEXT_SCALES = (1.0, 1.4, 1.8)
TEXT_SIZE_NAMES = ("normal", "large", "extra-large")


@dataclass(frozen=True)
class Visit:
    """One patient's choices: cleared for the next patient."""

    language: str = BASE_LANGUAGE
    calm: bool = False
    high_contrast: bool = False
    text_scale: float = 1.0

    def with_next_text_size(self) -> Visit:
        """Normal, large, extra large, and round again."""
        current = TEXT_SCALES.index(self.text_scale) if self.text_scale in TEXT_SCALES else 0
        return replace(self, text_scale=TEXT_SCALES[(current + 1) % len(TEXT_SCALES)])


def fresh_visit(settings: Settings, languages: Collection[str], system_high_contrast: bool = False) -> Visit:
    """The choices a new patient starts with: the clinic's defaults (and the system's contrast wish)."""
    language = settings.default_language if settings.default_language in languages else BASE_LANGUAGE
    scale = TEXT_SCALES[TEXT_SIZE_NAMES.index(settings.text_size_by_default)]
    return Visit(language, settings.calm_by_default,
                 system_high_contrast or settings.high_contrast_by_default, scale)
