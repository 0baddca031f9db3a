"""Readability of French text: words, sentences and the Kandel–Moles score (pure).

Kandel & Moles (1958) adapted Flesch's reading-ease formula to French::

    score = 207 − 1.015 × (words / sentences) − 73.6 × (syllables / words)

Like Flesch, higher is easier: 60 and more is easy enough for most adults; below 50 many
residents will struggle. Syllables are counted by :func:`count_syllables` (spoken French, silent
final « e »).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from .syllables import count_syllables

_WORD = re.compile(r"[0-9A-Za-zÀ-ÖØ-öø-ÿœŒæÆ]+(?:['’-][0-9A-Za-zÀ-ÖØ-öø-ÿœŒæÆ]+)*")
_SENTENCE_END = re.compile(r"(?<=[.!?…])[»\")]*\s+(?=[«\"(]?[A-ZÀ-ÖØ-Þ0-9])")

LEVELS = (
    (90, "très facile"),
    (80, "facile"),
    (70, "assez facile"),
    (60, "standard"),
    (50, "assez difficile"),
    (30, "difficile"),
)


def words(text: str) -> list[str]:
    """Words as a reader sees them: « l'école », « rendez-vous » and « 25 » are one word each."""
    return _WORD.findall(text)


def sentences(text: str) -> list[tuple[int, str]]:
    """Split ``text`` into sentences: ``(offset of its first character, sentence)``."""
    found = []
    start = 0
    for match in _SENTENCE_END.finditer(text):
        piece = text[start : match.start()].strip()
        if piece:
            found.append((start + len(text[start:]) - len(text[start:].lstrip()), piece))
        start = match.end()
    rest = text[start:]
    if rest.strip():
        found.append((start + len(rest) - len(rest.lstrip()), rest.strip()))
    return found


@dataclass(frozen=True)
class Score:
    words: int
    sentences: int
    syllables: int

    @property
    def value(self) -> float:
        """Kandel–Moles reading ease (0 if there is no text)."""
        if not self.words or not self.sentences:
            return 0.0
        return kandel_moles(self.words, self.sentences, self.syllables)

    @property
    def level(self) -> str:
        return level(self.value)


def kandel_moles(word_count: int, sentence_count: int, syllable_count: int) -> float:
    """207 − 1.015 × words/sentence − 73.6 × syllables/word."""
    return 207 - 1.015 * word_count / sentence_count - 73.6 * syllable_count / word_count


def level(value: float) -> str:
    """A label staff understand (« standard », « difficile »…), Flesch's bands."""
    for floor, label in LEVELS:
        if value >= floor:
            return label
    return "très difficile"


def score(all_sentences: Iterable[str]) -> Score:
    """The score of a text given as its sentences."""
    n_words = n_sentences = n_syllables = 0
    for sentence in all_sentences:
        found = words(sentence)
        if not found:
            continue
        n_sentences += 1
        n_words += len(found)
        n_syllables += sum(count_syllables(w) for w in found)
    return Score(n_words, n_sentences, n_syllables)
