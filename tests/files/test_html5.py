"""guichet.html5's helpers for fragments: read as browsers read a page's body."""

from __future__ import annotations

import pytest

from guichet import html5


def test_a_fragment_keeps_its_text_and_comments_and_writes_back_the_same_bytes():
    html = '\n<!-- note --> Un &amp; deux<h2 title="a &gt; b">T&nbsp;<em>x</em></h2>\n<p>y</p>\n'
    body = html5.fragment(html)
    assert [node.tag for node in body.iter(include_text=True)] == [
        "-text", "-comment", "-text", "h2", "-text", "p", "-text"
    ]  # fmt: skip
    assert body.inner_html == html


def test_a_fragment_stays_readable_after_the_parser_is_out_of_reach():
    import gc

    body = html5.fragment("<p>Une <b>photo</b></p>")
    gc.collect()
    assert body.css_first("b").text() == "photo"


@pytest.mark.parametrize(
    ("html", "expected"),
    [
        ("Une photo d’identité", "Une photo d’identité"),
        ("Un <strong>timbre</strong> &amp; une photo", "Un timbre & une photo"),
        ("Pi&egrave;ce d&#8217;identit&eacute;&hellip;", "Pièce d’identité…"),
        ("Photo<!-- à revoir -> accueil --> récente", "Photo récente"),
        ('<abbr title="a > b">CCAS</abbr>', "CCAS"),
        ("a&nbsp;b", "a\xa0b"),
        ("x<script>if (a < b) {}</script><style>p{}</style>y", "xy"),
        ("5 &lt; 6", "5 < 6"),
        ("&amp;lt;", "&lt;"),
    ],
)
def test_text_is_what_a_reader_sees(html, expected):
    assert html5.text(html) == expected


def test_node_text_leaves_the_tree_as_it_was():
    body = html5.fragment("<li>a<script>s()</script>b</li>")
    assert html5.node_text(body) == "ab"
    assert body.inner_html == "<li>a<script>s()</script>b</li>"


def test_drop_comments_removes_them_at_any_depth():
    body = html5.fragment("<!-- a --><ul><li>x<!-- b --></li></ul><!---->")
    html5.drop_comments(body)
    assert body.inner_html == "<ul><li>x</li></ul>"
