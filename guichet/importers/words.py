"""Comparing and naming words the way staff read them: no case, no accents."""

from __future__ import annotations

import re

from guichet.accents import strip_accents

SLUG_MAX = 40


def plain(text: str) -> str:
    """``Pièces à fournir`` → ``pieces a fournir`` (letters and digits, single spaces)."""
    ascii_text = strip_accents(text.lower())
    return re.sub(r"[^a-z0-9]+", " ", ascii_text.replace("œ", "oe")).strip()


def slugify(text: str, limit: int = SLUG_MAX) -> str:
    """A short file name: ``Carte d'identité d'un majeur`` → ``carte-d-identite-d-un-majeur``,
    cut at a word boundary to ``limit`` characters."""
    words = plain(text).split()
    slug = ""
    for word in words:
        candidate = f"{slug}-{word}" if slug else word
        if len(candidate) > limit:
            break
        slug = candidate
    return slug or "demarche"
