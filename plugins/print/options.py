"""How PDFs are made, in one place: part of every cache key."""

from __future__ import annotations

from functools import cache
from importlib.metadata import version

PDF_OPTIONS = {"pdf_variant": "pdf/ua-1", "pdf_identifier": True}
"""Tagged PDF/UA-1 (title, language and structure for screen readers); the file identifier is
a hash of the PDF's own objects, so the same flyer always gives the same bytes."""

SAFETY_MM = 4
"""Room kept free at the bottom of every flyer: browsers lay text out a little differently."""


@cache
def engine_version() -> str:
    """A new WeasyPrint, or new options, may lay pages out differently: new keys."""
    return f"weasyprint {version('weasyprint')} {sorted(PDF_OPTIONS.items())}"
