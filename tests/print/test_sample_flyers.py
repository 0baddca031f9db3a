"""The sample town's flyers as WeasyPrint prints them: one A4 sheet each (one side or
recto-verso), with every document, every step and what residents need to reach the counter, and
a booklet of all of them in theme order."""

from __future__ import annotations

import re

import pytest

from guichet_plugins.procedures.generator import french_sort_key
from guichet_plugins.town.commune import parse_town_file
from tests.conftest import ROOT
from tests.html_pages import parse
from tests.print.helpers import (
    OPENING_TIME,
    all_text,
    counter_facts,
    is_a4,
    list_texts,
    meta,
    page_text,
    pdf_reader,
)

PROCEDURES = sorted((ROOT / "content/demarches").glob("*.md"))


@pytest.mark.parametrize("source", PROCEDURES, ids=lambda p: p.stem)
def test_each_flyer_pdf_is_one_a4_sheet_with_everything_a_resident_needs(sample_site, source):
    reader = pdf_reader(sample_site / "demarches" / source.stem / "fiche.pdf")
    assert len(reader.pages) <= 2 and all(is_a4(reader, n) for n in range(len(reader.pages)))
    text = all_text(reader)
    for heading in ("Pièces à fournir", "Étapes"):
        for item in list_texts(source, heading):
            assert item[:60] in text, (heading, item)
    fields = meta(source)
    assert fields["titre"] in text
    assert OPENING_TIME.search(text), text
    for counter in fields["guichets"].split(","):
        phone, postal = counter_facts(counter.strip())
        assert phone in text and postal in text, (counter, text)
    assert f"www.val-daurore.fr/demarches/{source.stem}/" in text
    assert "Vérifié le" in text


def test_flyer_pdfs_carry_title_language_and_author(sample_site):
    reader = pdf_reader(sample_site / "demarches" / "carte-identite" / "fiche.pdf")
    assert reader.metadata.title.startswith("Carte nationale d'identité")
    assert reader.metadata.author == "Mairie de Val-d'Aurore"
    assert reader.trailer["/Root"]["/Lang"] == "fr"
    assert "/StructTreeRoot" in reader.trailer["/Root"]  # tagged (PDF/UA-1)


def test_booklet_has_every_flyer_once_in_theme_order(sample_site):
    reader = pdf_reader(sample_site / "demarches" / "fiches.pdf")
    town = (ROOT / "content/commune.md").read_text(encoding="utf-8")
    themes = list(parse_town_file(town, "commune.md").settings["GUICHET_THEMES"])
    expected = sorted(
        (meta(p) for p in PROCEDURES),
        key=lambda f: (themes.index(f["theme"]), french_sort_key(f["titre"])),
    )
    index = 0
    for fields in expected:
        if not page_text(reader, index).strip():
            index += 1  # blank: the next flyer is recto-verso and starts a sheet
        assert fields["titre"] in page_text(reader, index), index
        assert is_a4(reader, index)
        index += 1
        if index < len(reader.pages) and "(suite)" in page_text(reader, index):
            index += 1  # the back of a recto-verso flyer
    assert index == len(reader.pages)
    assert reader.metadata.title == "Fiches pratiques – Mairie de Val-d'Aurore"
    assert reader.trailer["/Root"]["/Lang"] == "fr"


def test_flyer_page_has_no_script_and_links_its_print_stylesheet(sample_site):
    html = (sample_site / "demarches" / "carte-identite" / "fiche" / "index.html").read_text()
    assert "<script" not in html.lower() and not re.search(r"\son[a-z]+\s*=", html, re.I)
    sheets = [link.get("href") for link in parse(html).select('link[rel="stylesheet"]')]
    assert "/theme/css/fiche.css" in sheets
    css = (ROOT / "theme/static/css/fiche.css").read_text(encoding="utf-8")
    assert "@page" in css and "size: A4" in css


def test_flyer_stylesheet_is_black_on_white_11pt_and_never_below_9_5pt():
    css = (ROOT / "theme/static/css/fiche.css").read_text(encoding="utf-8")
    sizes = [float(v) for v in re.findall(r"font-size:\s*([\d.]+)pt", css)]
    assert re.search(r"body \{[^}]*font-size: 11pt", css)
    assert sizes and min(sizes) >= 9.5  # the compact layouts (many counters, dense)
    assert not re.search(r"font-size:\s*[\d.]+(px|em|rem|%)", css)  # points only, on paper
    colours = set(re.findall(r"(?:^|[\s;{])(?:color|background(?:-color)?):\s*([^;]+);", css))
    assert colours <= {"#000", "#fff", "inherit"}, colours  # no meaning in colour, no fills
