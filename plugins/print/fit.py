"""What a flyer shows, and the rule for shortening it when it does not fit on one A4 page.

Pure: no Pelican, no WeasyPrint. The plugin lays out level 0 first; while the page overflows it
tries the next level. Each level keeps the cuts of the previous ones, and every cut is announced
on the flyer itself (« Fiche abrégée : lire la suite sur … »), so nothing is silently clipped.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

CUTS = (
    ("good_to_know", "la partie « Bon à savoir » est retirée"),
    ("who", "la partie « Qui est concerné » est retirée"),
    ("short_steps", "chaque étape est réduite à sa première phrase"),
    ("other_hours", "seuls les horaires du premier guichet sont imprimés"),
    ("items_8", "les listes sont limitées à 8 éléments"),
    ("items_5", "les listes sont limitées à 5 éléments"),
    ("items_3", "les listes sont limitées à 3 éléments"),
)
"""The shortening rule, in order: level ``n`` applies the first ``n`` cuts."""

LEVELS = len(CUTS) + 1

_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-ZÀ-ÖØ-Ý0-9«])")
_OPEN = re.compile(r"<([a-zA-Z][a-zA-Z0-9]*)\b[^>]*(?<!/)>")
_CLOSE = re.compile(r"</([a-zA-Z][a-zA-Z0-9]*)\s*>")
_VOID = {"br", "img", "wbr", "hr"}
_IMAGE = re.compile(r"<(?:img|source)\b[^>]*>", re.I)
_EMPTY = re.compile(r"<(p|figure|picture|div)\b[^>]*>\s*</\1>", re.I)


@dataclass(frozen=True)
class Flyer:
    """The content of one flyer at one level of shortening (HTML fragments, already sanitised)."""

    level: int
    who: str | None
    documents: tuple[str, ...]
    documents_more: int
    """How many documents were left out (the flyer says so)."""
    steps: tuple[str, ...]
    steps_more: int
    good_to_know: str | None
    hours_for: int | None
    """Print the hours table of the first ``hours_for`` counters only; None means all."""
    cuts: tuple[str, ...]
    """What was left out, in French, for the build warning."""

    @property
    def abridged(self) -> bool:
        return bool(self.cuts)


def cuts_at(level: int) -> tuple[str, ...]:
    """Keys of the cuts applied at ``level`` (0 = nothing cut)."""
    if not 0 <= level < LEVELS:
        raise ValueError(f"level {level} outside 0..{LEVELS - 1}")
    return tuple(key for key, _ in CUTS[:level])


def describe(level: int) -> str:
    """French description of what ``level`` leaves out, for staff."""
    return " ; ".join(text for _, text in CUTS[:level])


def _balanced(html: str) -> bool:
    """True when every tag opened in ``html`` is closed in it (safe place to cut)."""
    opened = [t.lower() for t in _OPEN.findall(html) if t.lower() not in _VOID]
    closed = [t.lower() for t in _CLOSE.findall(html)]
    return sorted(opened) == sorted(closed)


def first_sentence(html: str) -> str:
    """The first sentence of an HTML fragment, cut only where no inline tag is left open."""
    for match in _SENTENCE_END.finditer(html):
        head = html[: match.start()]
        if _balanced(head):
            return head
    return html


def without_images(html: str) -> str:
    """A flyer is text only (light on toner): photos are left out, with what only held them."""
    previous = None
    html = _IMAGE.sub("", html)
    while previous != html:
        previous, html = html, _EMPTY.sub("", html)
    return html.strip()


def make_flyer(
    level: int,
    documents: list[str],
    steps: list[str],
    who: str | None = None,
    good_to_know: str | None = None,
    counters: int = 1,
) -> Flyer:
    """The flyer's content at ``level`` of the shortening rule (see CUTS)."""
    cut = set(cuts_at(level))
    documents = [without_images(d) for d in documents]
    steps = [without_images(s) for s in steps]
    who = without_images(who) or None if who else None
    good_to_know = without_images(good_to_know) or None if good_to_know else None
    limit, limit_key = None, None
    for key, size in (("items_8", 8), ("items_5", 5), ("items_3", 3)):
        if key in cut:
            limit, limit_key = size, key
    shown_steps = [first_sentence(s) for s in steps] if "short_steps" in cut else list(steps)
    kept_docs = documents[:limit] if limit else documents
    kept_steps = shown_steps[:limit] if limit else shown_steps
    applied = []
    for key, text in CUTS[:level]:
        if key == "good_to_know" and not good_to_know:
            continue
        if key == "who" and not who:
            continue
        if key == "short_steps" and shown_steps == list(steps):
            continue
        if key == "other_hours" and counters <= 1:
            continue
        if key.startswith("items_") and (
            key != limit_key or (len(kept_docs) == len(documents) and len(kept_steps) == len(steps))
        ):
            continue
        applied.append(text)
    return Flyer(
        level=level,
        who=None if "who" in cut else who,
        documents=tuple(kept_docs),
        documents_more=len(documents) - len(kept_docs),
        steps=tuple(kept_steps),
        steps_more=len(steps) - len(kept_steps),
        good_to_know=None if "good_to_know" in cut else good_to_know,
        hours_for=1 if "other_hours" in cut else None,
        cuts=tuple(applied),
    )


def web_address(public_url: str, path: str) -> str:
    """The online page as residents type it: ``www.example.fr/demarches/x/`` (no scheme)."""
    host = re.sub(r"^[a-zA-Z][a-zA-Z0-9+.-]*://", "", public_url.strip()).rstrip("/")
    return f"{host}/{path.lstrip('/')}"


@dataclass(frozen=True)
class Fitted:
    """A flyer laid out at the first level of the shortening rule that fits on one page."""

    level: int
    pages: int
    """1, unless even the last level does not fit (the build then says so)."""
    overflow_mm: float
    """Overflow of the full flyer (level 0); 0 when nothing had to be shortened."""
    pdf: bytes
