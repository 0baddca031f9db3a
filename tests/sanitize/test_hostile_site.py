"""A corpus of hostile Markdown pages builds into pages with none of it left, each file named."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tests.conftest import ROOT, run_build
from tests.html_pages import page as parsed_page
from tests.sanitize.hostile import hostile_things

pytestmark = pytest.mark.build

HOSTILE = Path(__file__).parent / "fixtures" / "hostile"

EXPECTED_WARNINGS = {
    "script": ["un script (balise <script>)"],
    "iframe": ["balise <iframe> vers https://video.evil.example/embed/123"],
    "object": ["balise <object> vers https://evil.example/anim.swf"],
    "embed": ["balise <embed> vers https://evil.example/plan.swf"],
    "form": ["un formulaire (balise <form> vers https://vendor.evil.example/collect)"],
    "onclick": ["l'attribut onclick sur <p>", "l'attribut onmouseover sur <a>"],
    "javascript-link": ["une adresse « javascript: » sur <a>"],
    "data-url": ["une adresse « data: » sur <a>", "une image écrite dans le texte"],
    "style-url": ["l'attribut style sur <p>", "une balise <style>"],
    "link-meta": ["une balise <link> (https://evil.example/x.css)", "une balise <meta> (refresh)"],
    "remote-img": [
        "une image chargée depuis un autre site (https://tracker.evil.example/p.gif)",
        "une image chargée depuis un autre site (//cdn.evil.example/photo.jpg)",
    ],
    "inline-svg": [
        "un dessin SVG intégré (balise <svg>)",
        "une image SVG ({static}/images/logo.svg)",
    ],
}


@pytest.fixture(scope="module")
def hostile_build(tmp_path_factory):
    root = tmp_path_factory.mktemp("hostile")
    content = root / "content"
    shutil.copytree(ROOT / "tests" / "site" / "fixtures" / "small", content)
    for page in HOSTILE.glob("*.md"):
        shutil.copy(page, content / "pages" / page.name)
    procedure = content / "demarches" / "carte-identite.md"
    text = procedure.read_text(encoding="utf-8")
    procedure.write_text(
        text + '\n<img src="https://tracker.evil.example/carte.gif" alt="">\n', encoding="utf-8"
    )
    build = run_build(content, root / "out")
    assert build.returncode == 0, build.output
    return build


@pytest.mark.parametrize("name", sorted(EXPECTED_WARNINGS))
def test_each_hostile_page_is_built_clean_and_named(hostile_build, name):
    page = hostile_build.path / name / "index.html"
    assert page.is_file()
    assert hostile_things(page) == []
    html = page.read_text(encoding="utf-8")
    assert "evil.example" not in html
    warnings = hostile_build.output.split("⚠ ")
    about_this_file = [w for w in warnings if w.startswith(f"content/pages/{name}.md\n")]
    for words in EXPECTED_WARNINGS[name]:
        assert any(words in w for w in about_this_file), (words, about_this_file)


def test_text_around_hostile_html_is_kept(hostile_build):
    page = (hostile_build.path / "script" / "index.html").read_text(encoding="utf-8")
    assert "Texte avant." in page and "Texte après." in page
    assert "document.cookie" not in page


def test_no_page_of_the_hostile_site_holds_anything_hostile(hostile_build):
    pages = sorted(hostile_build.path.rglob("*.html"))
    assert len(pages) > 15
    assert {str(p.relative_to(hostile_build.path)): hostile_things(p) for p in pages} == {
        str(p.relative_to(hostile_build.path)): [] for p in pages
    }


def test_procedures_are_sanitized_too(hostile_build):
    page = hostile_build.path / "demarches" / "carte-identite" / "index.html"
    assert "tracker.evil.example" not in page.read_text(encoding="utf-8")
    assert "content/demarches/carte-identite.md\n    Retiré de la page" in hostile_build.output


def test_allowed_html_survives_with_external_links_marked(hostile_build):
    doc = parsed_page(hostile_build.path, "allowed/index.html")
    links = [dict(a.element.attrib) for a in doc.select("a")]
    assert {
        "href": "https://www.service-public.fr/particuliers/vosdroits/N19810",
        "rel": "external",
    } in links
    assert {"href": "https://www.val-daurore.fr/contact/"} in links  # the town's own site
    assert {"href": "/demarches/carte-identite/"} in links  # {filename} resolved after sanitizing
    assert {"href": "/demarches/carte-identite/#pieces"} in links
    assert "En savoir plus" in [s.text for s in doc.select("details > summary:first-child")]
    abbrs = [(dict(a.element.attrib), a.text) for a in doc.select("abbr")]
    assert ({"title": "Centre communal d’action sociale"}, "CCAS") in abbrs
    assert "content/pages/allowed.md" not in hostile_build.output  # nothing removed: no warning


def test_an_html_summary_is_sanitized_too(hostile_build):
    warning = "content/pages/summary.md — champ « Summary »\n    Retiré de la page"
    assert warning in hostile_build.output
    assert "tracker.evil.example/r.gif" in hostile_build.output
    assert "tracker.evil.example" not in (hostile_build.path / "summary/index.html").read_text()


def test_sanitize_fail_stops_the_build_listing_every_file(tmp_path, settings_file):
    content = tmp_path / "content"
    shutil.copytree(ROOT / "tests" / "site" / "fixtures" / "small", content)
    for name in ("script", "remote-img", "allowed"):
        shutil.copy(HOSTILE / f"{name}.md", content / "pages" / f"{name}.md")
    settings = settings_file("SANITIZE_FAIL = True\n")
    build = run_build(content, tmp_path / "out", settings=str(settings))
    assert build.returncode == 1, build.output
    assert "Le site n'a pas été construit : 3 problèmes à corriger." in build.output
    assert "✗ content/pages/script.md" in build.output
    assert "✗ content/pages/remote-img.md" in build.output
    assert "content/pages/allowed.md" not in build.output
    assert "Traceback" not in build.output
    assert not list((tmp_path / "out").rglob("*.html"))
