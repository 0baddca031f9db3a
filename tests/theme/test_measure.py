"""The pure measures the theme's tests rely on."""

from __future__ import annotations

import gzip

import pytest

from tests.theme.measure import contrast_ratio, first_view_bytes, gzip_size, stylesheet_hrefs


@pytest.mark.parametrize(
    ("html", "expected"),
    [
        ('<link rel="stylesheet" href="/theme/css/guichet.css">', ["/theme/css/guichet.css"]),
        ('<LINK REL="Stylesheet" HREF="a.css"><link rel="icon" href="i.png">', ["a.css"]),
        ('<link rel="alternate stylesheet" href="b.css">', ["b.css"]),
        ('<link rel="preload" href="c.css"><p>stylesheet</p>', []),
        ('<link rel="stylesheet">', []),
    ],
)
def test_stylesheet_hrefs(html, expected):
    assert stylesheet_hrefs(html) == expected


def test_gzip_size_is_what_gzip_9_writes():
    data = b"Horaires d'ouverture de la mairie. " * 50
    assert gzip_size(data) == len(gzip.compress(data, 9, mtime=0))
    assert gzip_size(data) < len(data) / 10


def test_first_view_counts_html_and_each_linked_stylesheet_once():
    css = b"body{color:#1b1b1b}" * 20
    html = b'<link rel="stylesheet" href="/s.css"><link rel="stylesheet" href="/s.css"><p>x</p>'
    loaded = []

    def load(href):
        loaded.append(href)
        return css

    assert first_view_bytes(html, load) == gzip_size(html) + gzip_size(css)
    assert loaded == ["/s.css"]


def test_first_view_without_stylesheet_is_the_html_alone():
    html = b"<!doctype html><title>x</title>"
    assert first_view_bytes(html, lambda href: pytest.fail(href)) == gzip_size(html)


@pytest.mark.parametrize(
    ("foreground", "background", "low", "high"),
    [
        ("#000", "#fff", 21, 21),
        ("#fff", "#fff", 1, 1),
        ("#767676", "#fff", 4.5, 4.6),  # the lightest grey that passes AA on white
        ("rgb(27, 27, 27)", "#ffffff", 17.2, 17.3),
        ("#0b4f8a", "rgb(255, 255, 255)", 8.3, 8.5),
    ],
)
def test_contrast_ratio(foreground, background, low, high):
    assert low <= round(contrast_ratio(foreground, background), 2) <= high
    assert contrast_ratio(foreground, background) == contrast_ratio(background, foreground)


@pytest.mark.parametrize("bad", ["blue", "#12", "rgb(1,2)", ""])
def test_contrast_ratio_rejects_what_it_cannot_read(bad):
    with pytest.raises(ValueError):
        contrast_ratio(bad, "#fff")
