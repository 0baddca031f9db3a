"""Hard flyers, built for real (tests/print/cases.py): 20 documents and 15 steps, 6 and 7
counters, a long « Bon à savoir », a 60-character word and a 120-character web address in a
title, a list and a paragraph, notes and sub-headings between documents and between steps, an
introduction and sections of the procedure's own, and much of it at once (``longue``). In the
flyer's PDF, in Chromium's print of the flyer page and in both engines' print of the procedure
page, each takes at most two A4 pages, prints every document, step (and every note between
them), phone, postal code, hours line and closure, no counter's block is split across the
sides, and no glyph leaves the page; the procedure page on paper cuts its free text as the
flyer does."""

from __future__ import annotations

import html as html_lib
import re
import subprocess
from pathlib import Path

import pytest

from tests.browsing import AXE, AXE_TAGS, ORIGIN, RUN_AXE, serve
from tests.conftest import run_build
from tests.print.cases import CASES, LONG_GOOD, LONG_URL, LONG_WORD, URL, WORD, write_cases
from tests.print.helpers import (
    all_text,
    differences,
    is_a4,
    meta,
    page_text,
    page_words,
    pdf_reader,
)
from tests.site.on_paper import (
    MARGIN,
    check_everything_is_printed,
    check_procedure_on_paper,
    counter_lines,
    folded,
    glyphs_outside,
    pages_text,
    print_procedure_in_chromium,
    print_procedure_in_weasyprint,
)
from tests.theme.minimal import lynx_dump

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
    long = all_text(pdf_reader(built / "out/demarches/longue/fiche.pdf"))
    assert pages["longue"] == 2 and "suite sur www.val-daurore.fr/demarches/longue/" in long
    # the longest lists with a counter closed eighteen times: flowing over both sides, in full
    assert "d'un bout à l'autre" in warning_of(built, "tout-a-la-fois")
    assert pages["tout-a-la-fois"] == 2


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
    front = [
        top for page, top, word in words if page == 1 and word not in {"Suite", "au", "verso", "▸"}
    ]
    assert turns[0][1] > max(front)  # below everything else on the front: its foot
    assert turns[0][1] > 841.89 - 20 / 25.4 * 72  # within 20 mm of the sheet's bottom edge
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


@pytest.mark.browser
@pytest.mark.parametrize("slug", SLUGS)
def test_the_procedure_page_of_a_hard_case_prints_on_one_sheet(browser, built, slug):
    source, content = built / "content/demarches" / f"{slug}.md", built / "content"
    for pdf in (
        print_procedure_in_chromium(browser, built / "out", slug),
        print_procedure_in_weasyprint(built / "out", slug),
    ):
        check_procedure_on_paper(pdf, source, content, built / "out")


@pytest.mark.browser
def test_the_long_procedure_page_prints_its_flyer_s_words(browser, built):
    """Its flyer is cut at level 2: « Qui est concerné » and « Bon à savoir » keep their first
    sentence, and say where the rest is; each link prints its target."""
    web = "www.val-daurore.fr/demarches/longue/"
    for pdf in (
        print_procedure_in_chromium(browser, built / "out", "longue"),
        print_procedure_in_weasyprint(built / "out", "longue"),
    ):
        text = folded("\n".join(pages_text(pdf)))
        for words in (
            f"Toute personne qui habite la commune. … suite sur {web}",
            "Vous pouvez télécharger le formulaire (PDF, 10 Ko) "
            "(www.val-daurore.fr/documents/demande-domiciliation.pdf) avant de venir. "
            f"… suite sur {web}",
            f"Texte abrégé pour tenir sur une feuille. Démarche complète en ligne : {web}",
            "Demande de domiciliation (PDF, 10 Ko) "
            "(www.val-daurore.fr/documents/demande-domiciliation.pdf)",
            f"la notice détaillée ({LONG_URL}) avant de remplir",
            "l'accueil de la mairie (www.val-daurore.fr/guichets/mairie/) aux heures",
            f"Recopiez le code {LONG_WORD} sur la première page.",
        ):
            assert folded(words) in text, words
        for cut in ("Le détail est sur", LONG_GOOD[0].split(". ", 1)[1], "Conseil numéro 6"):
            assert folded(cut) not in text, cut


@pytest.mark.parametrize("slug", ["longue", "six-guichets"])
def test_a_text_browser_reads_a_cut_page_whole_and_nothing_printed_only(built, slug):
    page = built / "out" / "demarches" / slug / "index.html"
    dump = lynx_dump(page, columns=200)
    for said in ("suite sur", "à lire sur", "En ligne : www", "Texte abrégé"):
        assert said not in dump, (slug, said)
    source = (built / "content" / "demarches" / f"{slug}.md").read_text(encoding="utf-8")
    read = " ".join(dump.split())
    for paragraph in source.split("## Bon à savoir", 1)[1].strip().split("\n\n"):
        assert paragraph[-60:].strip() in read, (slug, paragraph)  # every paragraph, to its end


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
