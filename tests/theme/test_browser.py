"""Every page of the sample town in Debian's Chromium: axe-core, reflow, skip link, contrast.

Pages are served from 127.0.0.1 and loaded with page scripts disabled (CDP
``Emulation.setScriptExecutionDisabled``); scripts are enabled again only to run axe.
"""

from __future__ import annotations

from urllib.parse import urlsplit

import pytest

from tests.browsing import SKIP_LINK, Tab
from tests.theme.measure import contrast_ratio
from tests.theme.pages import html_files, is_flyer, url_path

pytestmark = pytest.mark.browser

TEXT_COLOURS = """() => {
  const background = (el) => {
    for (; el; el = el.parentElement) {
      const c = getComputedStyle(el).backgroundColor;
      if (c !== "rgba(0, 0, 0, 0)" && c !== "transparent") return c;
    }
    return "rgb(255, 255, 255)";
  };
  const pairs = new Set();
  const texts = document.querySelectorAll("main p, main li, main td, main th, main dd, main a");
  for (const el of texts) {
    if (el.textContent.trim()) pairs.add(getComputedStyle(el).color + "/" + background(el));
  }
  return [...pairs];
}"""


@pytest.fixture(scope="module")
def pages(sample_site):
    found = html_files(sample_site)
    assert len(found) > 40
    return [(url_path(sample_site, p), is_flyer(p)) for p in found]


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize(("width", "height"), [(320, 568), (1280, 800)])
def test_axe_finds_nothing_on_any_page(browser, server, pages, width, height, scheme):
    tab = Tab(browser, server, width, height)
    tab.page.emulate_media(color_scheme=scheme)
    problems, colours = [], set()
    try:
        for path, flyer in pages:
            tab.open(path)
            if not flyer:
                colours.update((path, pair) for pair in tab.page.evaluate(TEXT_COLOURS))
                if tab.overflows():
                    problems.append(f"{path}: horizontal scroll at {width} px")
            problems += [f"{path}: {violation}" for violation in tab.axe()]
    finally:
        tab.close()
    assert problems == []
    low = {(path, pair) for path, pair in colours if contrast_ratio(*pair.split("/")) < 7}
    assert low == set(), "body text below 7:1"
    assert colours, "no text measured"
    backgrounds = {pair.split("/")[1] for _, pair in colours}
    assert ("rgb(20, 23, 26)" in backgrounds) == (scheme == "dark")  # the scheme applied
    hosts = {urlsplit(url).hostname for url in tab.requested}
    assert hosts == {"127.0.0.1"}


def test_no_horizontal_scroll_at_240_px(browser, server, pages):
    tab = Tab(browser, server, 240, 400)
    try:
        overflowing = tab.scrolling_sideways([path for path, flyer in pages if not flyer])
    finally:
        tab.close()
    assert overflowing == []


def test_skip_link_is_first_focusable_and_focus_is_visible(browser, server, pages):
    tab = Tab(browser, server, 1280, 800)
    try:
        wrong = []
        for path, flyer in pages:
            if flyer:
                continue
            tab.open(path)
            tab.page.keyboard.press("Tab")
            focused = tab.page.evaluate(SKIP_LINK)
            expected = {"cls": "skip", "href": "#contenu", "visible": True, "outline": True}
            if focused != {**expected, "target": True}:
                wrong.append((path, focused))
    finally:
        tab.close()
    assert wrong == []


PRINTED = """() => {
  const shown = (selector) => getComputedStyle(document.querySelector(selector)).display !== "none";
  const after = (selector) => getComputedStyle(document.querySelector(selector), "::after").content;
  return {nav: shown(".site-nav"), breadcrumbs: shown(".breadcrumbs"), skip: shown(".skip"),
          main: shown("main"), online: after(".online a"), counter: after(".offline h4 a"),
          phone: after(".offline a[href^='tel:']")};
}"""


def test_print_hides_navigation_and_prints_link_addresses(browser, server):
    tab = Tab(browser, server, 800, 1000)
    try:
        tab.open("/demarches/carte-identite/")
        tab.page.emulate_media(media="print")
        printed = tab.page.evaluate(PRINTED)
        tab.open("/demarches/domiciliation/")
        tab.page.emulate_media(media="print")  # the tab's next page is on screen media again
        form = tab.page.evaluate(
            """() => getComputedStyle(document.querySelector("#formulaires + ul a"), "::after")
            .content"""
        )
    finally:
        tab.close()
    assert printed == {
        "nav": False,
        "breadcrumbs": False,
        "skip": False,
        "main": True,
        "online": '" (https://ants.gouv.fr/)"',
        "counter": "none",  # the counter is printed in full below its name
        "phone": "none",  # the number is already written out
    }
    # A page of the site: its short address, the host written by the build (plugins/town).
    assert form == '" (www.val-daurore.fr/documents/demande-domiciliation.pdf)"'


OUTLINE = """() => {
  const el = document.activeElement, style = getComputedStyle(el), r = el.getBoundingClientRect();
  const out = parseFloat(style.outlineWidth) + Math.max(0, parseFloat(style.outlineOffset));
  const box = {left: r.left - out, top: r.top - out, right: r.right + out, bottom: r.bottom + out};
  const clipped = [];
  if (box.left < 0 || box.right > document.documentElement.clientWidth) clipped.push("viewport");
  for (let a = el.parentElement; a && a !== document.body; a = a.parentElement) {
    const s = getComputedStyle(a);
    if (s.overflowX === "visible" && s.overflowY === "visible") continue;
    const c = a.getBoundingClientRect();
    if (box.left < c.left || box.right > c.right || box.top < c.top || box.bottom > c.bottom)
      clipped.push(a.tagName.toLowerCase() + "." + a.className);
  }
  return {element: el.tagName.toLowerCase() + " " + (el.textContent || "").trim().slice(0, 40),
          drawn: style.outlineStyle !== "none" && parseFloat(style.outlineWidth) >= 2, clipped};
}"""
FOCUS_PAGES = ["/", "/demarches/carte-identite/", "/guichets/mairie/", "/demarches/a-z/"]


@pytest.mark.parametrize("forced", ["none", "active"])
@pytest.mark.parametrize("width", [800, 1280])
def test_focus_outline_is_never_clipped(browser, server, width, forced):
    """Every link reached with Tab draws its outline on all four sides: inside the viewport
    and inside any ancestor that clips (overflow), with forced colours too (issue 16)."""
    tab = Tab(browser, server, width, 800)
    tab.page.emulate_media(forced_colors=forced)
    wrong, seen = [], 0
    try:
        for path in FOCUS_PAGES:
            tab.open(path)
            for _ in range(tab.page.locator("a[href]").count()):
                tab.page.keyboard.press("Tab")
                focus = tab.page.evaluate(OUTLINE)
                seen += 1
                if not focus["drawn"] or focus["clipped"]:
                    wrong.append((path, focus))
    finally:
        tab.close()
    assert seen > 40
    assert wrong == []


RENDER_BLOCKING = """() => performance.getEntriesByType("resource")
  .filter(e => e.renderBlockingStatus === "blocking").map(e => e.name)"""
HEAD_STYLESHEETS = """() => [...document.querySelectorAll("head link[rel~=stylesheet]")]
  .filter(l => !l.media || !/^print$/.test(l.media.trim())).map(l => l.href)"""


def test_pages_paint_without_any_render_blocking_request(browser, server, pages):
    """The stylesheet is in the page: nothing else is fetched before the first paint (a print
    stylesheet, media="print", does not block it). Flyers keep their linked A4 sheets."""
    tab = Tab(browser, server, 360, 640)
    blocking = {}
    try:
        for path, flyer in pages:
            if flyer:
                continue
            tab.open(path)
            found = tab.page.evaluate(RENDER_BLOCKING) + tab.page.evaluate(HEAD_STYLESHEETS)
            styled = tab.page.evaluate("getComputedStyle(document.body).marginTop") == "0px"
            if found or not styled:
                blocking[path] = (found, styled)
    finally:
        tab.close()
    assert blocking == {}
