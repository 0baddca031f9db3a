"""The bundled sample town builds, at the URLs of design.md, with the "without internet" promise."""

from __future__ import annotations

import re

from tests.conftest import ROOT
from tests.html_pages import Node, page

PROCEDURES = sorted(p.stem for p in (ROOT / "content/demarches").glob("*.md"))
COUNTERS = sorted(p.stem for p in (ROOT / "content/guichets").glob("*.md"))


def hrefs(doc: Node) -> list[str]:
    return [found.get("href") for found in doc.select("[href]")]


def test_sample_town_is_big_enough():
    themes = {
        re.search(r"^Theme:\s*(\S+)", p.read_text(encoding="utf-8"), re.M).group(1)
        for p in (ROOT / "content/demarches").glob("*.md")
    }
    assert len(PROCEDURES) >= 12 and len(themes) >= 5 and len(COUNTERS) >= 3


def test_fixed_public_urls_exist(sample_site):
    for path in [
        "index.html",
        "demarches/index.html",
        "plan-du-site/index.html",
        "accessibilite/index.html",
        "mentions-legales/index.html",
        "404.html",
        *(f"demarches/{slug}/index.html" for slug in PROCEDURES),
        *(f"demarches/{slug}/fiche/index.html" for slug in PROCEDURES),
        *(f"guichets/{slug}/index.html" for slug in COUNTERS),
    ]:
        assert (sample_site / path).is_file(), path


def test_each_procedure_shows_how_to_do_it_without_internet(sample_site):
    from guichet_plugins.procedures.phone import parse_phone

    for slug in PROCEDURES:
        source = (ROOT / "content/demarches" / f"{slug}.md").read_text(encoding="utf-8")
        counters = re.search(r"^Guichets:\s*(.+)$", source, re.M).group(1)
        doc = page(sample_site, f"demarches/{slug}/index.html")
        for counter in (c.strip() for c in counters.split(",")):
            meta = (ROOT / "content/guichets" / f"{counter}.md").read_text(encoding="utf-8")
            phone = parse_phone(re.search(r"^Telephone:\s*(.+)$", meta, re.M).group(1))
            postal = re.search(r"^\s+(\d{5}) ", meta, re.M).group(1)
            assert phone.uri in hrefs(doc), (slug, counter)
            assert phone.display in doc.text
            assert postal in doc.text
            assert re.search(r"\d{1,2}\sh(\s\d\d)? à \d{1,2}\sh", doc.text), slug  # hours


def test_past_closures_are_not_shown_and_upcoming_ones_are(sample_site):
    texts = [page(sample_site, f"guichets/{slug}/index.html").text for slug in COUNTERS]
    assert any("Fermetures exceptionnelles" in text for text in texts)
    for slug, text in zip(COUNTERS, texts, strict=True):
        source = (ROOT / "content/guichets" / f"{slug}.md").read_text(encoding="utf-8")
        for year in re.findall(r"/(20\d\d) ?:", source):
            if int(year) < 2026:
                assert f" {year} :" not in text


def test_no_page_lists_every_procedure_except_indexes(sample_site):
    """Navigation shows themes and indexes, never all procedures on every page."""
    first, last = PROCEDURES[0], PROCEDURES[-1]
    for slug in PROCEDURES:
        links = hrefs(page(sample_site, f"demarches/{slug}/index.html"))
        linked = {m.group(1) for h in links if (m := re.fullmatch(r"/demarches/([a-z0-9-]+)/", h))}
        linked -= {slug}
        assert not ({first, last} <= linked and len(linked) >= len(PROCEDURES) - 1)


def test_sample_build_prints_no_error(sample_build):
    assert "Erreur" not in sample_build.output
    assert "Traceback" not in sample_build.output
