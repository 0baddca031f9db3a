"""A procedure page on paper: printed by Chromium (Ctrl+P) or WeasyPrint, then checked for every
document, step and counter phone (shared by tests/site/test_flyer_pages.py and test_hard_flyers)."""

from __future__ import annotations

import re

from tests.browsing import ORIGIN, serve
from tests.print.helpers import all_text, counter_facts, is_a4, list_texts, meta, pdf_reader

MARGIN = {side: "0.4in" for side in ("top", "right", "bottom", "left")}


def print_procedure_in_chromium(browser, site, slug: str) -> bytes:
    page = browser.new_page()
    serve(page, site)
    try:
        assert page.goto(f"{ORIGIN}/demarches/{slug}/").ok
        page.emulate_media(media="print")
        return page.pdf(format="A4", margin=MARGIN, print_background=False)
    finally:
        page.close()


def print_procedure_in_weasyprint(site, slug: str) -> bytes:
    from tests.print.weasy import print_page

    html = (site / "demarches" / slug / "index.html").read_text(encoding="utf-8")
    base = f"{ORIGIN}/demarches/{slug}/"
    return print_page(html, base, {f"{ORIGIN}/": site})


def check_procedure_on_paper(pdf: bytes, source, content) -> None:
    reader = pdf_reader(pdf)
    assert 1 <= len(reader.pages) <= 2, source.stem
    assert all(is_a4(reader, n, tolerance=3) for n in range(len(reader.pages)))
    text = re.sub(r"[\s•☐]+", "", all_text(reader))  # a long word may wrap anywhere
    for heading in ("Pièces à fournir", "Étapes"):
        for item in list_texts(source, heading):
            assert re.sub(r"\s+", "", item) in text, (source.stem, heading, item)
    for counter in meta(source)["guichets"].split(","):
        phone, postal = counter_facts(counter.strip(), content)
        assert phone.replace(" ", "") in text and postal in text, (source.stem, counter)
