"""Letters without their accents: how Guichet compares and names what staff write.

One rule for field names, weekdays, section headings, sort keys, initials, slugs and file names.
"""

from __future__ import annotations

import unicodedata


def strip_accents(text: str) -> str:
    """``Vérifié-le`` → ``Verifie-le``, ``ﬁche`` → ``fiche``: compatibility decomposition
    (NFKD), then the combining marks dropped. Case and every other character are kept (``œ``
    stays ``œ``); callers fold case or keep only ASCII as their rule needs."""
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))


def ascii_only(text: str) -> str:
    """:func:`strip_accents`, then anything outside ASCII removed (``Mairie été`` → ``Mairie
    ete``): for names typed from paper (slugs, file names)."""
    return strip_accents(text).encode("ascii", "ignore").decode()
