"""What was removed, found by comparing before and after, and said in French."""

from __future__ import annotations

import pytest

from guichet_plugins.sanitize.diff import Removal, elements, removals
from guichet_plugins.sanitize.policy import REMOVED_WITH_CONTENT, sanitize_html
from guichet_plugins.sanitize.report import describe, problems

DIFFS = [
    ("<p>a</p>", "<p>a</p>", []),
    ("<p onclick='x()'>a</p>", "<p>a</p>", [Removal("p", "onclick", "x()")]),
    ("<p>a</p><script>x</script><p>b</p>", "<p>a</p><p>b</p>", [Removal("script")]),
    (
        '<img src="a.jpg" alt="A"><img src="https://t.example/p.gif" alt="B">',
        '<img src="a.jpg" alt="A">',
        [Removal("img", None, "https://t.example/p.gif")],
    ),
    (
        '<img src="https://t.example/p.gif" alt="B"><img src="a.jpg" alt="A">',
        '<img src="a.jpg" alt="A">',
        [Removal("img", None, "https://t.example/p.gif")],
    ),
    (
        '<form action="https://f.example/"><input name="n"></form>',
        "",
        [Removal("form", None, "https://f.example/")],
    ),
    (
        '<iframe src="https://v.example/"><p>repli</p></iframe><p>b</p>',
        "<p>b</p>",
        [Removal("iframe", None, "https://v.example/")],
    ),
    ("<svg><script>x</script><circle/></svg>", "", [Removal("svg")]),
    (
        '<embed src="x.swf"><p onclick="y">b</p>',
        "<p>b</p>",
        [Removal("embed", None, "x.swf"), Removal("p", "onclick", "y")],
    ),
    (
        "<table><tr><td>x</td></tr><p>hors</p></table>",
        "<p>hors</p><table><tbody><tr><td>x</td></tr></tbody></table>",
        [],
    ),
    ('<td style="text-align: center;">1</td>', "<td>1</td>", []),
    ('<td style="color: red">1</td>', "<td>1</td>", [Removal("td", "style", "color: red")]),
    ('<a href="https://x.example/">x</a>', '<a href="https://x.example/" rel="external">x</a>', []),
    ('<a href="a&amp;b">x</a>', '<a href="a&amp;b">x</a>', []),
]


@pytest.mark.parametrize("before, after, expected", DIFFS)
def test_removals(before, after, expected):
    assert removals(before, after, REMOVED_WITH_CONTENT) == expected


def test_elements_mark_what_is_inside_a_removed_element():
    found = elements("<iframe><p>a</p></iframe><p>b</p>", {"iframe"})
    assert [(e.tag, e.inside) for e in found] == [("iframe", ""), ("p", "iframe"), ("p", "")]


def test_void_removed_elements_do_not_swallow_what_follows():
    found = elements('<embed src="x"><p>b</p>', {"embed"})
    assert [(e.tag, e.inside) for e in found] == [("embed", ""), ("p", "")]


DESCRIPTIONS = [
    (Removal("script"), "un script (balise <script>)"),
    (
        Removal("iframe", None, "https://v.example/e"),
        "un contenu intégré depuis un autre site (balise <iframe> vers https://v.example/e)",
    ),
    (
        Removal("object", None, "https://v.example/a.swf"),
        "balise <object> vers https://v.example/a.swf",
    ),
    (Removal("embed"), "un contenu intégré depuis un autre site (balise <embed>)"),
    (
        Removal("form", None, "https://f.example/"),
        "un formulaire (balise <form> vers https://f.example/)",
    ),
    (
        Removal("img", None, "https://t.example/p.gif"),
        "une image chargée depuis un autre site (https://t.example/p.gif)",
    ),
    (
        Removal("img", None, "//cdn.example/p.jpg"),
        "une image chargée depuis un autre site (//cdn.example/p.jpg)",
    ),
    (
        Removal("img", None, "data:image/png;base64,AAAA"),
        "une image écrite dans le texte (adresse « data: »)",
    ),
    (Removal("img", None, "{static}/images/logo.svg"), "une image SVG ({static}/images/logo.svg)"),
    (Removal("svg"), "un dessin SVG intégré (balise <svg>)"),
    (
        Removal("link", None, "https://e.example/x.css"),
        "une balise <link> (https://e.example/x.css)",
    ),
    (Removal("meta", None, "refresh"), "une balise <meta> (refresh)"),
    (Removal("style"), "une balise <style>"),
    (Removal("p", "onclick", "alert(1)"), "l'attribut onclick sur <p> (un script)"),
    (Removal("p", "style", "background:url(x)"), "l'attribut style sur <p> (background:url(x))"),
    (Removal("a", "href", "java\tscript:x"), "une adresse « javascript: » sur <a>"),
    (Removal("a", "href", "DATA:text/html,x"), "une adresse « data: » sur <a>"),
    (Removal("img", "srcset", "https://c.example/a.jpg 2x"), "des variantes d'image (srcset)"),
    (Removal("a", "target", "_blank"), "l'attribut target sur <a>"),
    (Removal("marquee"), "la balise <marquee>"),
]


@pytest.mark.parametrize("removal, words", DESCRIPTIONS)
def test_each_removal_is_described_in_french(removal, words):
    what, hint = describe(removal)
    assert words in what
    assert hint


def test_long_values_are_shortened():
    what, _ = describe(Removal("img", None, "https://t.example/" + "a" * 200))
    assert len(what) < 140 and what.endswith("…)")


def test_problems_name_the_file_once_per_distinct_removal():
    before = '<p onclick="a">x</p><p onclick="a">y</p><script>z</script>'
    found = problems("content/pages/x.md", removals(before, sanitize_html(before)), error=False)
    assert [p.source for p in found] == ["content/pages/x.md"] * 2
    assert "onclick" in found[0].message and "script" in found[1].message
    assert found[0].message.startswith("Retiré de la page")


def test_problems_as_errors_say_the_build_stops():
    found = problems("content/pages/x.md", [Removal("script")], error=True, field="Summary")
    assert found[0].field == "Summary"
    assert "n'est pas autorisé" in found[0].message
    assert "SANITIZE_FAIL" in found[0].hint


def test_a_huge_page_changed_at_both_ends_is_still_reported():
    body = "".join(f'<p id="p{i}">x</p>' for i in range(600))
    before = f"<script>a</script>{body}<p onclick='b'>c</p><iframe></iframe>"
    found = removals(before, sanitize_html(before), REMOVED_WITH_CONTENT)
    assert Removal("script") in found and Removal("iframe") in found
