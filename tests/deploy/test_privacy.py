"""No cookie, no analytics, nothing from another host: the site does it and the legal notice says
it (the page itself belongs to the theme's content; this only guards the promise)."""

from __future__ import annotations

import re

from tests.sanitize.hostile import hostile_things


def test_the_legal_notice_says_what_the_site_does_not_do(sample_site):
    text = (sample_site / "mentions-legales" / "index.html").read_text(encoding="utf-8").lower()
    assert "aucun cookie" in text
    assert "audience" in text or "statistique" in text
    assert "police" in text  # no external fonts


def test_no_page_or_stylesheet_reaches_another_host(sample_site):
    pages = sorted(sample_site.rglob("*.html"))
    assert {str(p): hostile_things(p) for p in pages} == {str(p): [] for p in pages}
    for css in sample_site.rglob("*.css"):
        text = css.read_text(encoding="utf-8")
        assert not re.search(r"@import|url\(\s*['\"]?(https?:)?//", text), css
        assert "@font-face" not in text, css
