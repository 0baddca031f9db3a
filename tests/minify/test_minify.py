"""Minify: pure functions on tables of pages, and a failing minifier that loses nothing."""

from __future__ import annotations

import re
from html.parser import HTMLParser

import pytest

from guichet_plugins.minify.minify import (
    MinifyError,
    minify_css_text,
    minify_html_text,
    quote_attributes,
    rewrite_file,
)
from guichet_plugins.minify.plugin import minify_file
from tests.minify.samples import PAGE, fails


class _Text(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.parts: list[str] = []

    def handle_data(self, data):
        self.parts.append(data)


def reading(html: str) -> str:
    """The text as a reader gets it: whitespace runs count as one space."""
    parser = _Text()
    parser.feed(html)
    return re.sub(r"\s+", " ", "".join(parser.parts))


@pytest.mark.parametrize(
    ("fragment", "kept"),
    [
        (PAGE, "<pre>  lundi    8h30-12h00\n  mardi\t9h00</pre>"),
        (PAGE, ">  deux  espaces\n</textarea>"),
        (PAGE, "guichet</strong> <a"),
        (PAGE, "</a> à <em>8h30</em>."),
        ("<p>a <b>b</b> <i>c</i></p>", "a <b>b</b> <i>c</i>"),
        ('<p title="deux mots">x</p>', 'title="deux mots"'),
        ("<!doctype html><title>t</title>", "<!doctype html>"),
    ],
)
def test_minified_html_keeps(fragment, kept):
    assert kept in minify_html_text(fragment)


@pytest.mark.parametrize(
    ("fragment", "dropped"),
    [
        (PAGE, "<!--"),
        (PAGE, "\n  <main>"),
        ("<p>a</p>\n\n<p>b</p>", "\n"),
    ],
)
def test_minified_html_drops(fragment, dropped):
    assert dropped not in minify_html_text(fragment)


def test_minified_page_is_smaller_and_reads_the_same():
    minified = minify_html_text(PAGE)
    assert len(minified) < len(PAGE)
    assert "Le guichet ouvre à 8h30." in reading(PAGE)
    assert "Le guichet ouvre à 8h30." in reading(minified)


def test_media_queries_stay_readable_by_old_browsers():
    css = "/* thème */\n@media (max-width: 30em) {\n  body { margin : 0px ; }\n}\n"
    assert minify_css_text(css) == "@media (max-width:30em){body{margin:0px}}"


@pytest.mark.parametrize(
    ("css", "expected"),
    [
        ("a { color : red ; }", "a{color:red}"),
        ('.x::after { content: "  deux  espaces " }', '.x::after{content:"  deux  espaces "}'),
        ("", ""),
    ],
)
def test_minified_css(css, expected):
    assert minify_css_text(css) == expected


@pytest.mark.parametrize("function", [minify_html_text, minify_css_text])
def test_bytes_are_refused(function):
    with pytest.raises(MinifyError):
        function(b"<p>not text</p>")


def test_rewrite_file_minifies_in_place(tmp_path):
    page = tmp_path / "index.html"
    page.write_text(PAGE, encoding="utf-8")
    page.chmod(0o644)
    assert rewrite_file(page, minify_html_text) is True
    assert page.read_text(encoding="utf-8") == minify_html_text(PAGE)
    assert page.stat().st_mode & 0o777 == 0o644
    assert rewrite_file(page, minify_html_text) is False  # already minified
    assert [p.name for p in tmp_path.iterdir()] == ["index.html"]


def empties(text: str) -> str:
    return ""


def binary(text: str) -> bytes:
    return text.encode()


@pytest.mark.parametrize("transform", [fails, empties, binary])
def test_failing_minifier_leaves_the_page_whole(tmp_path, transform):
    page = tmp_path / "index.html"
    page.write_text(PAGE, encoding="utf-8")
    with pytest.raises((RuntimeError, MinifyError)):
        rewrite_file(page, transform)
    assert page.read_text(encoding="utf-8") == PAGE
    assert [p.name for p in tmp_path.iterdir()] == ["index.html"]


def test_minify_file_warns_in_french_and_keeps_the_page(tmp_path, caplog):
    page = tmp_path / "demarches" / "index.html"
    page.parent.mkdir()
    page.write_text(PAGE, encoding="utf-8")
    assert minify_file(page, fails, str(tmp_path)) is False
    assert page.read_text(encoding="utf-8") == PAGE
    assert "demarches/index.html" in caplog.text
    assert "n'a pas pu être allégé" in caplog.text


@pytest.mark.parametrize(
    ("html", "expected"),
    [
        ("<a href=/demarches/>x</a>", '<a href="/demarches/">x</a>'),
        ("<a class=x href=tel:+33>x</a>", '<a class=x href="tel:+33">x</a>'),
        ("<img alt src=/i.jpg>", '<img alt="" src="/i.jpg">'),
        ("<input disabled type=checkbox>", "<input disabled type=checkbox>"),
        ('<p title="a > b" id=q>x</p>', '<p title="a > b" id=q>x</p>'),
        ("<style>a>b{c:d}</style><b x=/y>", '<style>a>b{c:d}</style><b x="/y">'),
        ("<title>a<b x=/y></title>", "<title>a<b x=/y></title>"),
        ("a < b, c<d", "a < b, c<d"),
        # a tag left as it is is skipped whole: what its quoted values hold is text
        ('<p title="a <b c=/d> e" id=q>x<i y=/z>', '<p title="a <b c=/d> e" id=q>x<i y="/z">'),
        (
            "<p class=a><em>b</em><a href=/c/ id=d>e</a>",
            '<p class=a><em>b</em><a href="/c/" id=d>e</a>',
        ),
        ("<TITLE id=t>a<b x=/y></Title><b x=/y>", '<TITLE id=t>a<b x=/y></Title><b x="/y">'),
        ("<p a=b/c>", '<p a="b/c">'),
    ],
)
def test_quote_attributes_for_html4_parsers(html, expected):
    assert quote_attributes(html) == expected


def test_minified_html_keeps_every_end_tag():
    html = "<ul><li>a</li><li>b</li></ul><p>c</p><dl><dt>d</dt><dd>e</dd></dl>"
    html += "<table><tr><td>f</td></tr></table><html><head></head><body></body></html>"
    minified = minify_html_text(html)
    for end in ("</li>", "</p>", "</dt>", "</dd>", "</td>", "</tr>", "</ul>", "</body>"):
        assert end in minified, end
    assert minified.count("</li>") == 2


def test_list_items_keep_one_space_between_them():
    html = "<ul>\n<li>a</li>\n<li class=x>b</li>\n</ul><p>c</p>\n<p>d</p>"
    assert minify_html_text(html) == "<ul><li>a</li> <li class=x>b</li></ul><p>c</p><p>d</p>"
