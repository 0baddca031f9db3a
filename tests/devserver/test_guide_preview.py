"""The staff guide says, in the devserver's own words, what staff see while PDFs are made and
when a file has errors."""

from __future__ import annotations

import re

from guichet.messages import devserver as msg
from tests.conftest import ROOT

GUIDE = (ROOT / "docs/guide-redaction.md").read_text(encoding="utf-8")


def flat(text: str) -> str:
    """Text with quote marks and line breaks as one space (the guide wraps its lines)."""
    return re.sub(r"\s+", " ", re.sub(r"^> ?", "", text, flags=re.M)).strip()


def test_the_guide_quotes_the_pdf_pending_line():
    assert flat(msg.PDF_PENDING) in flat(GUIDE)


def test_the_guide_quotes_the_terminal_and_the_error_page():
    guide = flat(GUIDE)
    assert flat(msg.FULL_BUILD_READY) in guide
    assert flat(msg.STOPPED) in guide
    assert flat(msg.UPDATED_PDF_LATER.split("{address}")[1]) in guide
    heading = re.search(r"<h1>(.*?)</h1>", msg.ERROR_PAGE).group(1)
    assert f"« {heading} »" in guide
