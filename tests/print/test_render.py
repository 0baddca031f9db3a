"""Typst side: the flyer laid out and measured, the fitting loop, the booklet."""

from __future__ import annotations

import subprocess
import sys

from guichet_plugins.print.render import compile_pdf, lay_out_level, typst_input, write_booklet
from guichet_plugins.print.work import Flyer, fit_flyers
from tests.print.helpers import page_text, pdf_reader
from tests.print.samples import content


def data(count: int = 3, level: int = 0, **changes) -> str:
    """A flyer with ``count`` documents at ``level``."""
    return typst_input(content(count, level, **changes))


def test_a_short_flyer_fits_one_side_and_a_long_one_does_not():
    short = lay_out_level(data(3), pages=1, measure=True)
    assert short.fits and short.pages == 1 and short.overflow_mm < 0 and short.pdf
    long = lay_out_level(data(120), pages=1)
    assert not long.fits and long.pages >= 2 and long.overflow_mm > 100


def test_the_overflow_grows_with_the_content():
    overflows = [lay_out_level(data(n)).overflow_mm for n in (60, 80, 100)]
    assert overflows == sorted(overflows) and overflows[0] < overflows[2] - 20


def test_the_parts_of_level_zero_are_measured():
    few = lay_out_level(data(3), measure=True).parts_mm
    many = lay_out_level(data(30), measure=True).parts_mm
    assert set(few) == {"documents", "steps", "counter:mairie"}
    assert many["documents"] > few["documents"] + 50
    assert many["counter:mairie"] == few["counter:mairie"]


def fit(levels: list[str], workers: int = 1):
    return fit_flyers([Flyer(levels.__getitem__)], len(levels), workers)[0]


def test_the_first_level_that_fits_is_kept():
    # Level 0 must fit one page; the next levels (recto-verso) may take two.
    fitted = fit([data(60, 0), data(200, 1), data(60, 2), data(3, 3)])
    assert fitted.level == 2 and fitted.pages == 2 and fitted.overflow_mm > 0
    assert len(pdf_reader(fitted.pdf).pages) == 2


def test_a_one_side_flyer_stays_at_level_zero():
    fitted = fit([data(3, 0), data(3, 1)])
    assert fitted.level == 0 and fitted.pages == 1 and fitted.overflow_mm == 0


def test_when_nothing_fits_the_last_level_is_printed_and_said_to_be_too_long():
    fitted = fit([data(200, 0), data(200, 1), data(180, 2)])
    assert fitted.level == 2 and fitted.pages > 2
    assert len(pdf_reader(fitted.pdf).pages) == fitted.pages


def test_a_level_identical_to_the_previous_one_is_not_laid_out_again():
    same = data(60, 0)
    fitted = fit([same, same, same])  # nothing changes: level 0 is printed, on 2 pages
    assert fitted.level == 0 and fitted.pages == 2


def test_many_flyers_in_two_processes_give_the_same_pdfs_in_the_same_order():
    sets = [
        [data(60, 0, title=f"F{n}"), data(30 + 30 * n, 1, title=f"F{n}"), data(3, 2, title=f"F{n}")]
        for n in range(4)
    ]
    flyers = [Flyer(levels.__getitem__) for levels in sets]
    alone = fit_flyers(flyers, 3, workers=1)
    together = fit_flyers(flyers, 3, workers=2)
    assert together == alone
    assert [f.level for f in alone] == [1, 1, 2, 2]  # 30 and 60 documents fit 2 pages, not 90
    titles = [pdf_reader(f.pdf).metadata.title for f in together]
    assert titles == [f"F{n} – fiche pratique – Mairie de Val-d'Aurore" for n in range(4)]


def test_a_level_that_does_not_fit_is_measured_without_its_pdf():
    slow = lay_out_level(data(120), pages=1, measure=True, pdf=True)
    quick = lay_out_level(data(120), pages=1, measure=True)
    assert not quick.fits and quick.pdf is None and slow.pdf == compile_pdf(data(120))
    assert (quick.pages, quick.overflow_mm, quick.parts_mm) == (
        slow.pages,
        slow.overflow_mm,
        slow.parts_mm,
    )


def test_the_kept_level_is_the_pdf_a_lone_compilation_of_it_gives():
    recto_verso = fit([data(60, 0), data(60, 1)])
    assert recto_verso.level == 1 and recto_verso.pdf == compile_pdf(data(60, 1))
    too_long = fit([data(200, 0), data(200, 1)])  # nothing fits: the last level is printed
    assert too_long.level == 1 and too_long.pdf == compile_pdf(data(200, 1))
    assert len(pdf_reader(too_long.pdf).pages) == too_long.pages > 2


def test_same_flyer_same_bytes_tagged_ua1():
    first, second = compile_pdf(data(5)), compile_pdf(data(5))
    assert first == second
    assert b"pdfuaid:part" in first or b"pdfuaid" in first
    reader = pdf_reader(first)
    assert reader.trailer["/Root"]["/MarkInfo"]["/Marked"]
    assert reader.trailer["/Root"]["/Lang"] == "fr"


def test_booklet_starts_a_recto_verso_flyer_on_the_front_of_a_sheet():
    one = compile_pdf(data(1, title="Une face"))
    two = compile_pdf(data(60, 1, title="Deux faces"))
    assert len(pdf_reader(one).pages) == 1 and len(pdf_reader(two).pages) == 2
    reader = pdf_reader(write_booklet([one, two, one, one, two], "Fiches", "Mairie"))
    texts = [p.extract_text().strip() for p in reader.pages]
    assert len(texts) == 8 and texts[1] == "" and "Une face" in texts[0]  # blank, then 2 + 2
    assert "Une face" in texts[4] and "Une face" in texts[5] and "Deux faces" in texts[6]


def test_booklet_keeps_every_page_in_order_with_its_own_title():
    pdfs = [compile_pdf(data(1, title=f"Fiche {n}")) for n in range(3)]
    booklet = write_booklet(pdfs, "Toutes les fiches", "Mairie")
    reader = pdf_reader(booklet)
    assert len(reader.pages) == 3
    assert [f"Fiche {n}" in reader.pages[n].extract_text() for n in range(3)] == [True] * 3
    assert reader.metadata.title == "Toutes les fiches"
    assert reader.metadata.author == "Mairie"
    assert reader.trailer["/Root"]["/Lang"] == "fr"
    assert write_booklet(pdfs, "Toutes les fiches", "Mairie") == booklet  # deterministic


def test_a_flowing_flyer_says_suite_au_verso_at_the_foot_of_its_front_only_with_a_back():
    two = pdf_reader(compile_pdf(data(150, 5)))  # dense-flow, over two pages
    assert len(two.pages) == 2
    assert "Suite au verso ▸" in page_text(two, 0) and "verso" not in page_text(two, 1)
    one = pdf_reader(compile_pdf(data(3, 5)))  # dense-flow that fits one page: no back
    assert len(one.pages) == 1 and "verso" not in page_text(one, 0)


def test_a_counter_block_never_breaks_across_pages():
    from dataclasses import replace

    from tests.print.samples import COUNTER

    closures = tuple(f"Le {n} janvier 2027 : fermeture numéro {n}" for n in range(1, 30))
    counters = tuple(
        replace(COUNTER, slug=f"c{n}", name=f"Guichet {n}", closures=closures) for n in range(3)
    )
    for level, documents in ((1, 3), (1, 12), (5, 3), (5, 20)):  # at several heights
        flyer = data(documents, level, counters=counters, many=True)
        reader = pdf_reader(compile_pdf(flyer))
        for n in range(3):
            holding = [
                p for p in range(len(reader.pages)) if f"Guichet {n}" in page_text(reader, p)
            ]
            (page,) = holding
            text = page_text(reader, page).split(f"Guichet {n}", 1)[1]
            assert "fermeture numéro 29" in text and "8 h 30 à 12 h" in text, (level, documents)


def test_a_front_too_full_for_a_browser_takes_the_next_level():
    from guichet_plugins.print.options import FRONT_SAFETY_MM, MARGIN_Y_MM
    from guichet_plugins.print.render import ROOM_MM, _compiler, _query

    def front_room(documents: int) -> float:
        front = _query(_compiler(data(documents, 1)), "flyer-end")[0]["front"]
        assert front["page"] == 1
        return ROOM_MM - (front["y"] - MARGIN_Y_MM)

    assert 0 < front_room(72) < FRONT_SAFETY_MM < front_room(64)  # the cases hold
    full = lay_out_level(data(72, 1), pages=2)
    assert full.pages == 2 and not full.fits  # two pages in Typst, three in a browser
    assert lay_out_level(data(64, 1), pages=2).fits
    assert _query(_compiler(data(72, 5)), "flyer-end")[0]["front"] is None  # flowing: no front


def test_the_workers_fork_server_is_quiet_and_the_build_is_not():
    """A worker that cannot start (the build stopped at that moment) prints no traceback: its
    fork server's excepthook is silent; the build's own process keeps Python's."""
    script = (
        "import sys\n"
        "from guichet_plugins.print.work import worker_pool\n"
        "with worker_pool(1) as pool:\n"
        "    hook = pool.submit(eval, \"__import__('sys').excepthook.__module__\").result()\n"
        "print(hook, sys.excepthook is sys.__excepthook__)\n"
    )
    run = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=True, timeout=60
    )
    assert run.stdout.split() == ["guichet_plugins.print.quiet_start", "True"], run.stderr
