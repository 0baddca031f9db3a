"""The printable page and its PDF say the same things: every word of the flyer page's main
content is in ``fiche.pdf`` (pdftotext) and every word of the PDF is on the page."""

from __future__ import annotations

import pytest

from tests.conftest import ROOT
from tests.print.helpers import differences

SLUGS = sorted(p.stem for p in (ROOT / "content/demarches").glob("*.md"))


@pytest.mark.parametrize("slug", SLUGS)
def test_flyer_page_and_pdf_have_the_same_words(sample_site, slug):
    assert differences(sample_site / "demarches" / slug) == ([], [])
