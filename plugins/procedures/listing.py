"""Long lists of procedures, cut into pages that each stay within the first-view budget.

A town of 1,000 procedures cannot list them all on one page (14.6 KB gzip for HTML + CSS): the
A–Z list is cut by initial letter, and any list longer than ``size`` (GUICHET_LIST_SPLIT) into
numbered parts. Pure functions, nothing from Pelican: items only need a ``title``.
"""

from __future__ import annotations

import posixpath
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from guichet.accents import strip_accents

OTHER = "0-9"
"""Initial of a title that does not start with a letter (``1er emploi``, ``« Pass »``…)."""


def initial(title: str) -> str:
    """``É`` → ``E``, ``œ`` → ``O``: the letter a French reader files a title under."""
    for char in strip_accents(title.strip()):
        base = char.upper()
        if "A" <= base <= "Z":
            return base
        if base in "ŒÆ":
            return "O" if base == "Œ" else "A"
        return OTHER
    return OTHER


def by_initial(items: Sequence[Any]) -> dict[str, list[Any]]:
    """Items grouped by the initial of their title, letters A–Z first, then ``0-9``; each
    group keeps the order it was given (already alphabetical)."""
    groups: dict[str, list[Any]] = {}
    for item in items:
        groups.setdefault(initial(item.title), []).append(item)
    return dict(sorted(groups.items(), key=lambda kv: (kv[0] == OTHER, kv[0])))


def chunks(items: Sequence[Any], size: int) -> list[list[Any]]:
    """``items`` in runs of at most ``size`` (at least one run, possibly empty)."""
    size = max(1, size)
    return [list(items[i : i + size]) for i in range(0, len(items), size)] or [[]]


def part_url(url: str, number: int) -> str:
    """Part 1 is the list's own URL; part n is ``<url>n/`` (``themes/papiers/2/``)."""
    return url if number == 1 else f"{url}{number}/"


def part_save_as(save_as: str, number: int) -> str:
    """``themes/papiers/index.html`` → ``themes/papiers/2/index.html`` for part 2."""
    if number == 1:
        return save_as
    folder, name = posixpath.split(save_as)
    return posixpath.join(folder, str(number), name)


def first_words(title: str, count: int = 3) -> str:
    """``Réserver une salle municipale`` → ``Réserver une salle``."""
    return " ".join(title.split()[:count])


@dataclass
class Part:
    """One page of a long list: its items and where it is written."""

    number: int
    url: str
    save_as: str
    procedures: list[Any]

    @property
    def guide(self) -> str:
        """Guide words, as in a dictionary: the first words of the first and last titles."""
        if not self.procedures:
            return ""
        first = first_words(self.procedures[0].title)
        last = first_words(self.procedures[-1].title)
        return first if first == last else f"{first} – {last}"


def make_parts(items: Sequence[Any], size: int, url: str, save_as: str) -> list[Part]:
    """``items`` as parts of at most ``size``: a list that fits is one part, at ``url``."""
    return [
        Part(n, part_url(url, n), part_save_as(save_as, n), run)
        for n, run in enumerate(chunks(items, size), start=1)
    ]


@dataclass
class Letter:
    """The procedures whose title starts with one letter: ``/demarches/a-z/d/``."""

    letter: str
    procedures: list[Any]
    parts: list[Part] = field(default_factory=list)

    @property
    def slug(self) -> str:
        return self.letter.lower()

    @property
    def url(self) -> str:
        return self.parts[0].url


def make_letters(items: Sequence[Any], size: int, url: str, save_as: str) -> list[Letter]:
    """One Letter per initial, each cut into parts of at most ``size``; ``url`` and
    ``save_as`` are patterns with ``{letter}`` (PROCEDURES_AZ_LETTER_URL / _SAVE_AS)."""
    letters = []
    for letter, group in by_initial(items).items():
        slug = letter.lower()
        parts = make_parts(group, size, url.format(letter=slug), save_as.format(letter=slug))
        letters.append(Letter(letter, group, parts))
    return letters


def preview(items: Sequence[Any], count: int, is_popular) -> list[Any]:
    """At most ``count`` items to show for a theme on the index: the popular ones, then the
    first others to make up the count; shown in the order given (alphabetical)."""
    popular = [item for item in items if is_popular(item)]
    others = [item for item in items if not is_popular(item)]
    chosen = {id(item) for item in (popular + others)[: max(0, count)]}
    return [item for item in items if id(item) in chosen]
