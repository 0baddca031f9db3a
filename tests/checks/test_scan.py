"""What a page makes the browser run or fetch: tables of HTML fragments."""

from __future__ import annotations

import pytest

from guichet_plugins.checks.scan import (
    css_imports,
    css_urls,
    host_of,
    is_javascript,
    parse_srcset,
    pick_candidate,
    scan_html,
)
from tests.checks.hostile_cases import RESOURCES, SCRIPTS


@pytest.mark.parametrize(
    ("srcset", "candidates"),
    [
        ("a-320.jpg 320w, a-640.jpg 640w", [("a-320.jpg", 320), ("a-640.jpg", 640)]),
        ("a.jpg, a@2x.jpg 2x", [("a.jpg", None), ("a@2x.jpg", None)]),
        (" a.jpg  960w ,", [("a.jpg", 960)]),
        ("", []),
    ],
)
def test_parse_srcset(srcset, candidates):
    assert parse_srcset(srcset) == candidates


@pytest.mark.parametrize(
    ("candidates", "chosen"),
    [
        ([("a-320.jpg", 320), ("a-640.jpg", 640), ("a-960.jpg", 960)], "a-320.jpg"),
        ([("a-400.jpg", 400), ("a-640.jpg", 640)], "a-400.jpg"),
        ([("a-640.jpg", 640), ("a-300.jpg", 300)], "a-300.jpg"),
        ([("a-320.jpg", 320), ("a-400.jpg", 400)], "a-320.jpg"),  # tie: the smaller
        ([("a.jpg", None), ("a@2x.jpg", None)], "a.jpg"),
        ([], None),
    ],
)
def test_pick_candidate_closest_to_360(candidates, chosen):
    assert pick_candidate(candidates, 360) == chosen


@pytest.mark.parametrize(
    ("url", "host"),
    [
        ("https://cdn.example.net/a.css", "cdn.example.net"),
        ("//fonts.example.org/f.woff2", "fonts.example.org"),
        (" HTTP://Tracker.example.com/p.gif", "tracker.example.com"),
        ("/theme/css/guichet.css", None),
        ("../images/ecole-320.jpg", None),
        ("data:image/png;base64,AAAA", None),
        ("mailto:mairie@example.fr", None),
        ("#contenu", None),
    ],
)
def test_host_of(url, host):
    assert host_of(url) == host


@pytest.mark.parametrize(
    ("url", "script"),
    [
        ("javascript:alert(1)", True),
        (" JavaScript:void(0)", True),
        ("java\tscript:alert(1)", True),
        ("/javascript/", False),
        ("https://example.org/?javascript:x", False),
    ],
)
def test_is_javascript(url, script):
    assert is_javascript(url) is script


@pytest.mark.parametrize(
    ("css", "urls"),
    [
        ("body{background:url(/img/fond.png)}", ["/img/fond.png"]),
        ("a{b:url( 'https://x.example/a.png' )}", ["https://x.example/a.png"]),
        ('@import "https://fonts.example/css";', ["https://fonts.example/css"]),
        ("@import url(base.css);", ["base.css"]),
        ("a{color:red}", []),
    ],
)
def test_css_urls(css, urls):
    assert css_urls(css) == urls


def test_css_imports():
    assert css_imports('@import url("a.css");\n@import "b.css" print;') == ["a.css", "b.css"]


def resources(html: str) -> list[tuple[str, str]]:
    return [(r.where, r.url) for r in scan_html(html).resources]


@pytest.mark.parametrize(
    ("html", "expected"),
    RESOURCES,
)
def test_resources(html, expected):
    assert resources(html) == expected


@pytest.mark.parametrize(
    ("html", "scripts", "handlers", "javascript_urls"),
    SCRIPTS,
)
def test_scripts(html, scripts, handlers, javascript_urls):
    scan = scan_html(html)
    assert (scan.scripts, scan.handlers, scan.javascript_urls) == (
        scripts,
        handlers,
        javascript_urls,
    )


def test_images_and_stylesheets():
    scan = scan_html(
        '<link rel="stylesheet" href="/theme/css/guichet.css">'
        '<picture><source type="image/webp" srcset="/i/a-320.webp 320w, /i/a-640.webp 640w">'
        '<source media="(min-width: 60em)" srcset="/i/wide-1600.jpg 1600w">'
        '<img src="/i/a-640.jpg" srcset="/i/a-320.jpg 320w, /i/a-640.jpg 640w" alt="Mairie">'
        '</picture><img src="/i/logo.png" alt="">'
    )
    assert scan.stylesheets == ["/theme/css/guichet.css"]
    assert [(i.where, pick_candidate(i.candidates, 360)) for i in scan.images] == [
        ("<source srcset>", "/i/a-320.webp"),
        ("<img srcset>", "/i/a-320.jpg"),
        ("<img src>", "/i/logo.png"),
    ]
