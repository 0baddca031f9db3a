"""The flyer's screen page and the procedure page on paper, for every sample procedure:
the flyer page reflows at 320 and 240 px, has a skip link and passes axe; printing a procedure
page (Chromium's Ctrl+P, and WeasyPrint) gives at most two A4 pages with every document, step
and counter phone, not a screen dump."""

from __future__ import annotations

import pytest

from tests.browsing import SKIP_LINK, Tab
from tests.conftest import ROOT
from tests.site.on_paper import (
    check_procedure_on_paper,
    print_procedure_in_chromium,
    print_procedure_in_weasyprint,
)

SOURCES = sorted((ROOT / "content/demarches").glob("*.md"))


@pytest.mark.browser
def test_every_procedure_page_prints_on_one_sheet_in_chromium(browser, sample_site):
    for source in SOURCES:
        pdf = print_procedure_in_chromium(browser, sample_site, source.stem)
        check_procedure_on_paper(pdf, source, ROOT / "content", sample_site)


@pytest.mark.parametrize("source", SOURCES, ids=lambda p: p.stem)
def test_every_procedure_page_prints_on_one_sheet_in_weasyprint(sample_site, source):
    pdf = print_procedure_in_weasyprint(sample_site, source.stem)
    check_procedure_on_paper(pdf, source, ROOT / "content", sample_site)


FLYERS = [f"/demarches/{source.stem}/fiche/" for source in SOURCES]


@pytest.mark.browser
@pytest.mark.parametrize("width", [320, 240])
def test_flyer_pages_never_scroll_sideways(browser, server, width):
    tab = Tab(browser, server, width, 600)
    try:
        overflowing = tab.scrolling_sideways(FLYERS)
    finally:
        tab.close()
    assert overflowing == []


@pytest.mark.browser
def test_flyer_pages_have_a_skip_link_and_pass_axe(browser, server):
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
