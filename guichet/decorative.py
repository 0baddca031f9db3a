"""The one way staff mark an image as decorative, shared by the build and the content report.

``![](images/frise.png "décoratif")``: the Markdown title ``décoratif`` (or ``decoratif``,
``decorative``; any case, spaces around ignored). The images plugin then writes ``alt=""`` and no
title; the report does not ask for a description. Pure: imports nothing from Pelican.
"""

from __future__ import annotations

import unicodedata

DECORATIVE_MARKERS = frozenset({"decoratif", "décoratif", "decorative"})
"""Titles marking an image as decorative (compared casefolded, accents normalised)."""


def is_decorative(title: str | None) -> bool:
    """True when an image's ``title`` attribute marks it decorative."""
    return unicodedata.normalize("NFC", (title or "").strip().casefold()) in DECORATIVE_MARKERS
