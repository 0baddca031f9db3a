"""Hard flyers, built for real (tests/print/cases.py): 20 documents and 15 steps, 6 counters, a
long « Bon à savoir », a 60-character word and a 120-character web address in a title, a list
and a paragraph. In WeasyPrint's PDF and in Chromium's print of the flyer page, each takes at
most two A4 pages, prints every document, step, phone, postal code, hours line and closure, and
no glyph leaves the page."""

from __future__ import annotations

import re
import subprocess
from datetime import UTC, date, datetime
from pathlib import Path

import pytest

from guichet_plugins.procedures.hours import parse_hours
from guichet_plugins.procedures.phone import parse_phone
from tests.browsing import AXE, AXE_TAGS, ORIGIN, RUN_AXE, serve
from tests.conftest import BUILD_DATE_EPOCH, run_build
from tests.print.cases import CASES, URL, WORD, write_cases
from tests.print.helpers import all_text, is_a4, list_texts, meta, page_text, pdf_reader
from tests.site.on_paper import (
    MARGIN,
    check_procedure_on_paper,
    print_procedure_in_chromium,
    print_procedure_in_weasyprint,
)

pytestmark = pytest.mark.build

SLUGS = sorted(CASES)


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("hard-flyers")
    content = write_cases(root)
    build = run_build(content, root / "out", root / "cache")
    assert build.returncode == 0, build.output
    return root


def counter_lines(source: Path) -> list[str]:
    """What a resident needs from a counter, as printed: phone, postal code, each open day and
    its hours, each upcoming closure's reason."""
    text = source.read_text(encoding="utf-8")
    fields = meta(source)
    needed = [parse_phone(fields["telephone"]).display]
    needed.append(re.search(r"^\s+(\d{5}) ", text, re.M).group(1))
    hours = re.search(r"^Horaires: (.*(?:\n    .*)*)", text, re.M).group(1).split("\n")
    for day in parse_hours([line.strip() for line in hours]).open_days:
        needed.append(day.day)
        needed.extend(r.text for r in day.ranges)
    built_on = datetime.fromtimestamp(int(BUILD_DATE_EPOCH), UTC).date()
    closures = text.split("Fermetures:", 1)[-1].split("\nAcces:", 1)[0]
    for day, month, year, reason in re.findall(r"(\d\d)/(\d\d)/(\d{4}) : ([^\n.]+)", closures):
        if date(int(year), int(month), int(day)) >= built_on:  # upcoming: printed
            needed.append(reason.strip())
    return needed


def check_everything_is_printed(text: str, content: Path, slug: str) -> None:
    source = content / "demarches" / f"{slug}.md"
    folded = re.sub(r"\s+", "", text).lower()  # a long word or URL may wrap anywhere
    for heading in ("Pièces à fournir", "Étapes"):
        for item in list_texts(source, heading):
            assert re.sub(r"\s+", "", item).lower() in folded, (slug, heading, item)
    for counter in meta(source)["guichets"].split(","):
        for line in counter_lines(content / "guichets" / f"{counter.strip()}.md"):
            assert re.sub(r"\s+", "", line).lower() in folded, (slug, counter, line)
    assert f"www.val-daurore.fr/demarches/{slug}/" in text


EDGE = 8 / 25.4 * 72
"""8 mm in points: the sheets' side margins are 10 mm (Chromium) to 12 mm (WeasyPrint), and a
browser clips what runs into them; a glyph nearer the side edge than this left its column."""


def glyphs_outside(pdf: Path) -> list[str]:
    """Words of ``pdf`` whose box is not inside its page, or runs into its side margins
    (``pdftotext -bbox``)."""
    html = subprocess.run(
        ["pdftotext", "-bbox", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    outside = []
    for page in re.finditer(r'<page width="([\d.]+)" height="([\d.]+)">(.*?)</page>', html, re.S):
        width, height = float(page.group(1)), float(page.group(2))
        for word in re.finditer(
            r'<word xMin="([-\d.]+)" yMin="([-\d.]+)" xMax="([-\d.]+)" yMax="([-\d.]+)">([^<]*)',
            page.group(3),
        ):
            x0, y0, x1, y1 = (float(word.group(n)) for n in range(1, 5))
            if x0 < EDGE or y0 < 0 or x1 > width - EDGE or y1 > height:
                outside.append(word.group(5))
    return outside


@pytest.mark.parametrize("slug", SLUGS)
def test_weasyprint_prints_everything_on_one_sheet(built, slug):
    pdf = built / "out" / "demarches" / slug / "fiche.pdf"
    reader = pdf_reader(pdf)
    assert 1 <= len(reader.pages) <= 2
    assert all(is_a4(reader, n) for n in range(len(reader.pages)))
    check_everything_is_printed(all_text(reader), built / "content", slug)
    assert glyphs_outside(pdf) == []


def test_the_test_cases_are_hard_enough(built):
    pages = {s: len(pdf_reader(built / "out/demarches" / s / "fiche.pdf").pages) for s in SLUGS}
    assert pages["vingt-pieces"] == pages["six-guichets"] == pages["bon-a-savoir-long"] == 2
    front = page_text(pdf_reader(built / "out/demarches/vingt-pieces/fiche.pdf"), 0)
    assert "Suite au verso" in front and "Pièce justificative numéro 20" in front
    assert "Mairie annexe des Granges" in front  # documents and counters on the front
    text = all_text(pdf_reader(built / "out/demarches/mots-longs/fiche.pdf"))
    assert WORD[:20] in text and "service-public.gouv.fr" in text
    assert re.sub(r"\s+", "", URL) in re.sub(r"\s+", "", text)  # printed in full, wrapped


def test_long_free_text_is_cut_with_the_address_of_the_rest(built):
    text = all_text(pdf_reader(built / "out/demarches/six-guichets/fiche.pdf"))
    assert "à lire sur www.val-daurore.fr/demarches/six-guichets/" in text


def test_links_print_their_address(built):
    text = re.sub(r"\s+", "", all_text(pdf_reader(built / "out/demarches/mots-longs/fiche.pdf")))
    assert "lapagedespièces(www.val-daurore.fr/demarches/carte-identite/)" in text
    assert f"formulaireenligne({URL})" in text


@pytest.mark.browser
@pytest.mark.parametrize("slug", SLUGS)
def test_chromium_prints_the_flyer_page_on_one_sheet(browser, built, slug, tmp_path):
    page = browser.new_page()
    serve(page, built / "out")
    try:
        assert page.goto(f"{ORIGIN}/demarches/{slug}/fiche/").ok
        page.emulate_media(media="print")
        pdf = page.pdf(format="A4", margin=MARGIN, print_background=False)
    finally:
        page.close()
    target = tmp_path / "chromium.pdf"
    target.write_bytes(pdf)
    reader = pdf_reader(pdf)
    assert 1 <= len(reader.pages) <= 2, slug
    check_everything_is_printed(all_text(reader), built / "content", slug)
    assert glyphs_outside(target) == []


@pytest.mark.browser
@pytest.mark.parametrize("slug", SLUGS)
def test_the_procedure_page_of_a_hard_case_prints_on_one_sheet(browser, built, slug, tmp_path):
    source, content = built / "content/demarches" / f"{slug}.md", built / "content"
    for engine, pdf in (
        ("chromium", print_procedure_in_chromium(browser, built / "out", slug)),
        ("weasyprint", print_procedure_in_weasyprint(built / "out", slug)),
    ):
        check_procedure_on_paper(pdf, source, content)
        target = tmp_path / f"{engine}.pdf"
        target.write_bytes(pdf)
        assert glyphs_outside(target) == [], engine


@pytest.mark.browser
@pytest.mark.parametrize("width", [320, 240])
def test_the_flyer_page_of_a_hard_case_never_scrolls_sideways(browser, built, width):
    page = browser.new_page(viewport={"width": width, "height": 600})
    serve(page, built / "out")
    try:
        wide = []
        for slug in SLUGS:
            assert page.goto(f"{ORIGIN}/demarches/{slug}/fiche/").ok
            if page.evaluate("document.scrollingElement.scrollWidth > innerWidth"):
                wide.append(slug)
    finally:
        page.close()
    assert wide == []


@pytest.mark.browser
def test_the_flyer_page_of_a_hard_case_passes_axe(browser, built):
    page = browser.new_page(viewport={"width": 320, "height": 600})
    serve(page, built / "out")
    try:
        problems = []
        for slug in SLUGS:
            assert page.goto(f"{ORIGIN}/demarches/{slug}/fiche/").ok
            page.add_script_tag(path=str(AXE))
            problems += [f"{slug}: {v}" for v in page.evaluate(RUN_AXE, AXE_TAGS)]
    finally:
        page.close()
    assert problems == []
