"""What a document is, as residents read it next to its link: « (PDF, 230 Ko) ». Pure."""

from __future__ import annotations

import re

from guichet.accents import ascii_only

TYPES = {
    ".pdf": "PDF",
    ".odt": "ODT",
    ".ods": "ODS",
    ".odp": "ODP",
    ".docx": "DOCX",
    ".xlsx": "XLSX",
    ".pptx": "PPTX",
    ".doc": "DOC",
    ".xls": "XLS",
    ".rtf": "RTF",
    ".txt": "TXT",
    ".csv": "CSV",
}
"""Extension → the type shown to residents. Anything else (HTML, SVG, programs…) is refused."""

NAME = re.compile(r"^[a-z0-9]+(?:[-_.][a-z0-9]+)*$")


def kind(name: str) -> str | None:
    """``PDF`` for ``cerfa.PDF``; None for a type that is not accepted."""
    dot = name.rfind(".")
    return TYPES.get(name[dot:].lower()) if dot > 0 else None


def format_size(size: int) -> str:
    """``230 Ko``, ``1,2 Mo`` (French, 1 Ko = 1000 octets, never « 0 Ko »)."""
    if size < 1_000_000:
        return f"{max(1, round(size / 1000))} Ko"
    megabytes = size / 1_000_000
    text = f"{megabytes:.1f}" if megabytes < 10 else f"{round(megabytes)}"
    return text.replace(".", ",").removesuffix(",0") + " Mo"


def describe(name: str, size: int) -> str:
    """``PDF, 230 Ko``."""
    return f"{kind(name) or name.rsplit('.', 1)[-1].upper()}, {format_size(size)}"


def good_name(name: str) -> bool:
    """A name safe to print and type: lowercase ASCII, digits, dashes (``cerfa-12669.pdf``)."""
    return all(NAME.match(part) for part in name.split("/"))


def suggest_name(name: str) -> str:
    """``Cerfa n° 12669.PDF`` → ``cerfa-n-12669.pdf``."""
    plain = ascii_only(name).lower()
    stem, dot, ext = plain.rpartition(".")
    stem = re.sub(r"[^a-z0-9]+", "-", stem if dot else plain).strip("-") or "document"
    return f"{stem}.{ext}" if dot else stem
