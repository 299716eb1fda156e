"""The "show your therapist" card: what one patient ticked, for them to hand to their therapist.

Plain Python, no Qt. The card lives only in memory, beside the patient's ``Visit``: it is
never saved, logged or counted, and the next patient never sees it. Its ``repr`` names how
many ticks there are and nothing else, so a stray log line can't carry what a patient ticked.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum

from kiosk.model.content import Language


class TickKind(Enum):
    PRECAUTION = "precaution"  # an item of "Tell your therapist first if..."
    QUESTION = "question"  # a question from questions.yaml


@dataclass(frozen=True)
class Tick:
    """One thing ticked. A precaution is known by its place in the list (the same in every
    language); a question by its id."""

    kind: TickKind
    key: str

    @staticmethod
    def precaution(index: int) -> Tick:
        return Tick(TickKind.PRECAUTION, str(index))

    @staticmethod
    def question(question_id: str) -> Tick:
        return Tick(TickKind.QUESTION, question_id)

    def words(self, language: Language) -> str | None:
        """What this tick says in ``language``; None if that language doesn't have it."""
        if self.kind is TickKind.PRECAUTION:
            items = language.precautions.items if language.precautions else ()
            index = int(self.key)
            if index >= len(items):
                return None
            return items[index].card or items[index].heading  # the card speaks as the patient: "I take..."
        questions = language.questions.items if language.questions else ()
        return next((q.text for q in questions if q.id == self.key), None)

    def place(self, language: Language) -> tuple[int, int]:
        """Where it goes on the card: every precaution (safety first) before every question, each
        group in its list's order."""
        if self.kind is TickKind.PRECAUTION:
            return (0, int(self.key))
        ids = [q.id for q in language.questions.items] if language.questions else []
        return (1, ids.index(self.key) if self.key in ids else len(ids))

    def __repr__(self) -> str:
        return "Tick(...)"


@dataclass(frozen=True)
class CardLine:
    """One line of the card: in the patient's language, and in the clinic's (None when the same);
    ``safety``: a precaution, which the card groups above the questions under its own marker."""

    patient: str
    clinic: str | None
    safety: bool = False


@dataclass(frozen=True, repr=False)
class TherapistCard:
    """What the patient ticked. Replaced, never changed."""

    ticks: tuple[Tick, ...] = ()

    def __contains__(self, tick: object) -> bool:
        return tick in self.ticks

    def __len__(self) -> int:
        return len(self.ticks)

    def __repr__(self) -> str:
        return f"TherapistCard({len(self.ticks)} ticks)"

    def with_tick(self, tick: Tick, on: bool) -> TherapistCard:
        rest = tuple(t for t in self.ticks if t != tick)
        return TherapistCard(rest + (tick,) if on else rest)

    def lines(self, patient: Language, clinic: Language) -> tuple[CardLine, ...]:
        """Each tick in the patient's language, with the clinic's language beneath when it differs:
        the precautions first, then the questions, each in its list's order (not the order ticked)."""
        lines = []
        for tick in sorted(self.ticks, key=lambda t: t.place(clinic)):
            words = tick.words(patient) or tick.words(clinic)
            if words is None:
                continue  # the content changed under the card: nothing left to show for it
            beneath = tick.words(clinic) if patient.code != clinic.code else None
            lines.append(CardLine(words, beneath if beneath != words else None, tick.kind is TickKind.PRECAUTION))
        return tuple(lines)
