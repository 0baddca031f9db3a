"""Hard flyers, built for real (tests/print/cases.py): 20 documents and 15 steps, 6 and 7
counters, a long « Bon à savoir », a 60-character word and a 120-character web address in a
title, a list and a paragraph, notes and sub-headings between documents and between steps, an
introduction and sections of the procedure's own. In the PDF and in Chromium's print of the
flyer page, each takes at most two A4 pages, prints every document, step (and every note
between them), phone, postal code, hours line and closure, no counter's block is split across
the sides, and no glyph leaves the page."""

from __future__ import annotations

import html as html_lib
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
from tests.print.test_same_text import differences, page_words
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
    (root / "build.log").write_text(build.output, encoding="utf-8")
    return root


def warning_of(built: Path, slug: str) -> str:
    """The build's warning about the flyer of ``slug``."""
    output = (built / "build.log").read_text(encoding="utf-8")
    return output.split(f"content/demarches/{slug}.md\n", 1)[1].split("\n⚠", 1)[0]


DAYS = ("lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche")


def counter_lines(source: Path) -> tuple[list[str], list[str]]:
    """What a resident needs from a counter, as printed: phone, postal code, each open day's
    hours, each upcoming closure's reason; and its open days."""
    text = source.read_text(encoding="utf-8")
    fields = meta(source)
    needed = [parse_phone(fields["telephone"]).display]
    needed.append(re.search(r"^\s+(\d{5}) ", text, re.M).group(1))
    hours = re.search(r"^Horaires: (.*(?:\n    .*)*)", text, re.M).group(1).split("\n")
    days = []
    for day in parse_hours([line.strip() for line in hours]).open_days:
        days.append(day.day)
        needed.extend(r.text for r in day.ranges)
    built_on = datetime.fromtimestamp(int(BUILD_DATE_EPOCH), UTC).date()
    closures = text.split("Fermetures:", 1)[-1].split("\nAcces:", 1)[0]
    for day, month, year, reason in re.findall(r"(\d\d)/(\d\d)/(\d{4}) : ([^\n.]+)", closures):
        if date(int(year), int(month), int(day)) >= built_on:  # upcoming: printed
            needed.append(reason.strip())
    return needed, days


def days_named(text: str) -> set[str]:
    """The days a flyer's text names, by name or within « du lundi au vendredi »."""
    lower = text.lower()
    named = {day for day in DAYS if day in lower}
    for first, last in re.findall(r"du (\w+) au (\w+)", lower):
        if first in DAYS and last in DAYS:
            named.update(DAYS[DAYS.index(first) : DAYS.index(last) + 1])
    return named


def check_everything_is_printed(text: str, content: Path, slug: str) -> None:
    source = content / "demarches" / f"{slug}.md"
    folded = re.sub(r"[\s•]+", "", text).lower()  # a long word or URL may wrap anywhere
    for heading in ("Pièces à fournir", "Étapes"):
        for item in list_texts(source, heading):
            assert re.sub(r"\s+", "", item).lower() in folded, (slug, heading, item)
    for counter in meta(source)["guichets"].split(","):
        needed, days = counter_lines(content / "guichets" / f"{counter.strip()}.md")
        for line in needed:
            assert re.sub(r"\s+", "", line).lower() in folded, (slug, counter, line)
        assert set(days) <= days_named(text), (slug, counter, days)
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


@pytest.mark.parametrize("slug", ["six-guichets", "bon-a-savoir-long"])
def test_free_text_is_printed_in_full_or_with_the_address_of_the_rest(built, slug):
    text = all_text(pdf_reader(built / "out/demarches" / slug / "fiche.pdf"))
    web = f"www.val-daurore.fr/demarches/{slug}/"
    fields = {"who": "Tout le monde.", "good": "Rien de particulier.", **CASES[slug]}
    for heading, key in (("Qui est concerné", "who"), ("Bon à savoir", "good")):
        full = " ".join(fields[key].split())
        shortened = re.search(rf"{heading} .+? suite sur {re.escape(web)}", text)
        left_out = f"« {heading} » : à lire sur {web}" in text
        assert full in text or shortened or left_out, (slug, heading)


def test_links_print_their_address(built):
    text = re.sub(r"\s+", "", all_text(pdf_reader(built / "out/demarches/mots-longs/fiche.pdf")))
    assert "lapagedespièces(www.val-daurore.fr/demarches/carte-identite/)" in text
    assert f"formulaireenligne({URL})" in text


def boxed_words(pdf: Path) -> list[tuple[int, float, str]]:
    """Every word of ``pdf`` in reading order: its page (1, 2), the top of its box, its text."""
    html = subprocess.run(
        ["pdftotext", "-bbox", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    found = []
    for number, page in enumerate(re.findall(r"<page [^>]*>(.*?)</page>", html, re.S), 1):
        for top, word in re.findall(r'<word xMin="[-\d.]+" yMin="([-\d.]+)"[^>]*>([^<]*)', page):
            found.append((number, float(top), html_lib.unescape(word)))
    return found


def flyer_pdf(built: Path, slug: str) -> Path:
    return built / "out" / "demarches" / slug / "fiche.pdf"


def flyer_page(built: Path, slug: str) -> str:
    """The text of the flyer page's main content."""
    return " ".join(page_words(built / "out" / "demarches" / slug))


NOTES = (
    "Pour un enfant mineur, apportez aussi le livret de famille.",
    "Si vous êtes né à l'étranger",
    "Une traduction officielle de l'acte",
    "Attendez la confirmation par courrier avant de venir.",
)


def test_notes_and_sub_headings_between_documents_and_steps_are_printed(built):
    pdf = all_text(pdf_reader(flyer_pdf(built, "texte-complet")))
    page = flyer_page(built, "texte-complet")
    for text in (pdf, page):
        for note in NOTES:
            assert note in text, note
        # In order: the sub-heading's documents come after it, the note after its documents.
        assert text.index("Un acte de naissance") < text.index(NOTES[0]) < text.index(NOTES[1])
        assert text.index(NOTES[1]) < text.index(NOTES[2])
    # Steps are numbered on across the note between them, on paper and on the page.
    assert "2. Prenez rendez-vous." in pdf and "3. Venez au guichet avec vos pièces." in pdf
    assert pdf.index(NOTES[3]) < pdf.index("3. Venez au guichet")
    html = (built / "out/demarches/texte-complet/fiche/index.html").read_text(encoding="utf-8")
    assert re.search(r"<ol start=\"?3\"?><li>Venez au guichet", html)
    assert differences(built / "out/demarches/texte-complet") == ([], [])


def test_the_introduction_and_other_sections_are_printed_like_bon_a_savoir(built):
    pdf = all_text(pdf_reader(flyer_pdf(built, "texte-complet")))
    page = flyer_page(built, "texte-complet")
    for text in (pdf, page):
        assert "Cette démarche se fait uniquement en personne. Aucune demande par courrier." in (
            text
        )
        assert "Tarifs La première demande est gratuite. Un duplicata coûte 10 €." in text
        assert "Recours En cas de refus, écrivez au maire dans les 2 mois." in text
        assert text.index("Bon à savoir") < text.index("Tarifs") < text.index("Recours")


def test_long_other_sections_are_cut_with_the_address_of_the_rest(built):
    pdf = all_text(pdf_reader(flyer_pdf(built, "sections-longues")))
    web = "www.val-daurore.fr/demarches/sections-longues/"
    for name, first in (("Tarifs", "Tarif 1."), ("Recours", "Recours 1.")):
        shortened = re.search(rf"{name} {re.escape(first)} \S+ suite sur {web}", pdf)
        left_out = f"« {name} » : à lire sur {web}" in pdf
        assert shortened or left_out, name
    assert "Tarif 2." not in pdf and "Recours 2." not in pdf and "Introduction 2." not in pdf
    assert differences(built / "out/demarches/sections-longues") == ([], [])
    warning = warning_of(built, "sections-longues")
    assert "« Introduction », « Tarifs », « Recours »" in warning.split("Règle appliquée", 1)[1]


def test_a_flowing_flyer_says_suite_au_verso_at_the_foot_of_its_front(built):
    assert "d'un bout à l'autre" in warning_of(built, "sept-guichets")  # dense, flowing
    words = boxed_words(flyer_pdf(built, "sept-guichets"))
    turns = [(page, top) for page, top, word in words if word == "verso"]
    assert len(turns) == 1 and turns[0][0] == 1, turns
    assert turns[0][1] > 841.89 - 12 / 25.4 * 72  # in the bottom margin of the front
    assert all(page == 2 for page, _, word in words if word == "Étapes")
    # The page's words are the PDF's, but for the PDF's page foot (the browser breaks pages).
    page_only, pdf_only = differences(built / "out/demarches/sept-guichets")
    assert page_only == [] and "verso" in pdf_only and set(pdf_only) <= {"au", "verso", "▸"}


@pytest.mark.parametrize("slug", ["sept-guichets", "six-guichets", "vingt-pieces"])
def test_no_counter_is_split_across_the_two_sides(built, slug):
    reader = pdf_reader(flyer_pdf(built, slug))
    pages = [re.sub(r"[\s•]+", "", page_text(reader, n)) for n in range(len(reader.pages))]
    pages = [page.split("Oùs'adresser", 1)[-1] for page in pages]  # not the town's name above
    slugs = [
        c.strip() for c in meta(built / "content/demarches" / f"{slug}.md")["guichets"].split(",")
    ]
    names = [meta(built / "content/guichets" / f"{c}.md")["titre"].replace(" ", "") for c in slugs]
    for counter, name in zip(slugs, names, strict=True):
        (page,) = [page for page in pages if name in page]
        # Its block, in reading order: from its name to the next counter's, or the page's end.
        block = page.split(name, 1)[1]
        for other in names:
            block = block.split(other, 1)[0]
        lines, _ = counter_lines(built / "content" / "guichets" / f"{counter}.md")
        for line in [*lines, "fermé"]:  # « Dimanche : fermé », its last row
            assert re.sub(r"\s+", "", line) in block, (counter, line)


def test_free_text_stays_in_full_while_the_flowing_flyer_has_room(built):
    warning = warning_of(built, "sept-guichets")
    assert "(rien n'est retiré)" in warning and "à lire sur" not in warning
    text = all_text(pdf_reader(flyer_pdf(built, "sept-guichets")))
    assert CASES["sept-guichets"]["who"] in text and CASES["sept-guichets"]["good"] in text


@pytest.mark.parametrize("slug", ["sept-guichets", "six-guichets"])
def test_a_time_range_is_never_broken_and_days_in_a_row_are_one_range(built, slug):
    words = boxed_words(flyer_pdf(built, slug))
    text = [word for _, _, word in words]
    found = 0
    for counter in meta(built / "content/demarches" / f"{slug}.md")["guichets"].split(","):
        hours, _ = counter_lines(built / "content" / "guichets" / f"{counter.strip()}.md")
        for line in hours:
            if not re.match(r"\d{1,2} h", line):
                continue
            wanted = line.split()
            for start in range(len(text) - len(wanted) + 1):
                if text[start : start + len(wanted)] == wanted:
                    found += 1
                    placed = {
                        (page, round(top)) for page, top, _ in words[start : start + len(wanted)]
                    }
                    assert len(placed) == 1, (slug, counter, line)  # on one line
    assert found >= 10
    pdf = all_text(pdf_reader(flyer_pdf(built, slug)))
    page = flyer_page(built, slug)
    for printed in (pdf, page):
        assert "Lundi, mardi, mercredi" not in printed
    if slug == "sept-guichets":
        assert "Du lundi au vendredi" in pdf and "Du lundi au vendredi" in page
    assert "Lundi, du mercredi au vendredi" in pdf and "Lundi, du mercredi au vendredi" in page


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


PAGE_CASES = [*(s for s in SLUGS if s not in {"sept-guichets", "sections-longues"})]
"""The cases whose procedure page (impression.css, not the flyer) fits one sheet: seven counters
or ten long paragraphs of sections of its own take three pages there, where nothing is cut."""


@pytest.mark.browser
@pytest.mark.parametrize("slug", PAGE_CASES)
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
