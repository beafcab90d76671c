"""How easy a letter is to read, as guidance for the drafter (issue 5; Code 6.9: plain language).

The Flesch reading ease score: 206.835 - 1.015 * (words per sentence) - 84.6 * (syllables per
word). Higher is easier; 60 and above is plain English most adults read easily. Syllables are
estimated from groups of vowels, as reading-ease tools do: good enough for guidance, never a
rule that stops a letter. (The `textstat` package needs a word list downloaded at run time,
which a server without internet cannot do.) The formula is for English only.
"""

import re
from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _

WORD = re.compile(r"[A-Za-z]+(?:['\u2019][A-Za-z]+)*")
SENTENCE_END = re.compile(r"[.!?]+(?=[\s\"'”\u2019)]|$)")
VOWEL_GROUP = re.compile(r"[aeiouy]+")
# A silent final e ("make", "came"), but not "-le" after a consonant ("table", "able").
SILENT_E = re.compile(r"(?<![aeiouy])e$")
CONSONANT_LE = re.compile(r"[^aeiouy]le$")
# "-ed" after most consonants adds no syllable ("booked", "fixed"); after t or d it does.
SILENT_ED = re.compile(r"(?<![aeiouytd])ed$")
# Endings where two vowels next to each other are two syllables.
# ("period", "area", "being", "saying"; not "-tion" or "-sion").
TWO_VOWEL_SYLLABLES = re.compile(r"(?:ia|(?<![tscgx])io(?!u)|iu|uo|ea$|[aeiouy]ing)")

BANDS = [
    (70, _("Easy to read")),
    (60, _("Plain English")),
    (50, _("Fairly hard to read")),
    (30, _("Hard to read")),
    (float("-inf"), _("Very hard to read")),
]


def syllables(word: str) -> int:
    """An estimate of the syllables in one English word; at least 1."""
    word = word.lower().replace("\u2019", "'").split("'")[0]
    if not word:
        return 1
    if len(word) <= 3:
        return 1
    stem = word
    if CONSONANT_LE.search(stem):
        bonus = 1
        stem = stem[:-2]
    else:
        bonus = 0
        if stem.endswith("es") and not stem.endswith(("ses", "zes", "ces", "ges", "xes")):
            stem = stem[:-2] if len(stem) > 4 else stem
        elif SILENT_ED.search(stem):
            stem = stem[:-2]
        elif SILENT_E.search(stem) and not stem.endswith("ee"):
            stem = stem[:-1]
    if stem.startswith("y"):
        stem = stem[1:]
    count = len(VOWEL_GROUP.findall(stem)) + len(TWO_VOWEL_SYLLABLES.findall(stem)) + bonus
    return max(1, count)


def sentence_count(text: str) -> int:
    """Sentences end with . ! or ?; a heading, list item or line with no full stop counts as
    one too, because a reader takes it in as one."""
    count = sum(
        1
        for line in (text or "").splitlines()
        for piece in SENTENCE_END.split(line)
        if WORD.search(piece)
    )
    return max(count, 1)


def flesch_reading_ease(text: str) -> float | None:
    """The score, rounded to one decimal place; None when there are no words to score."""
    words = WORD.findall(text or "")
    if not words:
        return None
    total_syllables = sum(syllables(word) for word in words)
    score = (
        206.835
        - 1.015 * (len(words) / sentence_count(text))
        - 84.6 * (total_syllables / len(words))
    )
    return round(score, 1)


@dataclass(frozen=True)
class Readability:
    score: float | None
    band: str
    words: int
    sentences: int

    @property
    def is_plain(self) -> bool:
        return self.score is not None and self.score >= 60


def readability(text: str) -> Readability:
    score = flesch_reading_ease(text)
    band = "" if score is None else str(next(label for floor, label in BANDS if score >= floor))
    return Readability(
        score=score,
        band=band,
        words=len(WORD.findall(text or "")),
        sentences=sentence_count(text or "") if WORD.search(text or "") else 0,
    )
