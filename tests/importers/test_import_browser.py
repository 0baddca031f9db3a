"""Imported pages (national text: tables, cases, notes; Annuaire counters) in Chromium: axe-core
finds nothing and nothing scrolls sideways on a small phone."""

from __future__ import annotations

import pytest

from tests.browsing import Tab, served

pytestmark = pytest.mark.browser

PAGES = (
    "/demarches/cni-majeur/",
    "/demarches/cni-majeur/fiche/",
    "/demarches/recensement-citoyen-obligatoire-ou/",
    "/guichets/mairie/",
    "/guichets/mairie-annexe/",
)


@pytest.fixture(scope="module")
def server(imported):
    with served(imported[1].path) as base:
        yield base


@pytest.mark.parametrize(("width", "height"), [(320, 568), (1280, 800)])
def test_axe_and_reflow_on_imported_pages(browser, server, width, height):
    tab = Tab(browser, server, width, height)
    problems = []
    try:
        for path in PAGES:
            tab.open(path)
            if not path.endswith("/fiche/") and tab.overflows():
                problems.append(f"{path}: horizontal scroll at {width} px")
            problems += [f"{path}: {violation}" for violation in tab.axe()]
    finally:
        tab.close()
    assert problems == []
