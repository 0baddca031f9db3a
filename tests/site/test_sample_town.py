"""The bundled sample town builds, at the URLs of design.md, with the "without internet" promise."""

from __future__ import annotations

import re
from pathlib import Path

from tests.conftest import ROOT

PROCEDURES = sorted(p.stem for p in (ROOT / "content/demarches").glob("*.md"))
COUNTERS = sorted(p.stem for p in (ROOT / "content/guichets").glob("*.md"))


def read(site: Path, path: str) -> str:
    return (site / path).read_text(encoding="utf-8")


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
    from procedures.phone import parse_phone

    for slug in PROCEDURES:
        source = (ROOT / "content/demarches" / f"{slug}.md").read_text(encoding="utf-8")
        counters = re.search(r"^Guichets:\s*(.+)$", source, re.M).group(1)
        html = read(sample_site, f"demarches/{slug}/index.html")
        for counter in (c.strip() for c in counters.split(",")):
            meta = (ROOT / "content/guichets" / f"{counter}.md").read_text(encoding="utf-8")
            phone = parse_phone(re.search(r"^Telephone:\s*(.+)$", meta, re.M).group(1))
            postal = re.search(r"^\s+(\d{5}) ", meta, re.M).group(1)
            # Pages are minified: attribute quotes are optional (href=tel:+33…)
            assert re.search(rf'href="?{re.escape(phone.uri)}["\s>]', html), (slug, counter)
            assert phone.display in html
            assert postal in html
            assert re.search(r"\d{1,2}\sh(\s\d\d)? à \d{1,2}\sh", html), slug  # hours, \s: nbsp


def test_past_closures_are_not_shown_and_upcoming_ones_are(sample_site):
    pages = [read(sample_site, f"guichets/{slug}/index.html") for slug in COUNTERS]
    assert any("Fermetures exceptionnelles" in page for page in pages)
    for slug in COUNTERS:
        source = (ROOT / "content/guichets" / f"{slug}.md").read_text(encoding="utf-8")
        page = read(sample_site, f"guichets/{slug}/index.html")
        for year in re.findall(r"/(20\d\d) ?:", source):
            if int(year) < 2026:
                assert f" {year} :" not in page


def test_no_page_lists_every_procedure_except_indexes(sample_site):
    """Navigation shows themes and indexes, never all procedures on every page."""
    first, last = PROCEDURES[0], PROCEDURES[-1]
    for slug in PROCEDURES:
        html = read(sample_site, f"demarches/{slug}/index.html")
        linked = set(re.findall(r'href="?/demarches/([a-z0-9-]+)/["\s>]', html)) - {slug}
        assert not ({first, last} <= linked and len(linked) >= len(PROCEDURES) - 1)


def test_sample_build_prints_no_error(sample_build):
    assert "Erreur" not in sample_build.output
    assert "Traceback" not in sample_build.output
