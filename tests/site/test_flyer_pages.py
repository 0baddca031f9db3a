"""The flyer's screen page and the procedure page on paper, for every sample procedure:
the flyer page reflows at 320 and 240 px, has a skip link and passes axe; printing a procedure
page (Chromium's Ctrl+P, and WeasyPrint) gives at most two A4 pages with every document, step
and counter phone, not a screen dump."""

from __future__ import annotations

import re

import pytest

from tests.conftest import ROOT
from tests.print.helpers import all_text, counter_facts, is_a4, list_texts, meta, pdf_reader
from tests.print.test_browser_print import ORIGIN, serve
from tests.theme.test_browser import AXE_URL, SKIP_LINK, Tab, server  # noqa: F401 (fixture)

SOURCES = sorted((ROOT / "content/demarches").glob("*.md"))
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
    text = re.sub(r"\s+", "", all_text(reader))  # a long word may wrap anywhere
    for heading in ("Pièces à fournir", "Étapes"):
        for item in list_texts(source, heading):
            assert re.sub(r"\s+", "", item) in text, (source.stem, heading, item)
    for counter in meta(source)["guichets"].split(","):
        phone, postal = counter_facts(counter.strip(), content)
        assert phone.replace(" ", "") in text and postal in text, (source.stem, counter)


@pytest.mark.browser
def test_every_procedure_page_prints_on_one_sheet_in_chromium(browser, sample_site):
    for source in SOURCES:
        pdf = print_procedure_in_chromium(browser, sample_site, source.stem)
        check_procedure_on_paper(pdf, source, ROOT / "content")


@pytest.mark.parametrize("source", SOURCES, ids=lambda p: p.stem)
def test_every_procedure_page_prints_on_one_sheet_in_weasyprint(sample_site, source):
    pdf = print_procedure_in_weasyprint(sample_site, source.stem)
    check_procedure_on_paper(pdf, source, ROOT / "content")


FLYERS = [f"/demarches/{source.stem}/fiche/" for source in SOURCES]


@pytest.mark.browser
@pytest.mark.parametrize("width", [320, 240])
def test_flyer_pages_never_scroll_sideways(browser, server, width):  # noqa: F811
    tab = Tab(browser, server, width, 600)
    try:
        overflowing = []
        for path in FLYERS:
            tab.open(path)
            if tab.overflows():
                overflowing.append(path)
    finally:
        tab.close()
    assert overflowing == []


@pytest.mark.browser
def test_flyer_pages_have_a_skip_link_and_pass_axe(browser, server):  # noqa: F811
    tab = Tab(browser, server, 320, 600)
    try:
        wrong, problems = [], []
        for path in FLYERS:
            tab.open(path)
            tab.page.keyboard.press("Tab")
            focused = tab.page.evaluate(SKIP_LINK)
            expected = {"href": "#contenu", "visible": True, "outline": True, "target": True}
            if {k: focused[k] for k in expected} != expected or "skip" not in focused["cls"]:
                wrong.append((path, focused))
            problems += [f"{path}: {violation}" for violation in tab.axe()]
    finally:
        tab.close()
    assert wrong == [] and problems == []
