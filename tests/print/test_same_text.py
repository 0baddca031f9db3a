"""The printable page and its PDF say the same things: every word of the flyer page's main
content is in ``fiche.pdf`` (pdftotext) and every word of the PDF is on the page."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest
from selectolax.lexbor import LexborHTMLParser

from tests.conftest import ROOT

SLUGS = sorted(p.stem for p in (ROOT / "content/demarches").glob("*.md"))
MARKER = re.compile(r"^(\d+\.|•)$")
"""List numbers and bullets: drawn by the stylesheet, not text of the page."""


def words(text: str) -> list[str]:
    text = text.replace("\u00a0", " ").replace("\u202f", " ").replace("\u200b", "")
    return re.findall(r"\S+", text)


def page_words(folder: Path) -> list[str]:
    """The words of the flyer page's main content (``<folder>/fiche/index.html``)."""
    html = (folder / "fiche" / "index.html").read_text(encoding="utf-8")
    return words(LexborHTMLParser(html).css_first("main").text(separator=" "))


def pdf_words(folder: Path) -> list[str]:
    """The words residents read in ``<folder>/fiche.pdf``."""
    run = subprocess.run(
        ["pdftotext", "-enc", "UTF-8", str(folder / "fiche.pdf"), "-"],
        capture_output=True,
        text=True,
        check=True,
    )
    return words(run.stdout)


def differences(folder: Path) -> tuple[list[str], list[str]]:
    """Words of the flyer page missing from its PDF, and words of the PDF missing from the page
    (list numbers and bullets aside)."""
    page, pdf = page_words(folder), pdf_words(folder)
    page_run, pdf_run = "".join(page), "".join(pdf)
    return (
        [w for w in page if w not in pdf_run],
        [w for w in pdf if w not in page_run and not MARKER.match(w)],
    )


@pytest.mark.parametrize("slug", SLUGS)
def test_flyer_page_and_pdf_have_the_same_words(sample_site, slug):
    assert differences(sample_site / "demarches" / slug) == ([], [])
