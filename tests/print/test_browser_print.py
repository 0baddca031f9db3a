"""What a secretary gets with Ctrl+P in Chromium: every sample flyer on one A4 sheet (one side,
or two when the PDF has two), with every document and step."""

from __future__ import annotations

import pytest

from tests.browsing import ORIGIN, serve
from tests.conftest import ROOT
from tests.print.helpers import OPENING_TIME, all_text, is_a4, list_texts, pdf_reader

SLUGS = sorted(p.stem for p in (ROOT / "content/demarches").glob("*.md"))


@pytest.mark.browser
def test_every_flyer_prints_on_one_a4_sheet_in_chromium(browser, sample_site):
    page = browser.new_page()
    serve(page, sample_site)
    try:
        for slug in SLUGS:
            response = page.goto(f"{ORIGIN}/demarches/{slug}/fiche/")
            assert response.ok, slug
            page.emulate_media(media="print")
            styled = page.evaluate("getComputedStyle(document.querySelector('h1')).fontSize")
            assert styled != "32px", "fiche.css was not loaded"  # Chromium's default h1
            pdf = page.pdf(
                format="A4",
                margin={side: "0.4in" for side in ("top", "right", "bottom", "left")},
                print_background=False,
            )
            reader = pdf_reader(pdf)
            weasyprint = pdf_reader(sample_site / "demarches" / slug / "fiche.pdf")
            assert len(reader.pages) <= max(2, len(weasyprint.pages)) <= 2, slug
            assert is_a4(reader, tolerance=3)
            text = all_text(reader)
            assert OPENING_TIME.search(text) and "Où s'adresser" in text, slug
            source = ROOT / "content/demarches" / f"{slug}.md"
            for heading in ("Pièces à fournir", "Étapes"):
                for item in list_texts(source, heading):
                    assert item[:60] in text, (slug, heading, item)
    finally:
        page.close()


@pytest.mark.browser
def test_screen_version_has_a_way_back_and_hides_it_on_paper(browser, sample_site):
    page = browser.new_page(viewport={"width": 320, "height": 640})
    serve(page, sample_site)
    try:
        page.goto(f"{ORIGIN}/demarches/carte-identite/fiche/")
        back = page.get_by_role("link", name="Retour à la démarche « Carte nationale d'identité »")
        assert back.is_visible()
        assert page.evaluate("document.scrollingElement.scrollWidth <= innerWidth")
        page.emulate_media(media="print")
        assert not back.is_visible()
    finally:
        page.close()
