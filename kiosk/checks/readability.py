"""How easy a rendered page is to read, in English and Spanish. No Qt.

- English: Flesch-Kincaid grade (0.39 words/sentence + 11.8 syllables/word - 15.59); at most 6.
- Spanish: Fernández-Huerta (206.84 - 60 syllables/word - 1.02 words/sentence, as corrected by
  Law 2011: the 1959 paper's "sentences per 100 words" must be words per sentence); at least 70.
- Every language: no sentence over 22 words, and each jargon word explained in the sentence
  where a page first uses it.

Both syllable counters are written here rather than taken from ``textstat``: it undercounts
Spanish (no diphthong/hiatus rules), and for English it needs pyphen's dictionaries, which the
packaged build would have to carry; a few rules cover the plain words the kiosk uses, and
``tests/unit/test_readability.py`` pins them on known words.

Citations (elements with class "reference") are for therapists, not patients, and are skipped.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from html.parser import HTMLParser

MAX_GRADE_EN = 6.0
MIN_EASE_ES = 70.0
MAX_SENTENCE_WORDS = 22

# Words a patient may not know: each must be explained, in the same sentence, where a page
# first uses it. term (a regular expression) -> words, any one of which counts as the explanation.
JARGON: dict[str, dict[str, tuple[str, ...]]] = {
    "en": {
        r"lymph(o)?edema|lymphoedema": ("swelling",),
        r"\btrials?\b": ("study", "studies", "compar"),
        r"tendon loading|load(s|ing)? the tendon": ("exercise",),
        r"trigger points?": ("tight",),
        r"\bsterile\b": ("germ-free",),
        r"\bsham\b|\bplacebo\b": ("pretend",),
        r"pneumothorax": ("lung",),
        r"plantar fasciitis": ("heel",),
        r"shin splints": ("shin",),
        r"patellofemoral": ("kneecap",),
        r"acupuncture": ("Chinese",),
        r"ischa?emic compression": ("press",),
        r"\bcertainty\b": ("sure", "confident"),
    },
    "es": {
        r"linfedema": ("hinchazón",),
        r"\bensayos?\b": ("estudio", "compar"),
        r"carga del tendón|cargan .*tendón": ("ejercicio",),
        r"puntos? gatillo": ("tens",),
        r"\bestéril(es)?\b": ("gérmenes",),
        r"\bsimulada\b|\bplacebo\b": ("falsa", "sin ", "fingida"),
        r"neumotórax": ("pulmón",),
        r"fascitis plantar": ("talón",),
        r"periostitis tibial": ("espinilla",),
        r"patelofemoral": ("rótula",),
        r"acupuntura": ("china",),
        r"compresión isquémica": ("presión", "presionar"),
        r"\bcerteza\b": ("segur",),
    },
}


@dataclass(frozen=True)
class Reading:
    """What a page's text measures: its score, and every rule it breaks, in words for staff."""

    language: str
    words: int
    sentences: int
    syllables: int
    score: float  # FK grade (en), Fernández-Huerta ease (es), 0 for a language with no formula
    problems: tuple[str, ...] = field(default=())


# --- text out of a rendered page ------------------------------------------------------

_BLOCKS = {"p", "li", "td", "th", "br", "div", "tr", "ul", "ol", "table", "title"}


class _TextOnly(HTMLParser):
    """The words a patient reads, one block (paragraph, list item, cell) per entry."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.blocks: list[str] = []
        self._current: list[str] = []
        self._skip: list[str] = []  # open tags whose text is skipped (style, references)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _BLOCKS:
            self._end_block()
        classes = (dict(attrs).get("class") or "").split()
        if tag in ("style", "script", "head") or "reference" in classes or self._skip:
            self._skip.append(tag)

    def handle_endtag(self, tag: str) -> None:
        if self._skip and self._skip[-1] == tag:
            self._skip.pop()
        if tag in _BLOCKS:
            self._end_block()

    def handle_data(self, data: str) -> None:
        if not self._skip:
            self._current.append(data)

    def _end_block(self) -> None:
        text = " ".join("".join(self._current).split())
        if text:
            self.blocks.append(text)
        self._current = []


def page_text(html: str) -> list[str]:
    """The readable blocks of a page, tags and styles stripped."""
    parser = _TextOnly()
    parser.feed(html)
    parser.close()
    parser._end_block()
    return parser.blocks


_SENTENCE_END = re.compile(r"(?<=[.!?…:])\s+(?=[^a-záéíóúñü])")
_WORD = re.compile(r"[0-9]+(?:[.,][0-9]+)*|[^\W\d_]+(?:['’-][^\W\d_]+)*")


def sentences(blocks: list[str]) -> list[str]:
    """Each block is at least one sentence (a heading or list item has no full stop)."""
    return [s.strip() for block in blocks for s in _SENTENCE_END.split(block) if _WORD.search(s)]


def words(sentence: str) -> list[str]:
    return _WORD.findall(sentence)


# --- syllables ------------------------------------------------------------------------

_ES_STRONG = set("aeoáéóíú")  # an accented i or u is strong: it breaks a diphthong (rí-o)
_ES_VOWELS = set("aeiouáéíóúü")


def syllables_es(word: str) -> int:
    """Spanish syllables by vowel groups: two strong vowels (or an accented í/ú) split, others join."""
    w = word.lower()
    if w.isdigit():
        return len(w)  # a rough count for numbers; they are few
    w = re.sub(r"([qg])u(?=[eiéí])", r"\1", w)  # the u of que, qui, gue, gui is silent
    w = re.sub(r"(?<=[aeiouáéíóú])y$", "i", w)  # hoy, muy, rey: a final y sounds as i
    w = re.sub(r"(?<=[aeiouáéíóú])h(?=[aeiouáéíóúü])", "", w)  # a silent h doesn't split vowels
    count = 0
    previous = ""
    for ch in w:
        if ch in _ES_VOWELS:
            if not previous:
                count += 1
            elif (previous in _ES_STRONG and ch in _ES_STRONG) or ch in "íú" or previous in "íú":
                count += 1  # hiatus: two syllables
            previous = ch
        else:
            previous = ""
    return max(count, 1)


def syllables_en(word: str) -> int:
    """English syllables: vowel groups, less a silent final e, plus a sounded -le or -ed after t/d."""
    w = word.lower().replace("’", "'").split("'")[0]
    if w.isdigit():
        return len(w)
    if "-" in w:
        return sum(syllables_en(part) for part in w.split("-") if part)
    if len(w) <= 3:
        return 1
    groups = re.findall(r"[aeiouy]+", w)
    count = len(groups)
    if w.endswith("e") and not w.endswith(("le", "ee", "ie", "ye")) and count > 1:
        count -= 1  # silent e: "time", "tube"
    if re.search(r"[^aeiouy]ed$", w) and not re.search(r"[td]ed$", w) and count > 1:
        count -= 1  # "helped", "tapped": -ed is no syllable unless after t or d
    if re.search(r"[^aeiouy]es$", w) and not re.search(r"(s|x|z|ch|sh|c|g|[^aeiouy]l)es$", w) and count > 1:
        count -= 1  # "times", "tubes", but not "muscles"
    # vowels sounded apart: "idea", "video", "quiet", "being", "create"
    count += len(re.findall(r"ia|io(?!n)|eo(?!p)|ua|uo|iet|ien(?!d)|eat(?=e)|[aeiouy]ing$", w))
    if re.search(r"[^aeiou]le$", w) and count == 0:
        count = 1
    return max(count, 1)


SYLLABLES = {"en": syllables_en, "es": syllables_es}


# --- the measure ----------------------------------------------------------------------


def measure(html: str, language: str) -> Reading:
    """Score a rendered page and list the rules it breaks (an unknown language gets the general rules only)."""
    found = sentences(page_text(html))
    counter = SYLLABLES.get(language, syllables_en)
    all_words = [w for s in found for w in words(s)]
    n_words, n_sentences = len(all_words), max(len(found), 1)
    n_syllables = sum(counter(w) for w in all_words)
    problems: list[str] = []
    score = 0.0
    if n_words:
        per_sentence, per_word = n_words / n_sentences, n_syllables / n_words
        if language == "en":
            score = 0.39 * per_sentence + 11.8 * per_word - 15.59
            if score > MAX_GRADE_EN:
                problems.append(f"reads at school grade {score:.1f} (Flesch-Kincaid); keep it at {MAX_GRADE_EN:g} "
                                "or below with shorter words and sentences")
        elif language == "es":
            score = 206.84 - 60 * per_word - 1.02 * per_sentence
            if score < MIN_EASE_ES:
                problems.append(f"scores {score:.0f} for ease of reading (Fernández-Huerta); keep it at "
                                f"{MIN_EASE_ES:g} or above with shorter words and sentences")
    for sentence in found:
        if len(words(sentence)) > MAX_SENTENCE_WORDS:
            problems.append(f"a sentence has {len(words(sentence))} words (at most {MAX_SENTENCE_WORDS}): "
                            f'"{_clip(sentence)}"')
    problems.extend(unexplained_jargon(found, language))
    return Reading(language, n_words, len(found), n_syllables, round(score, 1), tuple(problems))


def unexplained_jargon(found: list[str], language: str) -> list[str]:
    problems = []
    for term, plain in JARGON.get(language, {}).items():
        first = next((s for s in found if re.search(term, s, re.I)), None)
        if first is not None and not any(p.lower() in first.lower() for p in plain):
            used = re.search(term, first, re.I)
            problems.append(f'"{used.group(0) if used else term}" needs a plain explanation where it is '
                            f'first used: "{_clip(first)}"')
    return problems


def _clip(sentence: str, limit: int = 80) -> str:
    return sentence if len(sentence) <= limit else sentence[: limit - 3].rstrip() + "..."
