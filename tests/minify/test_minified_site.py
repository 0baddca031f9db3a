"""The built sample town is minified and old parsers still read it (the W3C checker reads the
same minified pages in tests/theme/test_pages.py)."""

from __future__ import annotations

from collections import Counter
from html.parser import HTMLParser

from guichet_plugins.minify.minify import quote_attributes
from tests.conftest import every_file


def test_sample_pages_and_stylesheets_are_minified(sample_site):
    pages = list(sample_site.rglob("*.html"))
    assert len(pages) > 40
    for page in pages:
        text = page.read_text(encoding="utf-8")
        assert text.startswith("<!doctype html><html lang=fr><head>"), page
        assert "\n<" not in text and "<!--" not in text, page
    for sheet in every_file(sample_site, "*.css"):
        css = sheet.read_text(encoding="utf-8")
        assert css and "\n" not in css.strip() and "/*" not in css, sheet


OLD_PARSER_END_TAGS = ("p", "li", "dt", "dd", "td", "th", "tr", "option", "head", "body", "html")
"""End tags HTML lets a page leave out, which NetSurf 3.10, w3m or Dillo need (issue 16)."""


class _Tags(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.opened: Counter[str] = Counter()
        self.closed: Counter[str] = Counter()

    def handle_starttag(self, tag, attrs):
        self.opened[tag] += 1

    def handle_endtag(self, tag):
        self.closed[tag] += 1


def test_every_built_page_closes_what_it_opens(sample_site):
    pages = sorted(sample_site.rglob("*.html"))
    assert len(pages) > 40
    unclosed = {}
    for page in pages:
        tags = _Tags()
        tags.feed(page.read_text(encoding="utf-8"))
        for tag in OLD_PARSER_END_TAGS:
            if tags.opened[tag] != tags.closed[tag]:
                unclosed[f"{page.relative_to(sample_site)} <{tag}>"] = (
                    tags.opened[tag],
                    tags.closed[tag],
                )
        assert tags.opened["p"] and tags.opened["head"] == tags.opened["body"] == 1, page
    assert unclosed == {}


def test_every_attribute_value_an_html4_parser_needs_quoted_is_quoted(sample_site):
    pages = sorted(sample_site.rglob("*.html"))
    text = {page: page.read_text(encoding="utf-8") for page in pages}
    assert [page for page in pages if quote_attributes(text[page]) != text[page]] == []
    assert 'href="/"' in text[sample_site / "index.html"]
