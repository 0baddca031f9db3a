"""WeasyPrint side: overflow measured on the real layout, the fitting loop, the booklet."""

from __future__ import annotations

import pytest
from print.options import SAFETY_MM
from print.render import layout, overflow_mm, write_booklet, write_pdf
from print.work import Flyer, fit_flyers

from tests.print.helpers import pdf_reader

BASE = "https://www.example.fr/demarches/x/fiche/"
PAGE = "<html lang='fr'><title>{title}</title><style>@page {{ size: A4; margin: 10mm }} "
PAGE += "body {{ margin: 0 }} p {{ margin: 0; height: {mm}mm }}</style>{body}</html>"


def page(paragraphs: int, mm: float = 20, title: str = "Fiche") -> str:
    return PAGE.format(title=title, mm=mm, body="<p>x</p>" * paragraphs)


@pytest.mark.parametrize(
    ("paragraphs", "expected"),
    [
        (10, 200 - 277 + SAFETY_MM),  # fits: negative, room left
        (20, 400 - 277 + SAFETY_MM),  # 400 mm of content on a 277 mm high page
        (30, 600 - 277 + SAFETY_MM),  # three pages
    ],
)
def test_overflow_is_measured_on_the_layout(paragraphs, expected):
    assert overflow_mm(layout(page(paragraphs), BASE, {})) == pytest.approx(expected, abs=1)


def fit_flyer(levels: list[str], workers: int = 1):
    return fit_flyers([Flyer(levels.__getitem__, BASE)], len(levels), {}, workers)[0]


def test_the_first_level_that_fits_is_kept():
    # Level 0 must fit one page; the next levels (recto-verso) may take two.
    fitted = fit_flyer([page(20), page(30), page(25), page(5)])
    assert fitted.level == 2 and fitted.pages == 2
    assert fitted.overflow_mm == pytest.approx(400 - 277 + SAFETY_MM, abs=1)
    assert len(pdf_reader(fitted.pdf).pages) == 2


def test_a_one_page_flyer_stays_at_level_zero():
    fitted = fit_flyer([page(10), page(5)])
    assert fitted.level == 0 and fitted.pages == 1 and fitted.overflow_mm == 0


def test_when_nothing_fits_the_last_level_is_printed_and_said_to_be_too_long():
    fitted = fit_flyer([page(30), page(40), page(35)])
    assert fitted.level == 2 and fitted.pages == 3 and fitted.overflow_mm > 300
    assert len(pdf_reader(fitted.pdf).pages) == 3


def test_a_level_identical_to_the_previous_one_is_not_laid_out_again():
    fitted = fit_flyer([page(20), page(20), page(20)])  # no cut changes anything: the last
    assert fitted.level == 0 and fitted.pages == 2  # distinct level, 0, is printed


def test_the_parts_of_level_zero_are_measured():
    html = PAGE.format(
        title="F", mm=20, body='<div data-part="documents"><p>x</p><p>x</p></div><p>y</p>'
    )
    fitted = fit_flyer([html])
    assert fitted.parts_mm == {"documents": pytest.approx(40, abs=0.5)}


def test_many_flyers_in_two_processes_give_the_same_pdfs_in_the_same_order():
    sets = [
        [page(20, title=f"F{n}"), page(24 + 2 * n, title=f"F{n}"), page(5, title=f"F{n}")]
        for n in range(4)
    ]
    flyers = [Flyer(levels.__getitem__, BASE) for levels in sets]
    alone = fit_flyers(flyers, 3, {}, workers=1)
    together = fit_flyers(flyers, 3, {}, workers=2)
    assert together == alone
    assert [f.level for f in alone] == [1, 1, 2, 2]  # 24 and 26 paragraphs fit 2 pages, not 28
    titles = [pdf_reader(f.pdf).metadata.title for f in together]
    assert titles == ["F0", "F1", "F2", "F3"]


def test_booklet_starts_a_recto_verso_flyer_on_the_front_of_a_sheet():
    one = write_pdf(layout("<html lang='fr'><p>Une face</p>", BASE, {}))
    two = write_pdf(layout(page(20), BASE, {}))
    assert len(pdf_reader(two).pages) == 2
    reader = pdf_reader(write_booklet([one, two, one, one, two], "Fiches", "Mairie"))
    texts = [p.extract_text().strip() for p in reader.pages]
    assert len(texts) == 8 and texts[1] == "" and texts[0] == "Une face"  # blank, then 2 + 2
    assert texts[4] == texts[5] == "Une face" and texts[6] != ""  # page 7 starts a sheet


def test_booklet_keeps_every_page_in_order_with_its_own_title():
    pdfs = [write_pdf(layout(f"<html lang='fr'><p>Fiche {n}</p>", BASE, {})) for n in range(3)]
    booklet = write_booklet(pdfs, "Toutes les fiches", "Mairie")
    reader = pdf_reader(booklet)
    assert len(reader.pages) == 3
    assert [f"Fiche {n}" in reader.pages[n].extract_text() for n in range(3)] == [True] * 3
    assert reader.metadata.title == "Toutes les fiches"
    assert reader.metadata.author == "Mairie"
    assert reader.trailer["/Root"]["/Lang"] == "fr"
    assert write_booklet(pdfs, "Toutes les fiches", "Mairie") == booklet  # deterministic
