"""No cookie, no analytics, nothing from another host: the site does it and the legal notice says
it (the page itself belongs to the theme's content; this only guards the promise)."""

from __future__ import annotations

import re
from pathlib import Path

from guichet_plugins.minify.inline import csp_hash, csp_sources
from tests.conftest import ROOT, every_file
from tests.html_pages import page as parsed
from tests.sanitize.hostile import hostile_things

ICON = "<link {'href': '/theme/img/favicon.png', 'rel': 'icon'}>"
"""The theme's own icon, on this host (a PNG: no SVG, which could hold script)."""
CSP_HASHES = csp_sources((ROOT / "deploy" / "nginx.conf").read_text(encoding="utf-8"))


def not_allowed(page: Path) -> list[str]:
    """What hostile_things finds in a page, but a ``<style>`` element whose bytes the
    Content-Security-Policy of deploy/nginx.conf allows by hash: the theme's stylesheet,
    written into every page (issue 16), and the theme's icon. Any other ``<style>`` or
    ``<link>`` is still reported."""
    found = [thing for thing in hostile_things(page) if thing != ICON]
    styles = parsed(page.parent, page.name).select("style")
    texts = ["".join(style.element.itertext()) for style in styles]
    if texts and all(csp_hash(text) in CSP_HASHES for text in texts):
        found = [thing for thing in found if thing != "<style>"]
    return found


def test_the_legal_notice_says_what_the_site_does_not_do(sample_site):
    text = (sample_site / "mentions-legales" / "index.html").read_text(encoding="utf-8").lower()
    assert "aucun cookie" in text
    assert "audience" in text or "statistique" in text
    assert "police" in text  # no external fonts


def test_no_page_or_stylesheet_reaches_another_host(sample_site):
    pages = sorted(sample_site.rglob("*.html"))
    assert {str(p): not_allowed(p) for p in pages} == {str(p): [] for p in pages}
    for css in every_file(sample_site, "*.css"):
        text = css.read_text(encoding="utf-8")
        assert not re.search(r"@import|url\(\s*['\"]?(https?:)?//", text), css
        assert "@font-face" not in text, css
