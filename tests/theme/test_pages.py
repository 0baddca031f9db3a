"""Every page of the built sample town: no script, nothing from another host, valid HTML, one
round trip, a sensible reading order in a text browser, unique titles."""

from __future__ import annotations

import json
import re
import subprocess
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from guichet_plugins.checks.budget import Budgets, SiteChecker
from guichet_plugins.checks.scan import RESOURCE_RELS
from tests.conftest import ROOT
from tests.html_pages import parse
from tests.theme.pages import html_files, is_flyer, url_path

VNU = ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
CSS = ROOT / "theme" / "static" / "css" / "guichet.css"
TOWN = "Mairie de Val-d'Aurore"

RESOURCE_ATTRIBUTES = {
    ("link", "href"),
    ("img", "src"),
    ("img", "srcset"),
    ("source", "src"),
    ("source", "srcset"),
    ("script", "src"),
    ("iframe", "src"),
    ("embed", "src"),
    ("object", "data"),
    ("video", "src"),
    ("video", "poster"),
    ("audio", "src"),
    ("track", "src"),
    ("input", "src"),
    ("form", "action"),
    ("button", "formaction"),
    ("input", "formaction"),
}


class Page:
    """What the tests need from one page, read as a browser parses it (tests/html_pages.py)."""

    def __init__(self, html: str):
        doc = parse(html)
        self.problems: list[str] = []
        self.lang: str | None = doc.select_one("html").get("lang")
        titles = doc.select("title")
        self.title = "".join(titles[0].element.itertext()) if titles else ""
        self.h1 = "".join("".join(h1.element.itertext()) for h1 in doc.select("h1"))
        for element in doc.select("*"):
            self._check(element.tag.lower(), element.element.attrib.items())

    def _check(self, tag: str, attrs) -> None:
        if tag == "script":
            self.problems.append("<script>")
        attrs = list(attrs)
        rels = {v.lower() for n, v in attrs if n.rsplit("}", 1)[-1] == "rel" for v in v.split()}
        names_only = tag == "link" and not rels & RESOURCE_RELS  # schema.org's <link itemprop>
        for name, value in attrs:
            name = name.rsplit("}", 1)[-1].lower()
            value = value or ""
            if name.startswith("on"):
                self.problems.append(f"<{tag} {name}=>")
            if re.match(r"\s*javascript:", value, re.I):
                self.problems.append(f"<{tag} {name}={value!r}>")
            if (tag, name) in RESOURCE_ATTRIBUTES and not names_only:
                urls = [u.split()[0] for u in value.split(",") if u.strip()]
                for url in urls if name.endswith("srcset") else [value]:
                    if urlsplit(url.strip()).netloc or url.strip().startswith("//"):
                        self.problems.append(f"<{tag} {name}={url!r}> (another host)")


@pytest.fixture(scope="module")
def pages(sample_site) -> dict[Path, Page]:
    found = {path: Page(path.read_text(encoding="utf-8")) for path in html_files(sample_site)}
    assert len(found) > 40
    return found


def test_no_script_and_nothing_from_another_host(pages, sample_site):
    problems = {url_path(sample_site, p): page.problems for p, page in pages.items()}
    assert {path: found for path, found in problems.items() if found} == {}


def test_every_page_is_french_with_a_unique_descriptive_title(pages, sample_site):
    titles = [page.title.strip() for page in pages.values()]
    assert {page.lang for page in pages.values()} == {"fr"}
    assert all(re.fullmatch(rf"\S.{{2,}} – {re.escape(TOWN)}", title) for title in titles), titles
    assert len(set(titles)) == len(titles)


def test_every_page_fits_in_one_round_trip(sample_site):
    """Measured by the build's own rule (HTML and stylesheets as nginx sends them)."""
    budget = Budgets().first_view_bytes
    checker = SiteChecker(sample_site, Budgets(), frozenset(), "output")
    weights = {
        url_path(sample_site, path): checker.first_view(path).total
        for path in html_files(sample_site)
    }
    assert min(weights.values()) > 0 and max(weights.values()) <= budget, weights


def first_heading(dump: str, within: int = 15) -> str:
    """The first heading of a ``lynx -dump``: lynx writes headings flush left, the rest indented."""
    lines = dump.splitlines()[:within]
    start = next((i for i, line in enumerate(lines) if line[:1] not in ("", " ")), None)
    if start is None:
        return ""
    heading = []
    for line in lines[start:]:
        if line[:1] in ("", " "):
            break
        heading.append(line.strip())
    return " ".join(heading)


def test_heading_comes_first_in_a_text_browser(pages, sample_site):
    wrong = {}
    for path, page in pages.items():
        if is_flyer(path):
            continue
        dump = subprocess.run(
            ["lynx", "-dump", "-nolist", "-width=80", "-display_charset=utf-8", str(path)],
            capture_output=True,
            text=True,
            check=True,
        ).stdout
        heading = " ".join(page.h1.split())
        if not heading or first_heading(dump) != heading:
            wrong[url_path(sample_site, path)] = (heading, first_heading(dump))
    assert wrong == {}


@pytest.mark.parametrize(
    ("dump", "expected"),
    [
        (
            "   Aller au contenu\n\n   Mairie\n     * Démarches\n\nPasseport\n\n   Texte",
            "Passeport",
        ),
        (
            "   Menu\n\nReconnaissance d'un enfant\navant la naissance\n\n   x",
            "Reconnaissance d'un enfant avant la naissance",
        ),
        ("   a\n" * 15 + "Trop loin", ""),
    ],
)
def test_first_heading_of_a_lynx_dump(dump, expected):
    assert first_heading(dump) == expected


def test_html_and_css_are_valid(sample_site):
    """The W3C Nu Html Checker, started once for every page and the stylesheet."""
    files = [str(path) for path in html_files(sample_site)]
    files.append(str(sample_site / "theme" / "css" / "guichet.css"))
    result = subprocess.run(
        ["java", "-jar", str(VNU), "--errors-only", "--format", "json", "--also-check-css", *files],
        capture_output=True,
        text=True,
        timeout=300,
    )
    messages = json.loads(result.stderr or result.stdout)["messages"]
    errors = [
        f"{m.get('url', '').rsplit(str(sample_site), 1)[-1]}:{m.get('lastLine')}: {m['message']}"
        for m in messages
        if m["type"] != "info"
    ]
    assert errors == []
    assert result.returncode in (0, 1), result.stderr[-2000:]  # 1: errors (listed above)


def test_hours_never_claim_to_know_today(pages):
    """The reader's today is not the build date: no « ouvert maintenant » in static HTML."""
    pattern = re.compile(r"maintenant|aujourd.hui|en ce moment|actuellement (ouvert|fermé)", re.I)
    for path in pages:
        assert not pattern.search(path.read_text(encoding="utf-8")), path


@pytest.mark.parametrize(
    "html",
    [
        "<script>alert(1)</script>",
        '<p onclick="x()">x</p>',
        '<a href=" JavaScript:void(0)">x</a>',
        '<link rel="stylesheet" href="https://cdn.example/x.css">',
        '<img src="//cdn.example/x.png" alt="">',
        '<img src="/a.jpg" srcset="/a.jpg 1x, https://cdn.example/b.jpg 2x" alt="">',
        '<form action="https://forms.example/send"></form>',
        "<p>a<!--><script>alert(1)</script>-->",  # browsers end the comment at "<!-->"
    ],
)
def test_page_reader_catches_script_and_other_hosts(html):
    assert Page(html).problems


def test_page_reader_accepts_links_to_other_sites():
    assert Page('<a href="https://ants.gouv.fr/">ANTS</a><img src="/i.jpg" alt="">').problems == []
