"""The sample town in the minimal browsers themselves (issue 16): w3m's and lynx's dumps read in
the right order, with separators and without a staircase of indentation; Dillo and NetSurf
draw the pages (screenshots kept in test-artifacts/minimal-browsers/ for review)."""

from __future__ import annotations

import re

import pytest

from tests.conftest import ROOT
from tests.html_pages import page as parsed
from tests.theme import minimal

PROCEDURE = "demarches/carte-identite/index.html"
READING_ORDER = [
    "Carte nationale d'identité",  # title (the line of the h1, after the breadcrumbs)
    "Demander ou renouveler une carte d'identité",  # summary
    "Coût",
    "Gratuit (25 € en cas de perte ou de vol)",
    "Délai",
    "Qui est concerné",
    "Pièces à fournir",
    "Étapes",
    "Sans internet",
    "1 place de la Mairie",  # the counter's address
    "Téléphone : 05 36 49 10 00",
    "Horaires d'ouverture",  # the hours table's name, above its first row
    "Lundi",
]
DEEPEST = {"w3m": 4, "lynx": 10}
"""Deepest indentation of a line of the procedure body outside tables, one list level (or a
definition) down: w3m writes items at 2 and their text at 4, lynx paragraphs at 3 and
definitions at 10. Without the end tags, w3m put every line after « Coût » 4, 8, 12 deeper."""
ARTIFACTS = ROOT / "test-artifacts" / "minimal-browsers"
SCREENSHOTS = ["index.html", PROCEDURE, "guichets/mairie/index.html"]
HEADER_BLUE = (0x12, 0x3F, 0x6D)


def dump(program: str, page) -> list[str]:
    text = minimal.w3m_dump(page) if program == "w3m" else minimal.lynx_dump(page)
    return text.splitlines()


def body(lines: list[str], title: str) -> list[str]:
    """Lines from the h1 (a line of its own, never in a list) to « Vérifié le »."""
    start = next(i for i, line in enumerate(lines) if line.strip() == title and line[0] != " ")
    end = next(i for i, line in enumerate(lines) if "Vérifié le" in line)
    return lines[start:end]


@pytest.mark.parametrize("program", ["w3m", "lynx"])
def test_procedure_reads_in_order(sample_site, program):
    lines = body(dump(program, sample_site / PROCEDURE), READING_ORDER[0])
    text = "\n".join(" ".join(line.split()) for line in lines)
    positions = [text.find(marker) for marker in READING_ORDER]
    assert -1 not in positions, dict(zip(READING_ORDER, positions, strict=True))
    assert positions == sorted(positions)


@pytest.mark.parametrize("program", ["w3m", "lynx"])
def test_procedure_body_has_no_staircase(sample_site, program):
    doc = parsed(sample_site, PROCEDURE)
    in_tables = " ".join(table.text for table in doc.select("table"))
    lines = body(dump(program, sample_site / PROCEDURE), READING_ORDER[0])
    deep = [
        line
        for line in lines
        if len(line) - len(line.lstrip(" ")) > DEEPEST[program]
        and " ".join(line.split()) not in in_tables
    ]
    assert deep == []
    headings = [h.text for h in doc.select("main h2")]
    assert headings
    flush = {" ".join(line.split()) for line in lines if line and line[0] != " "}
    assert [h for h in headings if h not in flush] == []  # every h2 starts its line


@pytest.mark.parametrize("program", ["w3m", "lynx"])
@pytest.mark.parametrize("path", [PROCEDURE, "guichets/mairie/index.html", "index.html"])
def test_menu_and_breadcrumb_separators_are_text(sample_site, program, path):
    text = " ".join(dump(program, sample_site / path))
    assert re.search(r"Démarches \|.*Guichets et horaires \|.*Plan du site", text)
    if path != "index.html":
        assert "Accueil ›" in text


def test_checklist_boxes_are_text(sample_site):
    lines = dump("w3m", sample_site / PROCEDURE)
    documents = parsed(sample_site, PROCEDURE).select(".checklist li")
    assert len([line for line in lines if "☐" in line]) == len(documents) > 0


@pytest.mark.parametrize(
    ("name", "command"), [("dillo", minimal.dillo), ("netsurf", minimal.netsurf)]
)
def test_dillo_and_netsurf_draw_the_pages(sample_site, name, command):
    """Screenshots to look at (test-artifacts/minimal-browsers/); asserted only to be pages
    drawn with the theme's colours, not a blank screen or an error."""
    shots = {}
    with minimal.Screen() as screen:
        for path in SCREENSHOTS:
            out = ARTIFACTS / f"{name}-{path.replace('/index.html', '').replace('/', '-')}.png"
            shots[path] = screen.shoot(command(sample_site / path), out)
    for path, image in shots.items():
        colours = image.convert("RGB").getcolors(maxcolors=1 << 20) or []
        assert len(colours) > 20, path  # text, antialiased: not a blank screen
        assert HEADER_BLUE in {colour for _, colour in colours}, path  # the inline CSS applied
