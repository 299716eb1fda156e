"""The questions a patient may add to the card they show their therapist (questions.yaml). No Qt."""

from __future__ import annotations

from dataclasses import dataclass

from kiosk.model.parts import Checks


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
